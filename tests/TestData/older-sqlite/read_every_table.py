"""Opens a mart with the Python sqlite3 module (Debian 12: SQLite 3.40) and reads every table and view.

Prints "sqlite <version>" then "<name> <rows>" per table or view; a failing query raises and exits non-zero."""
import sqlite3
import sys

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print("sqlite", sqlite3.sqlite_version)
names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")]
for name in names:
    rows = db.execute('SELECT * FROM "%s"' % name.replace('"', '""')).fetchall()
    print(name, len(rows))
