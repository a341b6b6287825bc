// The floors of the command-line benchmark: what one would write by hand to produce the same output
// as `vndi score --format csv` and `vndi summary --group-by district --format json` for the bench's
// file (STT, Mã DN, Tên doanh nghiệp, Huyện, then the 60 criteria of dbi-2021-sme in order). Each
// reads the CSV with papaparse (streaming), turns its cells into numbers, sums pillar points,
// evaluates the framework's level rule inline and writes its output file:
//
//   node bench/cli-floor.mjs score   input.csv out.csv    the score table (no provenance trailer)
//   node bench/cli-floor.mjs summary input.csv out.json  { framework, groups, overall } (no provenance)
//
// bench/cli.mjs checks both outputs equal to the command's own (its table; its JSON without the
// provenance block, which is the framework's fixed metadata). Prints the number of data rows.
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { groupSummary } from './summary-floor.mjs';
import Papa from 'papaparse';
import { criterionOrder, getFramework } from '../dist/index.js';

const [mode, file, outFile] = process.argv.slice(2);
if ((mode !== 'score' && mode !== 'summary') || !file || !outFile) throw new Error('usage: cli-floor.mjs score|summary input.csv out');

// framework data (figures only: maxima, level bands and conditions, level names)
const framework = getFramework('dbi-2021-sme');
const order = criterionOrder(framework);
const P = framework.pillars.length;
const pillarOf = Uint8Array.from(order.map((id) => framework.pillars.findIndex((p) => id.startsWith(`${p.code}.`))));
const maxima = framework.pillars.map((p) => p.max);
const totalMax = maxima.reduce((a, b) => a + b, 0);
const rule = framework.levelRule;
const bands = [...rule.pillarBands].sort((a, b) => a.upToPercent - b.upToPercent);
const conditions = [...rule.overall].sort((a, b) => b.level - a.level);
const levelName = new Map(framework.levels.map((l) => [l.level, l.name.en]));
const FIRST = 4; // criteria start after STT, Mã DN, Tên doanh nghiệp, Huyện

const pillarPoints = new Float64Array(P);
const pillarLevel = new Int8Array(P);
/** Scores one row into pillarPoints / pillarLevel; returns [total, level]. */
function scoreRow(r) {
  pillarPoints.fill(0);
  for (let c = 0; c < order.length; c++) pillarPoints[pillarOf[c]] += Number(r[FIRST + c]);
  let total = 0;
  for (let p = 0; p < P; p++) {
    const v = pillarPoints[p];
    total += v;
    let l = bands[bands.length - 1].level;
    for (const band of bands) if (v * 10000 <= Math.round(band.upToPercent * 100) * maxima[p]) { l = band.level; break; }
    pillarLevel[p] = l;
  }
  let level = bands[0].level;
  for (const cond of conditions) {
    if (total <= cond.totalAbove) continue;
    let n = 0;
    for (let p = 0; p < P; p++) if (pillarLevel[p] >= cond.level) n++;
    if (n >= cond.minPillarsAtLevel) { level = cond.level; break; }
  }
  return [total, level];
}

const cell = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
// percent of the maximum at 2 decimals, half-up, on integers (points are whole numbers here)
const percentOf = (total) => String(Math.floor((total * 20000 + totalMax) / (2 * totalMax)) / 100);

let rows = 0;
let onRow;
let finish;
if (mode === 'score') {
  const out = createWriteStream(outFile);
  // the officer's own columns come back beside the id and name (here the district)
  const head = ['id', 'name', 'district', 'framework', 'total', 'max', 'percent', 'level', 'levelName'];
  for (const p of framework.pillars) head.push(p.id, `${p.id}.level`);
  let buf = [head.join(',')];
  const pending = [];
  onRow = (r) => {
    const [total, level] = scoreRow(r);
    let line = `${cell(r[1])},${cell(r[2])},${cell(r[3])},${framework.id},${total},${totalMax},${percentOf(total)},${level},${levelName.get(level)}`;
    for (let p = 0; p < P; p++) line += `,${pillarPoints[p]},${pillarLevel[p]}`;
    buf.push(line);
    if (buf.length === 10_000) {
      pending.push(new Promise((resolve) => out.write(`${buf.join('\n')}\n`, resolve)));
      buf = [];
    }
  };
  finish = async () => {
    out.write(buf.length ? `${buf.join('\n')}\n` : '');
    await Promise.all(pending);
    await new Promise((resolve) => out.end(resolve));
  };
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
