"""The Krachtige Gemeenschappen Limburg site as a whole, imported as ``limburg``.

The folder is called ``site/`` (the project's design card), but ``site`` is a
standard-library module that Python imports at start-up, so a package of that
name can never be imported. ``pyproject.toml`` maps the folder to the import
name ``limburg`` (``[tool.setuptools] package-dir``) and the project is
installed editable, so ``import limburg`` finds this folder.
"""
