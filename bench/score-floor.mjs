// The score table of the command-line floors (bench/cli-floor.mjs for CSV, bench/xlsx-floor.mjs for
// a workbook): what one would write by hand to produce the same output as `vndi score --format csv`
// for the bench's files (STT, Mã DN, Tên doanh nghiệp, Huyện, then the 60 criteria of dbi-2021-sme in
// order): cells turned into numbers, pillar points summed, the framework's level rule evaluated
// inline, the CSV table written (no provenance trailer).
import { createWriteStream } from 'node:fs';
import { criterionOrder, getFramework } from '../dist/index.js';

// framework data (figures only: maxima, level bands and conditions, level names)
export const framework = getFramework('dbi-2021-sme');
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

export const pillarPoints = new Float64Array(P);
const pillarLevel = new Int8Array(P);
/** Scores one row into pillarPoints / pillarLevel; returns [total, level]. */
export function scoreRow(r) {
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

/** The score table written to `outFile`, row by row: `onRow(cells)`, then `await finish()`. */
export function scoreTable(outFile) {
  const out = createWriteStream(outFile);
  // the officer's own columns come back beside the id and name (here the district)
  const head = ['id', 'name', 'district', 'framework', 'total', 'max', 'percent', 'level', 'levelName'];
  for (const p of framework.pillars) head.push(p.id, `${p.id}.level`);
  let buf = [head.join(',')];
  const pending = [];
  return {
    onRow(r) {
      const [total, level] = scoreRow(r);
      let line = `${cell(r[1])},${cell(r[2])},${cell(r[3])},${framework.id},${total},${totalMax},${percentOf(total)},${level},${levelName.get(level)}`;
      for (let p = 0; p < P; p++) line += `,${pillarPoints[p]},${pillarLevel[p]}`;
      buf.push(line);
      if (buf.length === 10_000) {
        pending.push(new Promise((resolve) => out.write(`${buf.join('\n')}\n`, resolve)));
        buf = [];
      }
    },
    async finish() {
      out.write(buf.length ? `${buf.join('\n')}\n` : '');
      await Promise.all(pending);
      await new Promise((resolve) => out.end(resolve));
    },
  };
}
