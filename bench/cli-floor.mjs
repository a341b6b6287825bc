// The floor of the command-line benchmark: read the same CSV file with papaparse, streaming, and
// turn every cell into a number. Nothing is scored or written. Prints the number of data rows.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
let rows = 0;
let sum = 0;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
    chunk(results) {
      for (const r of results.data) {
        for (let i = 0; i < r.length; i++) sum += Number(r[i]) || 0;
        rows++;
      }
    },
    complete: resolve,
    error: reject,
  });
});
console.log(JSON.stringify({ rows: rows - 1, sum }));
