"""Demo content: real programmes and organisations, described from ../shared/content.

Loaded by ``python manage.py load_demo``; never by a migration.
"""
