// Reads every Parquet file of a published extracts folder with DuckDB (its own C++ Parquet reader, the one Python's and
// R's duckdb packages use), as an analyst's tool would. Prints one JSON line with DuckDB's version, then one per file:
// its name, DuckDB's column names and types, and every row as DuckDB gives it to JSON. Exits 1 if any file cannot be read.
'use strict';
const fs = require('fs');
const path = require('path');
const { DuckDBInstance } = require('@duckdb/node-api');

(async () => {
  const folder = process.argv[2];
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  console.log(JSON.stringify({ duckdb: (await connection.runAndReadAll('SELECT version()')).getRows()[0][0] }));
  for (const file of fs.readdirSync(folder).filter(f => f.endsWith('.parquet')).sort()) {
    const quoted = path.join(folder, file).replace(/'/g, "''");
    const result = await connection.runAndReadAll(`SELECT * FROM read_parquet('${quoted}')`);
    console.log(JSON.stringify({
      file,
      columns: result.columnNames().map((name, i) => ({ name, type: result.columnTypes()[i].toString() })),
      rows: result.getRowsJson(),
    }));
  }
})().catch(e => {
  console.error(e.message);
  process.exit(1);
});
