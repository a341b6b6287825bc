/**
 * npm run bench:cli — the command line end to end on a national file: 1,000,000 DBI 2021 SME rows
 * (CSV, 60 criteria, generated deterministically here), `vndi score` and `vndi summary` run as child
 * processes with Node's default heap, each against its floor (bench/cli-floor.mjs): a hand-written
 * script that reads the same file with papaparse and writes the same output (the score table; the
 * summary's figures), checked equal to the command's before any time is reported. Targets: within
 * 3× the floor's time, peak RSS under 500 MB, and every input row in the output. Then the files
 * that must hold (bench/cli-files.mjs, issue #20): workbooks in and out, a JSON array against NDJSON,
 * a 200 MB line. Appends its table to docs/benchmarks.md. Exits 1 on a miss.
 *
 * Each repetition runs every floor and command one after the other, so that a busy machine slows
 * them alike; the time compared is the best of the repetitions (wall clock), with CPU time
 * (user + system) beside it.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DBI_HEADER, dbiRows } from './dbi-rows.mjs';
import { filesBenchmarks, tableLines } from './cli-files.mjs';

const ROWS = Number(process.env.BENCH_CLI_ROWS ?? 1_000_000);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vndi-bench-'));
const input = join(dir, 'dbi-sme.csv');

async function generate() {
  const out = createWriteStream(input);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write(`${DBI_HEADER.join(',')}\n`);
  let buf = [];
  for (const row of dbiRows(ROWS)) {
    buf.push(row.join(','));
    if (buf.length === 10000) {
      await write(buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) await write(buf.join('\n') + '\n');
  await new Promise((r) => out.end(r));
}

/** Runs a node script as a child with the default heap; returns wall time, peak RSS and stdout. */
function child(args) {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', new URL('./cli-rss.mjs', import.meta.url).href, ...args], {
    cwd: root, env: { ...process.env, VNDI_BENCH_RSS: rssFile }, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const { rss, cpuMs } = JSON.parse(readFileSync(rssFile, 'utf8'));
  return { ms, rss, cpuMs, stdout: r.stdout, stderr: r.stderr };
}

await generate();
const size = statSync(input).size;
const REPS = Number(process.env.BENCH_CLI_REPS ?? 3);
const results = [];
const MB = 2 ** 20;

