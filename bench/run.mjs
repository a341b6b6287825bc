/**
 * npm run bench — speed and memory targets, each measured against a floor in the same process on
 * the same data. Writes docs/benchmarks.md. Exits 1 when a target is missed.
 *
 * Run with --expose-gc (the npm script does) so that each timing starts from a collected heap.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { criterionOrder, getFramework, rank, scoreDbi, scoreDbiBatch, summarize } from '../dist/index.js';

const gc = globalThis.gc ?? (() => {});
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
function time(fn) {
  gc();
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
}
/** Interleaves the subject and its floor, REPS times each, and returns both medians. */
function compare(subject, floor) {
  subject();
  floor();
  const a = [];
  const b = [];
  for (let i = 0; i < REPS; i++) {
    a.push(time(subject)[0]);
    b.push(time(floor)[0]);
  }
  return { ms: median(a), floorMs: median(b) };
}

const framework = getFramework('dbi-2021-sme');
const order = criterionOrder(framework);
const cols = order.length;
const pillarOf = Uint8Array.from(order.map((id) => framework.pillars.findIndex((p) => id.startsWith(`${p.code}.`))));
const P = framework.pillars.length;
const strategyCol = order.indexOf('2.1.1');
const rand = rng(7);
const answers = new Uint8Array(ROWS * cols);
for (let r = 0; r < ROWS; r++) {
  const m = rand();
  for (let c = 0; c < cols; c++) {
    const v = Math.min(5, Math.max(0, Math.round((m + (rand() - 0.5) * 0.6) * 5)));
    answers[r * cols + c] = c === strategyCol ? v * 5 : v;
  }
}
const results = [];

// 1. batch scoring vs a plain summing loop
{
  const floor = () => {
    const out = new Float64Array(ROWS * P);
    for (let r = 0; r < ROWS; r++) {
      const base = r * cols;
      const o = r * P;
      for (let c = 0; c < cols; c++) out[o + pillarOf[c]] += answers[base + c];
    }
    return out;
  };
  const { ms, floorMs } = compare(() => scoreDbiBatch(framework, answers), floor);
  results.push({ name: `scoreDbiBatch, ${ROWS.toLocaleString('en')} DBI 2021 SME rows`, value: `${ms.toFixed(0)} ms`, floor: `${floorMs.toFixed(0)} ms (summing loop)`, ratio: ms / floorMs, target: 1.5, unit: '×' });
}

// 2. memory of the batch path
{
  gc();
  const before = process.memoryUsage();
  const out = scoreDbiBatch(framework, answers);
  const after = process.memoryUsage();
  // the outputs' own bytes (exact; an arrayBuffers delta would shrink when earlier garbage is freed)
  // plus any growth of the JavaScript heap during the call
  const heap = Math.max(0, after.heapUsed - before.heapUsed);
  const outputs = [out.total, out.level, out.pillarPoints, out.pillarLevel, out.valid].reduce((s, a) => s + a.byteLength, 0);
  const extra = outputs + heap;
  results.push({ name: 'scoreDbiBatch extra memory', value: `${(extra / 2 ** 20).toFixed(1)} MiB (heap ${(heap / 2 ** 20).toFixed(1)} MiB)`, floor: `input ${(answers.byteLength / 2 ** 20).toFixed(1)} MiB`, ratio: extra / answers.byteLength, target: 2, unit: '× input' });
  results.push({ name: 'scoreDbiBatch heap per row (no per-row objects)', value: `${(heap / ROWS).toFixed(2)} B/row`, floor: '—', ratio: heap / ROWS, target: 8, unit: 'B/row' });
  if (out.rows !== ROWS) throw new Error('rows');
}

