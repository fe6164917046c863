// Opens a mart with sql.js 1.4.0 (SQLite 3.33.0, 2020) and reads every table and view, as an older tool would.
// Prints "sqlite <version>" then "<name> <rows>" per table or view; exits 1 with the error if any query fails.
'use strict';
const fs = require('fs');
const initSqlJs = require('sql.js/dist/sql-asm.js'); // the asm.js build: no .wasm to fetch
initSqlJs().then(SQL => {
  const db = new SQL.Database(fs.readFileSync(process.argv[2]));
  try {
    console.log('sqlite ' + db.exec('SELECT sqlite_version()')[0].values[0][0]);
    const names = db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")[0].values.map(r => r[0]);
    for (const name of names) {
      const rows = db.exec('SELECT * FROM "' + name.replace(/"/g, '""') + '"');
      console.log(name + ' ' + (rows.length ? rows[0].values.length : 0));
    }
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
});
