/**
 * `vndi`: the command-line face of the library, for provincial officers with spreadsheets.
 * Exit codes: 0 done, 1 invalid input (bad rows are reported, good rows still scored), 2 usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dbiGap } from '../../analysis/dbi-gap.js';
import { dtiGap, type DtiTarget } from '../../analysis/dti-gap.js';
import { rank, rankChange, type RankMethod } from '../../analysis/rank.js';
import { rankDti } from '../../analysis/rank-dti.js';
import { summarize } from '../../analysis/summarize.js';
import { inputJsonSchema } from '../../assessment/json-schema.js';
import { ValidationError } from '../../errors.js';
import { getFramework, listFrameworks } from '../../framework/catalog.js';
import { findProvince } from '../../framework/units/provinces.js';
import type { DbiResult } from '../../score/score-dbi.js';
import type { DtiResult } from '../../score/score-dti.js';
import { readRows, type InputRow } from '../io/rows.js';
import { renderReport } from '../report/html.js';
import { runDemo } from './demo.js';
import { formatFromName, progress, render, writeOutput, type Format, type Tabular } from './output.js';
import { scoreRows, type RowError, type ScoredRow } from './score-rows.js';

const USAGE = `vndi — chấm điểm chỉ số chuyển đổi số (DTI, DBI) / score Vietnam's digital-transformation indices

Usage: vndi <command> [options]

Commands
  frameworks                 list the frameworks (id, title, legal basis, status)
  score <file>               score every row of a JSON, NDJSON or CSV file
  rank <file>                score and rank the rows
  gap <file> --unit <id>     gap analysis for one row (--target: DBI level, or DTI value:0.5 | points:500 | rank:10 | unit:<id>)
  summary <file>             cohort summary of DBI rows (--group-by district,size --registered file.json --target 0.5)
  schema <framework>         JSON Schema of a framework's input
  demo                       run on the bundled fixtures

Options
  --framework <id>           framework of every row (else the row's framework column)
  --input points|values      what DTI columns hold (default points)
  --format table|json|csv|md|html   output format (default: table on a terminal, json otherwise)
  --out <file>               write to a file (atomically); the format follows the extension
  --excel                    CSV for Vietnamese Excel: BOM, ';' separator, decimal commas
  --by <measure>             rank by value | government | economy | society | <main indicator> | total | percent
  --group-by <keys>          rank within groups (region, or a column) / summary groups (comma-separated)
  --method competition|dense|ordinal   ranking method (default competition, as dti.gov.vn)
  --previous <file>          earlier year's file, for rank change
  --strict                   stop at the first bad row
  -h, --help                 this help
`;

class UsageError extends Error {}

interface Options {
  framework?: string;
  input?: string;
  format?: string;
  out?: string;
  excel?: boolean;
  by?: string;
  'group-by'?: string;
  method?: string;
  previous?: string;
  unit?: string;
  target?: string;
  registered?: string;
  strict?: boolean;
  help?: boolean;
}

function readInput(file: string | undefined) {
  if (!file) throw new UsageError('missing <file>');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    return readRows(text, file);
  } catch (e) {
    throw new ValidationError([{ path: [file], pathString: file, code: 'invalid_type', message: { vi: `Không đọc được tệp: ${(e as Error).message}`, en: `Cannot parse the file: ${(e as Error).message}` } }]);
  }
}

function reportErrors(errors: readonly RowError[]): void {
  for (const e of errors) {
    for (const i of e.issues) {
      process.stderr.write(`line ${e.line}${e.id ? ` (${e.id})` : ''}: ${i.pathString || '(row)'}: ${i.message.en} / ${i.message.vi}\n`);
    }
  }
}

function scoreFile(file: string | undefined, o: Options): { rows: InputRow[]; scored: ScoredRow[]; errors: RowError[] } {
  const rows = readInput(file);
  if (o.input && o.input !== 'points' && o.input !== 'values') throw new UsageError('--input must be points or values');
  const tick = progress(rows.length);
  const r = scoreRows(rows, { framework: o.framework, input: o.input as 'points' | 'values' | undefined, strict: o.strict, onProgress: tick });
  reportErrors(r.errors);
  return { rows, ...r };
}

const name = (s: ScoredRow) => s.meta.name ?? '';

function scoreTable(scored: readonly ScoredRow[]): Tabular {
  const first = scored[0]?.result;
  if (!first || first.kind === 'dti') {
    const dti = scored as readonly (ScoredRow & { result: DtiResult })[];
    const ids = dti[0]?.result.mainIndicators.filter((m) => m.group !== 'unscored').map((m) => m.id) ?? [];
    return {
      header: ['id', 'name', 'framework', 'total', 'value', 'government', 'economy', 'society', ...ids],
      rows: dti.map((s) => [s.id, name(s), s.result.framework.id, s.result.total, s.result.value, s.result.pillars.government.value, s.result.pillars.economy.value, s.result.pillars.society.value, ...ids.map((id) => s.result.mainIndicators.find((m) => m.id === id)?.points ?? null)]),
      json: scored,
      html: () => renderReport({ kind: 'provinces', ranked: rankedDti(dti).map((x) => ({ ...x, name: dti.find((d) => d.id === x.id)?.meta.name })) }),
    };
  }
  const dbi = scored as readonly (ScoredRow & { result: DbiResult })[];
  const pillars = first.pillars.map((p) => p.id);
  return {
    header: ['id', 'name', 'framework', 'total', 'max', 'percent', 'level', 'levelName', ...pillars.flatMap((p) => [p, `${p}.level`])],
    rows: dbi.map((s) => [s.id, name(s), s.result.framework.id, s.result.total, s.result.max, s.result.percent, s.result.level, s.result.levelName?.vi ?? null, ...s.result.pillars.flatMap((p) => [p.points, p.level])]),
    json: scored,
    html: () =>
      dbi.length === 1
        ? renderReport({ kind: 'enterprise', name: dbi[0]!.meta.name ?? dbi[0]!.id, result: dbi[0]!.result })
        : renderReport({ kind: 'cohort', summary: summarize(dbi), ranked: rankedDbi(dbi, 'total') }),
  };
}

function rankedDti(rows: readonly (ScoredRow & { result: DtiResult })[]) {
  const ranking = rankDti(rows.map((r) => ({ id: r.id, result: r.result })));
  const byId = new Map(rows.map((r) => [r.id, r.result]));
  return ranking.map((x) => ({ id: x.id, rank: x.rank, result: byId.get(x.id)! }));
}

function rankedDbi(rows: readonly (ScoredRow & { result: DbiResult })[], by: string, method?: RankMethod) {
  const score = (r: DbiResult) => (by === 'total' ? r.exact.total : by === 'percent' ? r.exact.percent : (r.pillars.find((p) => p.id === by)?.exact.points ?? null));
  const ranking = rank(rows.map((r) => ({ id: r.id, score: score(r.result) })), { method, precision: 'exact' });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranking.map((x) => ({ id: x.id, rank: x.rank, name: byId.get(x.id)!.meta.name, result: byId.get(x.id)!.result }));
}

function rankTable(scored: readonly ScoredRow[], o: Options): Tabular {
  const method = o.method as RankMethod | undefined;
  if (method && !['competition', 'dense', 'ordinal'].includes(method)) throw new UsageError('--method must be competition, dense or ordinal');
  const first = scored[0]?.result;
  if (!first || first.kind === 'dti') {
    const dti = scored as readonly (ScoredRow & { result: DtiResult })[];
    const groupKey = o['group-by'];
    const meta = new Map(dti.map((d) => [d.id, d.meta]));
    // a row's own region column wins (fictional units sit in real regions); else the unit's code
    const groupOf = (d: ScoredRow) => (groupKey === 'region' ? meta.get(d.id)?.region ?? findProvince(d.id)?.region : groupKey ? meta.get(d.id)?.[groupKey] : undefined);
    const ranking = rankDti(dti.map((d) => ({ id: d.id, result: d.result, group: groupOf(d) })), {
      by: o.by ?? 'value', method, groupBy: groupKey ? 'group' : undefined,
    });
    let changes: Map<string, string> | undefined;
    if (o.previous) {
      const prev = scoreFile(o.previous, { ...o, strict: false }).scored as (ScoredRow & { result: DtiResult })[];
      const before = rankDti(prev.map((d) => ({ id: d.id, result: d.result })), { by: o.by ?? 'value', method });
      changes = new Map(rankChange(before, ranking).map((c) => [c.id, c.label]));
    }
    const byId = new Map(dti.map((d) => [d.id, d]));
    return {
      header: ['rank', 'id', 'name', o.by ?? 'value', ...(groupKey ? ['group', 'rankInGroup'] : []), ...(changes ? ['change'] : [])],
      rows: ranking.map((r) => [r.rank, r.id, byId.get(r.id)?.meta.name ?? '', r.score, ...(groupKey ? [r.groupName?.vi ?? r.group ?? null, r.rankInGroup === undefined || r.rankInGroup === null ? null : `${r.rankInGroup}/${r.ofInGroup}`] : []), ...(changes ? [changes.get(r.id) ?? null] : [])]),
      json: ranking,
      html: () => renderReport({ kind: 'provinces', ranked: ranking.map((r) => ({ id: r.id, name: byId.get(r.id)?.meta.name, rank: r.rank, result: byId.get(r.id)!.result })) }),
    };
  }
  const dbi = scored as readonly (ScoredRow & { result: DbiResult })[];
  const by = o.by ?? 'total';
  const ranked = rankedDbi(dbi, by, method);
  return {
    header: ['rank', 'id', 'name', by, 'level'],
    rows: ranked.map((r) => [r.rank, r.id, r.name ?? '', by === 'total' ? r.result.total : by === 'percent' ? r.result.percent : (r.result.pillars.find((p) => p.id === by)?.points ?? null), r.result.level]),
    json: ranked.map((r) => ({ rank: r.rank, id: r.id, total: r.result.total, percent: r.result.percent, level: r.result.level })),
    html: () => renderReport({ kind: 'cohort', summary: summarize(dbi), ranked }),
  };
}

function parseDtiTarget(target: string | undefined, peers: readonly ScoredRow[]): DtiTarget {
  const [kind, raw] = (target ?? 'rank:1').split(':');
  if (raw === undefined) throw new UsageError('--target must look like value:0.5, points:500, rank:10 or unit:<id>');
  if (kind === 'value') return { value: raw };
  if (kind === 'points') return { points: raw };
  if (kind === 'rank') return { rank: Number(raw), peers: peers.map((p) => p.result as DtiResult) };
  if (kind === 'unit') {
    const other = peers.find((p) => p.id === raw);
    if (!other) throw new UsageError(`no row with id ${raw}`);
    return { unit: other.result as DtiResult };
  }
  throw new UsageError('--target must look like value:0.5, points:500, rank:10 or unit:<id>');
}

function gapTable(scored: readonly ScoredRow[], rows: readonly InputRow[], o: Options): Tabular {
  if (!o.unit) throw new UsageError('gap needs --unit <id>');
  const row = scored.find((s) => s.id === o.unit);
  if (!row) throw new UsageError(`no scored row with id ${o.unit}`);
  if (row.result.kind === 'dbi') {
    const original = rows.find((r) => r.id === o.unit)!;
    const target = o.target === undefined ? undefined : Number(o.target);
    if (target !== undefined && !Number.isInteger(target)) throw new UsageError('--target for DBI is a level (integer)');
    const answers = original.explicit?.answers ?? Object.fromEntries(Object.entries(original.cells));
    const gap = dbiGap(row.result.framework.id, { answers: answers as Record<string, number> }, target === undefined ? {} : { targetLevel: target });
    const heading = [
      `${row.id} ${row.meta.name ?? ''}: mức ${gap.currentLevel ?? '—'} → mục tiêu ${gap.targetLevel ?? '—'}`,
      gap.why ? `${gap.why.message.vi}\n${gap.why.message.en}` : '',
      gap.reason ? `${gap.reason.vi} / ${gap.reason.en}` : '',
    ].filter(Boolean).join('\n');
    const cohort = scored.filter((s) => s.result.kind === 'dbi').map((s) => s.result as DbiResult);
    return {
      heading,
      header: ['criterion', 'name', 'pillar', 'from', 'to', 'gain'],
      rows: gap.steps.map((s) => [s.criterion, s.name.vi, s.pillar, s.from, s.to, s.gain]),
      json: gap,
      html: () => renderReport({ kind: 'enterprise', name: row.meta.name ?? row.id, result: row.result as DbiResult, cohort, gap }),
    };
  }
  const gap = dtiGap(row.result, parseDtiTarget(o.target, scored.filter((s) => s.id !== row.id)), { peers: scored.map((s) => ({ id: s.id, result: s.result as DtiResult })), id: row.id });
  const bench = new Map(gap.benchmarks.map((b) => [b.id, b]));
  return {
    heading: `${row.id} ${row.meta.name ?? ''}: DTI ${gap.current.value} → ${gap.target.value}; cần thêm ${gap.pointsNeeded} điểm / needs ${gap.pointsNeeded} more points${gap.reachable ? '' : ' (không đạt được / unreachable)'}`,
    header: ['indicator', 'name', 'points', 'max', 'headroom', 'needed', 'perPoint.government', 'gapToAverage', 'gapToRegionalLeader', 'gapToLeader'],
    rows: gap.indicators.map((i) => [i.id, i.name.vi, i.points, i.max, i.headroom, i.needed, i.perPoint.government, bench.get(i.id)?.gapToAverage ?? null, bench.get(i.id)?.gapToRegionalLeader ?? null, bench.get(i.id)?.gapToLeader ?? null]),
    json: gap,
    html: () => renderReport({ kind: 'province', name: row.meta.name ?? row.id, result: row.result as DtiResult, peers: scored.map((s) => s.result as DtiResult) }),
  };
}

function summaryTable(scored: readonly ScoredRow[], o: Options): Tabular {
  const dbi = scored.filter((s) => s.result.kind === 'dbi') as (ScoredRow & { result: DbiResult })[];
  if (dbi.length === 0) throw new UsageError('summary needs DBI rows');
  const keys = (o['group-by'] ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  let registered: Record<string, number> | undefined;
  if (o.registered) {
    const data = JSON.parse(readFileSync(o.registered, 'utf8')) as Record<string, unknown>;
    registered = (data.registered ?? data) as Record<string, number>;
  }
  const target = o.target === undefined ? undefined : Number(o.target.replace(',', '.'));
  const entries = dbi.map((d) => ({ ...d.meta, result: d.result }));
  const s = summarize(entries, { groupBy: keys.length ? keys : undefined, registered, target });
  const levels = Object.keys(s.overall.levels);
  return {
    header: ['group', 'count', ...levels.map((l) => `level ${l}`), 'mean', 'q1', 'median', 'q3', ...(registered ? ['registered', 'coverage', 'shortfall'] : [])],
    rows: [...s.groups, s.overall].map((g) => [g.key, g.count, ...levels.map((l) => g.levels[l] ?? 0), g.total.mean, g.total.q1, g.total.median, g.total.q3, ...(registered ? [g.coverage?.registered ?? null, g.coverage?.share ?? null, g.coverage?.shortfall ?? null] : [])]),
    json: s,
    html: () => renderReport({ kind: 'cohort', summary: s, ranked: rankedDbi(dbi, 'total') }),
  };
}

/** Runs the CLI; returns the exit code. */
export function main(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        framework: { type: 'string' }, input: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
        excel: { type: 'boolean' }, by: { type: 'string' }, 'group-by': { type: 'string' }, method: { type: 'string' },
        previous: { type: 'string' }, unit: { type: 'string' }, target: { type: 'string' }, registered: { type: 'string' },
        strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = parsed.values as Options;
  const [command, arg] = parsed.positionals;
  if (o.help || !command) {
    (o.help ? process.stdout : process.stderr).write(USAGE);
    return o.help ? 0 : 2;
  }
  try {
    const format = (o.format ?? formatFromName(o.out) ?? (process.stdout.isTTY ? 'table' : 'json')) as Format;
    if (!['table', 'json', 'csv', 'md', 'html'].includes(format)) throw new UsageError(`unknown --format ${format}`);
    let table: Tabular;
    let errors: readonly RowError[] = [];
    switch (command) {
      case 'frameworks': {
        const list = listFrameworks();
        table = {
          header: ['id', 'kind', 'title', 'decision', 'date', 'years', 'status'],
          rows: list.map((f) => [f.id, f.kind, f.title.vi, f.legalBasis.decision, f.legalBasis.date, f.years.join(', '), f.status]),
          json: list,
        };
        break;
      }
      case 'schema': {
        if (!arg) throw new UsageError('schema needs a framework id');
        writeOutput(JSON.stringify(inputJsonSchema(getFramework(arg)), null, 2) + '\n', o.out);
        return 0;
      }
      case 'demo':
        writeOutput(runDemo(), o.out);
        return 0;
      case 'score':
      case 'rank':
      case 'gap':
      case 'summary': {
        const r = scoreFile(arg, o);
        errors = r.errors;
        if (o.strict && errors.length) return 1;
        table =
          command === 'score' ? scoreTable(r.scored)
          : command === 'rank' ? rankTable(r.scored, o)
          : command === 'gap' ? gapTable(r.scored, r.rows, o)
          : summaryTable(r.scored, o);
        break;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
    if (format === 'html' && !table.html) throw new UsageError(`${command} has no HTML report`);
    writeOutput(render(table, format, { excel: o.excel }), o.out);
    return errors.length ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`vndi: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof ValidationError) {
      for (const i of e.issues) process.stderr.write(`${i.pathString || '(input)'}: ${i.message.en} / ${i.message.vi}\n`);
      return 1;
    }
    throw e;
  }
}

const invokedDirectly = (() => {
  try {
    return import.meta.url === `file://${process.argv[1]}` || /[\\/](cli\.(c?js|mjs)|vndi)$/.test(process.argv[1] ?? '');
  } catch {
    return false;
  }
})();
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
