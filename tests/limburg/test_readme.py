"""The README stays true: it names every environment variable the settings read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_documents_every_environment_variable():
    readme = (ROOT / "README.md").read_text()
    names = set()
    for module in (ROOT / "site" / "settings").glob("*.py"):
        names.update(re.findall(r'env_(?:str|bool|list|int)\(\s*"([A-Z_]+)"', module.read_text()))
    assert len(names) >= 10
    missing = sorted(name for name in names if f"| `{name}` |" not in readme)
    assert missing == []


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text()[:400]
    assert "make run" in head and "make test" in head