// 3. one assessment at a time, validation included
{
  const inputs = [];
  for (let i = 0; i < 2000; i++) {
    const a = {};
    for (let c = 0; c < cols; c++) a[order[c]] = answers[i * cols + c];
    inputs.push({ answers: a });
  }
  for (let i = 0; i < 20000; i++) scoreDbi(framework, inputs[i % inputs.length]);
  const samples = [];
  for (let k = 0; k < 200; k++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) scoreDbi(framework, inputs[(k * 100 + i) % inputs.length]);
    samples.push(Number(process.hrtime.bigint() - t) / 100 / 1000);
  }
  const us = median(samples);
  results.push({ name: 'scoreDbi one assessment (validation included), median', value: `${us.toFixed(2)} µs (${Math.round(1e6 / us).toLocaleString('en')}/s on one core)`, floor: 'target 20 µs', ratio: us / 20, target: 1, unit: '× 20 µs' });
}

// 4. rank with ties vs a plain Float64Array sort
{
  const values = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) values[i] = Math.round(rand() * 10000) / 10000;
  const entries = Array.from(values, (score, i) => ({ id: `u${i}`, score }));
  const { ms, floorMs } = compare(() => rank(entries), () => Float64Array.from(values).sort());
  results.push({ name: `rank, ${ROWS.toLocaleString('en')} values with ties (4 decimals)`, value: `${ms.toFixed(0)} ms`, floor: `${floorMs.toFixed(0)} ms (Float64Array copy + sort)`, ratio: ms / floorMs, target: 3, unit: '×' });
}

// 5. summarize into 700 groups vs a hand-written Map aggregation
{
  const distinct = [];
  for (let i = 0; i < 5000; i++) {
    const a = {};
    for (let c = 0; c < cols; c++) a[order[c]] = answers[i * cols + c];
    distinct.push(scoreDbi(framework, { answers: a }));
  }
  const entries = Array.from({ length: ROWS }, (_, i) => ({ group: `g${(i * 7919) % 700}`, result: distinct[i % distinct.length] }));
  const floor = () => {
    const m = new Map();
    for (const e of entries) {
      let acc = m.get(e.group);
      if (!acc) m.set(e.group, (acc = { count: 0, total: 0, levels: new Float64Array(6), pillars: new Float64Array(P) }));
      const r = e.result;
      acc.count++;
      acc.total += r.total;
      acc.levels[r.level]++;
      for (let p = 0; p < P; p++) acc.pillars[p] += r.pillars[p].points;
    }
    return m;
  };
  const { ms, floorMs } = compare(() => summarize(entries, { groupBy: 'group' }), floor);
  results.push({ name: `summarize, ${ROWS.toLocaleString('en')} results into 700 groups (with quartiles)`, value: `${ms.toFixed(0)} ms`, floor: `${floorMs.toFixed(0)} ms (Map: count, sums, level counts)`, ratio: ms / floorMs, target: 3, unit: '×' });
}

const ok = results.every((r) => r.ratio <= r.target);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}.`,
  `Each figure is the median of ${REPS} runs, interleaved with its floor in the same process on the same data, after a garbage collection.`,
  '',
  '| Benchmark | Figure | Floor | Ratio | Target | Met |',
  '|---|---|---|---:|---:|:---:|',
  ...results.map((r) => `| ${r.name} | ${r.value} | ${r.floor} | ${r.ratio.toFixed(2)} ${r.unit} | ≤ ${r.target} ${r.unit} | ${r.ratio <= r.target ? 'yes' : '**no**'} |`),
  '',
  'Floors: the batch path against a loop that only sums the same `Uint8Array` into pillar totals; `rank` against copying the',
  'values into a `Float64Array` and sorting it; `summarize` against a `Map` aggregation of counts, total and pillar sums and',
  'level counts (no quartiles). Memory: the bytes of the batch outputs plus heap growth during the call, against the input size.',
  '',
];
writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), lines.join('\n'));
for (const r of results) console.log(`${r.ratio <= r.target ? 'ok  ' : 'MISS'} ${r.name}: ${r.value} | floor ${r.floor} | ${r.ratio.toFixed(2)} ${r.unit} (target ≤ ${r.target})`);
console.log(ok ? 'all targets met; docs/benchmarks.md written' : 'some targets missed; docs/benchmarks.md written');
process.exitCode = ok ? 0 : 1;