/** The score table of a `vndi score --format csv` file: the lines before the provenance trailer. */
const table = (text) => text.slice(0, text.indexOf('\n\n') + 1);
/** The summary's figures: the JSON without its provenance block, keys in one order. */
const canonical = (x) => (Array.isArray(x) ? x.map(canonical) : x !== null && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, canonical(x[k])])) : x);
const figures = (text) => {
  const { provenance, ...rest } = JSON.parse(text);
  if (!provenance) throw new Error('bench: the summary should carry its provenance');
  return JSON.stringify(canonical(rest));
};
const commands = [
  {
    label: 'vndi score → CSV', ext: 'csv', floorMode: 'score', floorLabel: 'papaparse stream, pillar sums, levels, the same CSV table',
    args: (out) => ['dist/cli.js', 'score', input, '--framework', 'dbi-2021-sme', '--format', 'csv', '--out', out],
    rowsOut: async (out) => (await tableLines(out)) - 1,
    same: (cmdOut, floorOut) => table(readFileSync(cmdOut, 'utf8')) === readFileSync(floorOut, 'utf8'),
  },
  {
    label: 'vndi summary --group-by district', ext: 'json', floorMode: 'summary', floorLabel: 'papaparse stream, pillar sums, levels, the same summary figures',
    args: (out) => ['dist/cli.js', 'summary', input, '--framework', 'dbi-2021-sme', '--group-by', 'district', '--format', 'json', '--out', out],
    rowsOut: async (out) => JSON.parse(readFileSync(out, 'utf8')).overall.count,
    same: (cmdOut, floorOut) => figures(readFileSync(cmdOut, 'utf8')) === JSON.stringify(canonical(JSON.parse(readFileSync(floorOut, 'utf8')))),
  },
];
const floorRuns = commands.map(() => []);
const runs = commands.map(() => []);
const rowsOut = commands.map(() => -1);
for (let i = 0; i < REPS; i++) {
  for (const [k, c] of commands.entries()) {
    const floorOut = join(dir, `floor-${i}.${c.ext}`);
    const f = child([join(root, 'bench/cli-floor.mjs'), c.floorMode, input, floorOut]);
    if (JSON.parse(f.stdout).rows !== ROWS) throw new Error('floor row count');
    floorRuns[k].push(f);
    const out = join(dir, `out-${i}.${c.ext}`);
    runs[k].push(child(c.args(out)));
    rowsOut[k] = await c.rowsOut(out);
    // same outputs, checked once
    if (i === 0 && !c.same(out, floorOut)) throw new Error(`bench: ${c.label} and its floor disagree`);
    rmSync(out);
    rmSync(floorOut);
  }
}
const best = (rs) => ({ ms: Math.min(...rs.map((r) => r.ms)), cpuMs: Math.min(...rs.map((r) => r.cpuMs)), rss: Math.max(...rs.map((r) => r.rss)) });
for (const [k, c] of commands.entries()) {
  const b = best(runs[k]);
  const floor = best(floorRuns[k]);
  results.push({ name: `${c.label}, ${ROWS.toLocaleString('en')} DBI SME rows (${(size / MB).toFixed(0)} MiB CSV)`, value: `${(b.ms / 1000).toFixed(2)} s (CPU ${(b.cpuMs / 1000).toFixed(2)} s)`, floor: `${(floor.ms / 1000).toFixed(2)} s (CPU ${(floor.cpuMs / 1000).toFixed(2)} s), ${c.floorLabel}`, ratio: b.ms / floor.ms, target: 3, unit: '×' });
  results.push({ name: `${c.label}: peak RSS (default heap)`, value: `${(b.rss / MB).toFixed(0)} MiB`, floor: `${(floor.rss / MB).toFixed(0)} MiB (floor)`, ratio: b.rss / MB, target: 500, unit: 'MiB' });
  results.push({ name: `${c.label}: rows out = rows in`, value: `${rowsOut[k].toLocaleString('en')}`, floor: `${ROWS.toLocaleString('en')} in`, ratio: rowsOut[k] === ROWS ? 0 : 1, target: 0, unit: 'missing' });
}
rmSync(input);
// files that must hold (issue #20): workbooks, a JSON array, long lines
const files = await filesBenchmarks({ dir, child, reps: REPS });
results.push(...files.results);
rmSync(dir, { recursive: true, force: true });

const ok = results.every((r) => r.ratio <= r.target);
const doc = new URL('../docs/benchmarks.md', import.meta.url);
const before = existsSync(doc) ? readFileSync(doc, 'utf8').replace(/\n## Command line, end to end[\s\S]*$/, '\n') : '# Benchmarks\n';
const lines = [
  '## Command line, end to end',
  '',
  `Measured by \`npm run bench:cli\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: each command and its floor (a hand-written script writing the same output, checked equal) run as child processes with Node's default heap, one after the other in each of ${REPS} repetitions; time is the best repetition's wall clock (CPU time, user + system, beside it), peak RSS the largest (the child's \`process.resourceUsage()\`). The file has a row-number column (\`STT\`), Vietnamese headers and 60 criteria.`,
  '',
  '| Benchmark | Figure | Floor | Ratio | Target | Met |',
  '|---|---|---|---:|---:|:---:|',
  ...results.map((r) => `| ${r.name} | ${r.value} | ${r.floor} | ${r.unit === 'MiB' ? `${r.ratio.toFixed(0)} MiB` : r.unit === 'missing' ? (r.ratio === 0 ? 'all' : '**rows lost**') : `${r.ratio.toFixed(2)} ${r.unit}`} | ${r.unit === 'missing' ? 'all rows' : `≤ ${r.target} ${r.unit}`} | ${r.ratio <= r.target ? 'yes' : '**no**'} |`),
  ...files.prose,
  '',
];
writeFileSync(doc, before.replace(/\n*$/, '\n\n') + lines.join('\n'));
for (const r of results) console.log(`${r.ratio <= r.target ? 'ok  ' : 'MISS'} ${r.name}: ${r.value} | floor ${r.floor} | ${r.ratio.toFixed(2)} ${r.unit} (target ≤ ${r.target})`);
console.log(ok ? 'command-line targets met; docs/benchmarks.md appended' : 'some command-line targets missed; docs/benchmarks.md appended');
process.exitCode = ok ? 0 : 1;
