"""Text clean-up shared by everything that passes visitor or editor text on."""

import unicodedata

# Control, format, surrogate, private-use and unassigned characters (NUL,
# vertical tab, U+FFFE, RTL override, …): they break full-text backends and
# XML writers and never carry meaning in a title or a query.
UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def printable(text: str, replacement: str = " ") -> str:
    """``text`` with unprintable characters replaced; tabs and newlines become spaces too."""
    return "".join(
        replacement if unicodedata.category(char) in UNPRINTABLE_CATEGORIES else char
        for char in text
    )
