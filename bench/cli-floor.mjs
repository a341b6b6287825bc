// The floors of the command-line benchmark: what one would write by hand to produce the same output
// as `vndi score --format csv` and `vndi summary --group-by district --format json` for the bench's
// file (STT, Mã DN, Tên doanh nghiệp, Huyện, then the 60 criteria of dbi-2021-sme in order). Each
// reads the CSV with papaparse (streaming), turns its cells into numbers, sums pillar points,
// evaluates the framework's level rule inline (bench/score-floor.mjs) and writes its output file:
//
//   node bench/cli-floor.mjs score   input.csv out.csv    the score table (no provenance trailer)
//   node bench/cli-floor.mjs summary input.csv out.json  { framework, groups, overall } (no provenance)
//
// bench/cli.mjs checks both outputs equal to the command's own (its table; its JSON without the
// provenance block, which is the framework's fixed metadata). Prints the number of data rows.
import { createReadStream, writeFileSync } from 'node:fs';
import { groupSummary } from './summary-floor.mjs';
import Papa from 'papaparse';
import { framework, pillarPoints, scoreRow, scoreTable } from './score-floor.mjs';

const [mode, file, outFile] = process.argv.slice(2);
if ((mode !== 'score' && mode !== 'summary') || !file || !outFile) throw new Error('usage: cli-floor.mjs score|summary input.csv out');
const P = framework.pillars.length;

let rows = 0;
let onRow;
let finish;
if (mode === 'score') {
  ({ onRow, finish } = scoreTable(outFile));
} else {
  // gather each row's total, level and pillar points by district, then the same statistics as
  // summarize: counts per level, shares at or above, mean percent, count / mean / median /
  // quartiles / extremes / exact mean and sum (decimal.js) of the total and each pillar
  const index = new Map();
  const groups = [];
  const newGroup = () => ({ count: 0, levels: new Array(framework.levels.length).fill(0), total: [], pillars: framework.pillars.map(() => []) });
  const all = newGroup();
  onRow = (r) => {
    const [total, level] = scoreRow(r);
    let g = index.get(r[3]);
    if (g === undefined) index.set(r[3], (g = groups.push(newGroup()) - 1));
    for (const x of [groups[g], all]) {
      x.count++;
      x.levels[level]++;
      x.total.push(total);
      for (let p = 0; p < P; p++) x.pillars[p].push(pillarPoints[p]);
    }
  };
  const summary = groupSummary(framework);
  finish = async () => {
    const keys = [...index.keys()].sort();
    const out = { framework: framework.id, groups: keys.map((k) => summary(k, { district: k }, groups[index.get(k)])), overall: summary('all', {}, all) };
    writeFileSync(outFile, JSON.stringify(out, null, 2));
  };
}

let header = true;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
    skipEmptyLines: true,
    chunk(results) {
      for (const r of results.data) {
        if (header) {
          header = false;
          continue;
        }
        onRow(r);
        rows++;
      }
    },
    complete: resolve,
    error: reject,
  });
});
await finish();
console.log(JSON.stringify({ rows }));
