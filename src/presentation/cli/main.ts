/**
 * `vndi`: the command-line face of the library, for provincial officers with spreadsheets.
 * Exit codes (exactly as USAGE and docs/cli.md state them): 0 done, 1 invalid input data (bad rows
 * are reported, good rows still scored), 2 usage (a bad option value included) or I/O (an empty
 * input file included), 130/143 interrupted. No stack trace reaches the user: a usage or I/O
 * failure is one bilingual line, Vietnamese first (see `failure`).
 *
 * Rows are read, scored and written in chunks (see io/source.ts and score-rows.ts), so that a
 * national file of a million enterprises runs in bounded memory; `summary` accumulates per-group
 * histograms and `rank` keeps only what ranking needs.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { formatUnits, ratioHalfUp, ratioString } from '../../arithmetic/scaled.js';
import { dbiGap } from '../../analysis/dbi-gap.js';
import { dtiGap, type DtiTarget } from '../../analysis/dti-gap.js';
import { rank, rankChange, type RankChange, type RankMethod } from '../../analysis/rank.js';
import { rankDti } from '../../analysis/rank-dti.js';
import { summarize, type CohortSummary } from '../../analysis/summarize.js';
import { inputJsonSchema } from '../../assessment/json-schema.js';
import { ValidationError, type ValidationIssue } from '../../errors.js';
import { DBI_FRAMEWORKS } from '../../framework/dbi/index.js';
import { DTI_FRAMEWORKS } from '../../framework/dti/index.js';
import { getFramework, listFrameworks } from '../../framework/catalog.js';
import { findProvince } from '../../framework/units/provinces.js';
import type { DbiFramework, Framework } from '../../framework/schema.js';
import type { DbiResult } from '../../score/score-dbi.js';
import type { DtiResult } from '../../score/score-dti.js';
import { CliError, ioError } from '../io/cli-error.js';
import { parseEncodingName } from '../io/decode.js';
import { frameworkColumns, headerKey, metaField, type ColumnPlan } from '../io/headers.js';
import { progressMeter } from '../io/progress.js';
import { rowFromFields, type InputRow } from '../io/rows.js';
import { openOutput, removeTemporaryFilesOnSignals, stdoutSink, type OutputSink } from '../io/safe-write.js';
import { openRows, type ReadOptions, type RowChunk, type RowSource } from '../io/source.js';
import { renderReport } from '../report/html.js';
import { XlsxStream } from '../format/xlsx.js';
import { CohortStream } from './cohort-stream.js';
import { runDemo } from './demo.js';
import { columnDecimals, formatNumber, frameworkLabels, localizeHeaders, term } from '../format/locale.js';
import { provenanceOf, sourceCell, isIllustrative, type Provenance } from '../format/provenance.js';
import { quoted, terminalLine, terminalMessage } from '../format/safety.js';
import { recordedFramework } from '../../score/provenance.js';
import type { Localized } from '../../errors.js';
import { FrameworkFileError, loadFrameworkFile, runFrameworkCommand } from './framework-command.js';
import { FORMATS, csvHeader, csvRow, csvTrailer, formatFromName, languageOf, render, renderBytes, type Format, type Lang, type Tabular, type TabularCell } from './output.js';
import { BatchScoredRow, dbiAssessmentOfRow, frameworkById, scoreChunk, scoresColumn, writtenInputColumns, type FrameworkPicker, type RowError, type ScoredRow } from './score-rows.js';

const USAGE = `vndi — chấm điểm chỉ số chuyển đổi số (DTI, DBI) / score Vietnam's digital-transformation indices

Usage: vndi <command> [options]

Commands
  frameworks                 list the frameworks (id, title, legal basis, status)
  score <file>               score every row of a CSV, Excel (.xlsx), JSON or NDJSON file
  rank <file>                score and rank the rows
  gap <file> --unit <id>     gap analysis for one row (--target: DBI level, or DTI value:0.5 | points:500 | rank:10 | unit:<id>)
  summary <file>             cohort summary of DBI rows (--group-by district,size --registered file.csv --target 0.5)
  schema <framework>         JSON Schema of a framework's input (or of --framework-file FILE)
  framework validate FILE    check a framework file (exit 0 valid, 1 invalid with each problem's path)
  framework template dbi|dti|dbi-questionnaire  a starting framework file (a questionnaire with every feature)
  framework show ID|FILE     a framework's tree with maxima and statuses
  demo                       run on the bundled fixtures (--lang vi, the default, or en)

Reading
  --framework <id>           framework of every row (else the row's framework column, else --year)
  --framework-file <file>    a framework written as a file (vndi framework template): every row is scored on it
  --year <year>              the framework in force that year (chosen by the file's columns)
  --input points|values      what DTI columns hold (default points)
  --encoding <name>          utf-8 | utf-16le | utf-16be | windows-1258 | tcvn3 (default: detected)
  --header-row <n>           the header's row number (default: found under any title rows)
  --sheet <name>             the sheet of an .xlsx workbook, by name (accents and case aside) or
                             number (default: the first visible sheet with a header row)
  --columns <map.json>       {"header as written": "field"} for headers vndi does not know
  --strict                   stop at the first bad row

Writing
  --format table|json|ndjson|csv|md|html|xlsx   output format (default: table on a terminal, json otherwise);
                             xlsx goes to --out x.xlsx, or to a pipe or file, never to a terminal
  --out <file>               write to a file (atomically); the format follows the extension (.xlsx: a workbook)
  --errors <file.csv>        write the rejected rows (line, field, reason) as CSV for Excel
  --excel                    CSV for Vietnamese Excel: BOM, ';' separator, decimal commas
  --lang vi|en               language of headers, words and decimals: vi writes decimal commas (0,3985), en
                             points (default vi for table, md, xlsx, html and --excel CSV; JSON, NDJSON and
                             plain CSV stay machine-readable: keys, points). Every output says what it
                             rests on: framework, decision, status, assumptions, each row's data source.

Analysis
  --by <measure>             rank by value | government | economy | society | <main indicator> | total | percent
  --group-by <keys>          rank within groups (region, or a column) / summary groups (comma-separated)
  --method competition|dense|ordinal   ranking method (default competition, as dti.gov.vn)
  --previous <file>          earlier year's file, for rank change
  --registered <file>        registered enterprises per group (JSON or CSV: group, count)
  -h, --help                 this help

Exit codes
  0    done (also --help)
  1    invalid input data: rows rejected, each reported on stderr (the others are still scored and
       written); --strict stopped at the first bad row; a file whose content cannot be read as rows
       (invalid JSON, an unreadable header, a broken .xlsx); a --framework-file with problems
  2    usage or file problem, one line (Vietnamese, then English): an unknown command or option, a
       bad option value (--by, --target, --lang, --format, --method, --input, --year, --header-row,
       --group-by …), a missing argument; an input file that is missing, unreadable or empty (no
       data rows); an output that cannot be written; an unexpected error
  130  interrupted (Ctrl-C; 143 for SIGTERM, 129 SIGHUP, 131 SIGQUIT): no temporary file is left behind
`;

/**
 * A wrong command line: an unknown command or option, a missing argument, or an option value the
 * run cannot use (`--by xx`, `--target foo`, `--lang fr`). Exit 2, one line, Vietnamese first, with
 * a pointer to `vndi --help`.
 */
class UsageError extends CliError {
  override name = 'UsageError';
  constructor(vi: string, en: string) {
    super(2, vi, en);
  }
}

/**
 * Runs a library call that takes a command-line option (`--by` for rankDti, `--target` for dtiGap):
 * the library's refusal of that option's value is a usage error (exit 2), not invalid input (1).
 */
function withOption<T>(flag: string, paths: readonly string[], fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ValidationError && e.issues.every((i) => paths.includes(String(i.path[0])))) {
      const i = e.issues[0]!;
      throw new UsageError(`${flag}: ${i.message.vi}`, `${flag}: ${i.message.en}`);
    }
    throw e;
  }
}

/** `--by` for DBI rows: `total`, `percent` or a pillar id of the row's framework. */
function checkDbiBy(by: string, f: { readonly id: string; readonly pillars: readonly { readonly id: string }[] }): void {
  if (by === 'total' || by === 'percent' || f.pillars.some((p) => p.id === by)) return;
  const allowed = ['total', 'percent', ...f.pillars.map((p) => p.id)].join(', ');
  throw new UsageError(`--by: "${by}" không phải thước đo của ${f.id}; cần một trong: ${allowed}`, `--by: "${by}" is not a measure of ${f.id}; expected one of: ${allowed}`);
}

interface Options {
  framework?: string;
  'framework-file'?: string;
  lang?: string;
  year?: string;
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
  encoding?: string;
  'header-row'?: string;
  sheet?: string;
  columns?: string;
  errors?: string;
}

/** A framework given as a file (`--framework-file`), read and checked once per run. */
const fileFrameworks = new Map<string, Framework>();
function fileFramework(o: Options): Framework | undefined {
  const path = o['framework-file'];
  if (path === undefined) return undefined;
  let f = fileFrameworks.get(path);
  if (!f) fileFrameworks.set(path, (f = loadFrameworkFile(path)));
  return f;
}

// every text that reaches the terminal is neutralised like a table cell, and bounded in length
const say = (vi: string, en: string) => process.stderr.write(`${terminalLine(`vndi: ${vi} / ${en}`)}\n`);
const count = (n: number, lang: 'vi' | 'en') => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

// ---------------------------------------------------------------- the framework of a run

/**
 * The one place where the framework of a run is chosen: `--framework`, else the row's framework
 * column, else the framework in force in `--year` (or the row's year) that has the file's columns.
 */
function frameworkPicker(o: Options, plan: ColumnPlan | undefined): FrameworkPicker {
  let fixed: Framework | undefined = fileFramework(o);
  if (o.framework !== undefined && fixed) throw new UsageError('chỉ dùng một trong --framework và --framework-file', 'give --framework or --framework-file, not both');
  if (o.framework !== undefined) {
    fixed = frameworkById(o.framework);
    if (!fixed) throw new UsageError(`không có --framework ${o.framework}; các bộ chỉ số: ${listFrameworks().map((f) => f.id).join(', ')}`, `unknown --framework ${o.framework}; known: ${listFrameworks().map((f) => f.id).join(', ')}`);
  }
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError('--year phải là một năm, ví dụ 2023', '--year must be a year, e.g. 2023');
  const fileHeaders = plan ? plan.key.filter((_, i) => plan.role[i] === 'cell') : [];
  const chosen = new Map<string, Framework | undefined>();
  // the framework in force in year y that has the most of the scoring columns (the file's, or a JSON row's keys)
  const forYear = (y: number, headers: readonly string[] = fileHeaders): Framework | undefined => {
    const key = `${y}|${headers.join('\u0000')}`;
    if (!chosen.has(key)) {
      if (chosen.size > 1000) chosen.clear();
      const candidates: Framework[] = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].filter((f) => f.years.includes(y));
      const score = (f: Framework) => headers.filter((h) => frameworkColumns(f).has(headerKey(h))).length;
      chosen.set(key, candidates.sort((a, b) => score(b) - score(a))[0]);
    }
    return chosen.get(key);
  };
  if (year !== undefined && fixed === undefined && !forYear(year)) throw new UsageError(`không có bộ chỉ số nào áp dụng năm ${year}`, `no framework is in force in ${year}`);
  return (frameworkCell, yearCell, rowHeaders) => {
    if (fixed) return fixed;
    if (frameworkCell) return frameworkById(frameworkCell);
    const y = year ?? (yearCell === undefined ? NaN : Number(yearCell));
    return Number.isInteger(y) ? forYear(y, rowHeaders ?? fileHeaders) : undefined;
  };
}

function readOptions(o: Options): ReadOptions {
  let columns: Record<string, string> | undefined;
  if (o.columns) {
    let text: string;
    try {
      text = readFileSync(o.columns, 'utf8');
    } catch (e) {
      throw ioError(`không đọc được --columns ${o.columns}`, `cannot read --columns ${o.columns}`, e);
    }
    try {
      const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
      if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.values(data).every((v) => typeof v === 'string')) throw new Error('expected {"header": "field"}');
      columns = data as Record<string, string>;
    } catch (e) {
      throw new CliError(2, `--columns ${o.columns}: cần một đối tượng JSON {"tiêu đề": "trường"} (${(e as Error).message})`, `--columns ${o.columns}: expected a JSON object {"header": "field"} (${(e as Error).message})`);
    }
  }
  const headerRow = o['header-row'] === undefined ? undefined : Number(o['header-row']);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) throw new UsageError('--header-row phải là số dòng (1, 2, …)', '--header-row must be a row number (1, 2, …)');
  const file = fileFramework(o);
  const scores = file ? (header: string) => scoresColumn(file, header) : undefined;
  return { encoding: o.encoding ? parseEncodingName(o.encoding) : undefined, headerRow, sheet: o.sheet, columns, scores };
}

/** Every row of a chunk as an InputRow (for the commands that keep rows). */
function chunkRows(chunk: RowChunk): InputRow[] {
  const plan = chunk.plan;
  return [...chunk.rows, ...(plan ? chunk.records.map((r) => rowFromFields(plan, r.fields, r.line)) : [])];
}

/** The columns a `--group-by` may name: metadata fields and information columns. */
function availableColumns(source: RowSource, first: RowChunk | undefined): string[] {
  if (source.plan) return source.plan.key.filter((_, i) => source.plan!.role[i] === 'meta' || source.plan!.role[i] === 'info');
  return [...new Set((first?.rows ?? []).slice(0, 100).flatMap((r) => Object.keys(r.meta)))];
}

/** The columns as the file writes them (`Huyện (district)`), for messages: a field id alone reads as English. */
function writtenColumns(source: RowSource, available: readonly string[]): string {
  const plan = source.plan;
  const named = available.map((k) => {
    const i = plan ? plan.key.indexOf(k) : -1;
    const header = i >= 0 ? plan!.header[i] : undefined;
    return header && header !== k ? `${header} (${k})` : k;
  });
  return named.join(', ');
}

function groupKeys(o: Options, available: readonly string[], allowRegion: boolean, written = available.join(', ')): string[] {
  const keys = (o['group-by'] ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  return keys.map((k) => {
    if (allowRegion && k === 'region') return k;
    if (available.includes(k)) return k;
    const field = metaField(k);
    if (field && available.includes(field)) return field;
    const byHeader = available.find((a) => headerKey(a) === headerKey(k));
    if (byHeader) return byHeader;
    throw new CliError(2, `--group-by: không có cột "${k}"; các cột có: ${written || '(không có)'}`, `--group-by: no column "${k}"; the columns are: ${written || '(none)'}`);
  });
}

// ---------------------------------------------------------------- the tally of rows

interface Tally {
  read: number;
  scored: number;
  rejected: number;
  blank: number;
}

const MAX_ERROR_LINES = 200;

/** Reports rejected rows on stderr (the first ones) and to `--errors` (all). */
class ErrorReport {
  private printed = 0;
  private hidden = 0;
  private first = true;
  /** The file's scoring columns as written, by input id (see writtenInputColumns). */
  written: ReadonlyMap<string, string> = new Map();
  constructor(private readonly sink: OutputSink | undefined) {}
  /** The field of an issue, with the column as the file writes it (`points.awareness (NHAN THUC SO)`). */
  private field(i: ValidationIssue): string {
    if (!i.pathString) return '(row)';
    const last = i.path[i.path.length - 1];
    const header = last === undefined ? undefined : this.written.get(String(last));
    return header !== undefined && header !== String(last) ? `${i.pathString} (${header})` : i.pathString;
  }
  add(errors: readonly RowError[]): void {
    const rows: (string | number)[][] = [];
    for (const e of errors) {
      for (const i of e.issues) {
        const field = this.field(i);
        if (this.printed < MAX_ERROR_LINES) {
          // the id is the file's own cell: a 50 MB line was echoed whole, an ESC in it recoloured the terminal
          const id = e.id.length > 60 ? `${e.id.slice(0, 60)}…` : e.id;
          process.stderr.write(`${terminalLine(`line ${e.line}${id ? ` (${id})` : ''}: ${field}: ${i.message.vi} / ${i.message.en}`)}
`);
          this.printed++;
        } else this.hidden++;
        rows.push([e.line, e.id, field, i.message.vi, i.message.en]);
      }
    }
    if (this.sink && this.first) {
      this.sink.write(csvHeader(['Dòng / line', 'Mã / id', 'Trường / field', 'Lý do', 'Reason'], { excel: true }));
      this.first = false;
    }
    if (this.sink) for (const r of rows) this.sink.write(csvRow(r, { excel: true }));
  }
  finish(): void {
    if (this.hidden) say(`còn ${count(this.hidden, 'vi')} lỗi khác không in ra${this.sink ? `; xem ${this.sink.path}` : '; dùng --errors <tệp.csv> để có đủ'}`, `${count(this.hidden, 'en')} more issues not shown${this.sink ? `; see ${this.sink.path}` : '; use --errors <file.csv> for all'}`);
  }
}

// ---------------------------------------------------------------- writing

/**
 * A chunk of the streamed JSON `{ "rows": [...], "provenance": {...} }` (the provenance is known only
 * at the end, so it comes last; see {@link jsonEnd}).
 */
function jsonPiece(items: readonly unknown[], first: boolean): string {
  if (items.length === 0) return first ? '{\n"rows": [' : '';
  // the chunk as an indented array, without its brackets: the elements exactly as JSON.stringify(all, null, 2) indents them
  return (first ? '{\n"rows": [\n' : ',\n') + JSON.stringify(items, null, 2).slice(2, -2);
}

function jsonEnd(provenance: Provenance, any: boolean): string {
  return `${any ? '\n' : ''}],\n"provenance": ${JSON.stringify(provenance, null, 2)}\n}\n`;
}

/**
 * What an output rests on, gathered row by row while streaming: each distinct framework once (by
 * id) and each row's data source (its id and `source` only, never its result), so that memory stays
 * bounded by the rows that carry a source.
 */
class ProvenanceCollector {
  private readonly frameworks = new Map<string, Framework>();
  private readonly sources: { id: string; source: string }[] = [];
  // one string per distinct source (a national file repeats a handful of sources a million times)
  private readonly interned = new Map<string, string>();
  add(s: ScoredRow): void {
    const f = s instanceof BatchScoredRow ? s.compiled.framework : ((recordedFramework(s.result) as Framework | undefined) ?? frameworkById(s.result.framework.id));
    if (f && !this.frameworks.has(f.id)) this.frameworks.set(f.id, f);
    const source = s.meta.source;
    if (source !== undefined && source.trim() !== '') {
      let one = this.interned.get(source);
      if (one === undefined) this.interned.set(source, (one = source));
      this.sources.push({ id: s.id, source: one });
    }
  }
  provenance(): Provenance | undefined {
    return this.frameworks.size ? provenanceOf([...this.frameworks.values()], this.sources) : undefined;
  }
  labels(): Record<string, Localized> {
    const labels: Record<string, Localized> = {};
    for (const f of this.frameworks.values()) Object.assign(labels, frameworkLabels(f));
    return labels;
  }
  /** A row's source as its table cell shows it. */
  static cell(s: ScoredRow): string | null {
    const source = s.meta.source?.trim();
    return source ? sourceCell({ id: s.id, source, illustrative: isIllustrative(source) }) : null;
  }
}

/** A cell in one language (the machine form takes English). */
const cellIn = (c: TabularCell, lang: Lang | undefined): string | number | null => (c !== null && typeof c === 'object' ? c[lang ?? 'en'] : c);
/** A scored row's cells in a streamed workbook (its language, its source column). */
function xlsxCells(x: { cells: (s: ScoredRow) => TabularCell[]; withSource: boolean; lang: Lang }, s: ScoredRow): (string | number | null)[] {
  const cells = x.cells(s).map((c) => cellIn(c, x.lang));
  if (x.withSource) cells.push(ProvenanceCollector.cell(s));
  return cells;
}
/** A word of the output (`all`, `reconstructed`, `dti` …) in both languages, printed in each format's own. */
const words = (word: string): Localized => ({ vi: term(word, 'vi'), en: term(word, 'en') });
const bilingual = (l: Localized | null | undefined): Localized | null => (l ? { vi: l.vi, en: l.en } : null);

const name = (s: { meta: Readonly<Record<string, string>> }) => s.meta.name ?? '';

/** Score-table cells of a DBI row, read from the batch units where the row has them. */
function dbiCells(s: ScoredRow): TabularCell[] {
  if (s instanceof BatchScoredRow) {
    const c = s.compiled;
    const f = c.framework;
    const level = s.levelCode < 0 ? null : s.levelCode;
    const levelName = level === null ? null : (f.levels.find((l) => l.level === level)?.name ?? null);
    const cells: TabularCell[] = [s.id, name(s), f.id, s.totalUnits / c.factor, c.totalMaxUnits / c.factor, ratioHalfUp(s.totalUnits * 100, c.totalMaxUnits, 2), level, bilingual(levelName)];
    for (let p = 0; p < s.block.pillarCount; p++) {
      const l = s.pillarLevel(p);
      cells.push(s.pillarUnits(p) / c.factor, l < 0 ? null : l);
    }
    return cells;
  }
  const r = s.result as DbiResult;
  return [s.id, name(s), r.framework.id, r.total, r.max, r.percent, r.level, bilingual(r.levelName), ...r.pillars.flatMap((p) => [p.points, p.level])];
}

function dtiHeader(first: DtiResult): { header: string[]; ids: string[] } {
  const ids = first.mainIndicators.filter((m) => m.group !== 'unscored').map((m) => m.id);
  return { header: ['id', 'name', 'framework', 'total', 'value', 'government', 'economy', 'society', ...ids], ids };
}

function dtiCells(s: ScoredRow, ids: readonly string[]): TabularCell[] {
  const r = s.result as DtiResult;
  return [s.id, name(s), r.framework.id, r.total, r.value, r.pillars.government.value, r.pillars.economy.value, r.pillars.society.value, ...ids.map((id) => r.mainIndicators.find((m) => m.id === id)?.points ?? null)];
}

function scoreHeader(first: ScoredRow | undefined): { header: string[]; cells: (s: ScoredRow) => TabularCell[] } {
  if (!first || first.result.kind === 'dti') {
    const { header, ids } = first ? dtiHeader(first.result as DtiResult) : { header: ['id', 'name', 'framework', 'total', 'value', 'government', 'economy', 'society'], ids: [] };
    return { header, cells: (s) => dtiCells(s, ids) };
  }
  const pillars = first instanceof BatchScoredRow ? first.compiled.framework.pillars.map((p) => p.id) : (first.result as DbiResult).pillars.map((p) => p.id);
  return { header: ['id', 'name', 'framework', 'total', 'max', 'percent', 'level', 'levelName', ...pillars.flatMap((p) => [p, `${p}.level`])], cells: dbiCells };
}

/** The whole score table (for formats that need every row at once: table, Markdown, HTML). */
function scoreTable(scored: readonly ScoredRow[]): Tabular {
  const { header, cells } = scoreHeader(scored[0]);
  const first = scored[0]?.result;
  return {
    header,
    rows: scored.map(cells),
    json: scored,
    html: (options) => {
      if (!first || first.kind === 'dti') {
        const dti = scored as readonly (ScoredRow & { result: DtiResult })[];
        const byId = new Map(dti.map((d) => [d.id, d]));
        return renderReport({ kind: 'provinces', ranked: rankedDti(dti).map((x) => ({ ...x, name: byId.get(x.id)?.meta.name, ...sourceOf(byId.get(x.id)) })) }, options);
      }
      const dbi = scored as readonly (ScoredRow & { result: DbiResult })[];
      return dbi.length === 1
        ? renderReport({ kind: 'enterprise', name: dbi[0]!.meta.name ?? dbi[0]!.id, result: dbi[0]!.result, ...sourceOf(dbi[0]) }, options)
        : renderReport({ kind: 'cohort', summary: summarize(dbi.map((d) => ({ ...d.meta, result: d.result }))), ranked: rankedDbi(dbi, 'total') }, options);
    },
  };
}

/** A row's data source, for a report entry (`{}` when it has none). */
function sourceOf(s: ScoredRow | undefined): { source?: string } {
  const source = s?.meta.source?.trim();
  return source ? { source } : {};
}

/**
 * The national ranking of a score report, with each unit's region and rank in it where every row
 * has a region: its own region column first (fictional units sit in real regions), else its
 * province code's.
 */
function rankedDti(rows: readonly (ScoredRow & { result: DtiResult })[]) {
  const regionOf = (r: ScoredRow) => r.meta.region || findProvince(r.id)?.region;
  const regions = rows.length > 0 && rows.every((r) => regionOf(r) !== undefined);
  const ranking = rankDti(rows.map((r) => ({ id: r.id, result: r.result, ...(regions ? { group: regionOf(r) } : {}) })), regions ? { groupBy: 'group' } : {});
  const byId = new Map(rows.map((r) => [r.id, r.result]));
  return ranking.map((x) => ({ id: x.id, rank: x.rank, result: byId.get(x.id)!, ...(regions ? { ranking: x } : {}) }));
}

function rankedDbi(rows: readonly (ScoredRow & { result: DbiResult })[], by: string, method?: RankMethod) {
  for (const r of rows) checkDbiBy(by, { id: r.result.framework.id, pillars: r.result.pillars });
  const score = (r: DbiResult) => (by === 'total' ? r.exact.total : by === 'percent' ? r.exact.percent : (r.pillars.find((p) => p.id === by)?.exact.points ?? null));
  const ranking = rank(rows.map((r) => ({ id: r.id, score: score(r.result) })), { method, precision: 'exact' });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranking.map((x) => ({ id: x.id, rank: x.rank, name: byId.get(x.id)!.meta.name, result: byId.get(x.id)!.result, ...sourceOf(byId.get(x.id)) }));
}

/** What ranking a DBI row needs: its id, name, exact score and the figures shown beside it. */
interface DbiRankEntry {
  readonly id: string;
  readonly name: string;
  readonly score: string | null;
  readonly shown: number | null;
  readonly total: number;
  readonly percent: number;
  readonly level: number | null;
}

function dbiRankEntry(s: ScoredRow, by: string): DbiRankEntry {
  if (s instanceof BatchScoredRow) {
    const c = s.compiled;
    checkDbiBy(by, c.framework);
    const p = by === 'total' || by === 'percent' ? -1 : c.framework.pillars.findIndex((x) => x.id === by);
    const score = by === 'total' ? formatUnits(s.totalUnits, c.decimals) : by === 'percent' ? ratioString(s.totalUnits * 100, c.totalMaxUnits) : p < 0 ? null : formatUnits(s.pillarUnits(p), c.decimals);
    const total = s.totalUnits / c.factor;
    const percent = ratioHalfUp(s.totalUnits * 100, c.totalMaxUnits, 2);
    return { id: s.id, name: name(s), score, shown: by === 'total' ? total : by === 'percent' ? percent : p < 0 ? null : s.pillarUnits(p) / c.factor, total, percent, level: s.levelCode < 0 ? null : s.levelCode };
  }
  const r = s.result as DbiResult;
  checkDbiBy(by, { id: r.framework.id, pillars: r.pillars });
  const pillar = r.pillars.find((x) => x.id === by);
  return {
    id: s.id, name: name(s),
    score: by === 'total' ? r.exact.total : by === 'percent' ? r.exact.percent : (pillar?.exact.points ?? null),
    shown: by === 'total' ? r.total : by === 'percent' ? r.percent : (pillar?.points ?? null),
    total: r.total, percent: r.percent, level: r.level,
  };
}

function dbiRankTable(entries: readonly DbiRankEntry[], by: string, method: RankMethod | undefined): Tabular {
  const ranking = rank(entries.map((e) => ({ id: e.id, score: e.score })), { method, precision: 'exact' });
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ranked = ranking.map((x) => ({ rank: x.rank, e: byId.get(x.id)! }));
  return {
    header: ['rank', 'id', 'name', by, 'level'],
    rows: ranked.map(({ rank: r, e }) => [r, e.id, e.name, e.shown, e.level]),
    json: ranked.map(({ rank: r, e }) => ({ rank: r, id: e.id, total: e.total, percent: e.percent, level: e.level })),
  };
}

function dtiRankTable(dti: readonly (ScoredRow & { result: DtiResult })[], o: Options, groupKey: string | undefined, previous: readonly ScoredRow[] | undefined): Tabular {
  const method = o.method as RankMethod | undefined;
  const meta = new Map(dti.map((d) => [d.id, d.meta]));
  // a row's own region column wins (fictional units sit in real regions); else the unit's code
  const groupOf = (id: string) => (groupKey === 'region' ? meta.get(id)?.region ?? findProvince(id)?.region : groupKey ? meta.get(id)?.[groupKey] : undefined);
  const ranking = withOption('--by', ['options'], () => rankDti(dti.map((d) => ({ id: d.id, result: d.result, group: groupOf(d.id) })), {
    by: o.by ?? 'value', method, groupBy: groupKey ? 'group' : undefined,
  }));
  let changes: Map<string, RankChange> | undefined;
  if (previous) {
    const prev = previous.filter((s) => s.result.kind === 'dti') as (ScoredRow & { result: DtiResult })[];
    const before = withOption('--by', ['options'], () => rankDti(prev.map((d) => ({ id: d.id, result: d.result })), { by: o.by ?? 'value', method }));
    changes = new Map(rankChange(before, ranking).map((c) => [c.id, c]));
  }
  const byId = new Map(dti.map((d) => [d.id, d]));
  return {
    header: ['rank', 'id', 'name', o.by ?? 'value', ...(groupKey ? ['group', 'rankInGroup'] : []), ...(changes ? ['change'] : [])],
    rows: ranking.map((r) => [r.rank, r.id, byId.get(r.id)?.meta.name ?? '', r.score, ...(groupKey ? [bilingual(r.groupName) ?? r.group ?? null, r.rankInGroup === undefined || r.rankInGroup === null ? null : `${r.rankInGroup}/${r.ofInGroup}`] : []), ...(changes ? [changeCell(changes.get(r.id))] : [])]),
    json: ranking,
    html: (options) =>
      renderReport({
        kind: 'provinces',
        ranked: ranking.map((r) => {
          const change = changes?.get(r.id);
          return { id: r.id, name: byId.get(r.id)?.meta.name, rank: r.rank, result: byId.get(r.id)!.result, ranking: r, ...(change ? { change } : {}), ...sourceOf(byId.get(r.id)) };
        }),
      }, options),
  };
}

/** A rank change in both languages (`▲ 3` reads the same; `new` / `mới` does not). */
function changeCell(c: RankChange | undefined): TabularCell {
  return c ? { vi: c.labelVi, en: c.label } : null;
}

function parseDtiTarget(target: string | undefined, peers: readonly ScoredRow[]): DtiTarget {
  const [kind, raw] = (target ?? 'rank:1').split(':');
  const shape = () => new UsageError('--target phải có dạng value:0.5, points:500, rank:10 hoặc unit:<mã>', '--target must look like value:0.5, points:500, rank:10 or unit:<id>');
  if (raw === undefined) throw shape();
  if (kind === 'value') return { value: raw };
  if (kind === 'points') return { points: raw };
  if (kind === 'rank') {
    if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--target rank:${raw}: thứ hạng phải là số nguyên dương, ví dụ rank:10`, `--target rank:${raw}: the rank must be a whole number, e.g. rank:10`);
    return { rank: Number(raw), peers: peers.map((p) => p.result as DtiResult) };
  }
  if (kind === 'unit') {
    const other = peers.find((p) => p.id === raw);
    if (!other) throw new UsageError(`--target: không có dòng mã ${raw}`, `--target: no row with id ${raw}`);
    return { unit: other.result as DtiResult };
  }
  throw shape();
}

function gapTable(scored: readonly ScoredRow[], rows: readonly InputRow[], o: Options, lang: Lang): Tabular {
  const n = (x: number) => formatNumber(x, lang);
  if (!o.unit) throw new UsageError('gap cần --unit <mã>', 'gap needs --unit <id>');
  const row = scored.find((s) => s.id === o.unit);
  if (!row) throw new UsageError(`--unit: không có dòng đã chấm mã ${o.unit}`, `--unit: no scored row with id ${o.unit}`);
  if (row.result.kind === 'dbi') {
    const result = row.result;
    const original = rows.find((r) => r.id === o.unit)!;
    const target = o.target === undefined ? undefined : Number(o.target);
    if (target !== undefined && !Number.isInteger(target)) throw new UsageError('--target của DBI là một mức (số nguyên)', '--target for DBI is a level (integer)');
    // the answers by criterion id, whatever the file named its columns
    // the framework the row was scored on (a framework file's, too)
    const framework = (recordedFramework(result) as DbiFramework | undefined) ?? (getFramework(result.framework.id) as DbiFramework);
    if (target !== undefined && !framework.levels.some((l) => l.level === target)) {
      const known = framework.levels.map((l) => l.level).join(', ') || '—';
      throw new UsageError(`--target: ${framework.id} không có mức ${target} (các mức: ${known})`, `--target: ${framework.id} has no level ${target} (levels: ${known})`);
    }
    const gap = dbiGap(framework, dbiAssessmentOfRow(original, framework).assessment, target === undefined ? {} : { targetLevel: target });
    // the heading in the output's one language (its numbers in that language's style too)
    const heading = [
      lang === 'vi' ? `${row.id} ${row.meta.name ?? ''}: mức ${gap.currentLevel ?? '—'} → mục tiêu ${gap.targetLevel ?? '—'}` : `${row.id} ${row.meta.name ?? ''}: level ${gap.currentLevel ?? '—'} → target ${gap.targetLevel ?? '—'}`,
      gap.why ? gap.why.message[lang] : '',
      gap.reason ? gap.reason[lang] : '',
    ].filter(Boolean).join('\n');
    const cohort = scored.filter((s) => s.result.kind === 'dbi').map((s) => s.result as DbiResult);
    return {
      heading,
      header: ['criterion', 'name', 'pillar', 'from', 'to', 'gain'],
      // the pillar by its name in Vietnamese outputs (the id, `customer`, read as English there); machine forms keep the id
      rows: gap.steps.map((s) => [s.criterion, bilingual(s.name), { vi: framework.pillars.find((p) => p.id === s.pillar)?.name.vi ?? s.pillar, en: s.pillar }, s.from, s.to, s.gain]),
      json: gap,
      html: (options) => renderReport({ kind: 'enterprise', name: row.meta.name ?? row.id, result, cohort, gap, ...sourceOf(row) }, options),
    };
  }
  const dtiTarget = parseDtiTarget(o.target, scored.filter((s) => s.id !== row.id));
  const gap = withOption('--target', ['target'], () => dtiGap(row.result as DtiResult, dtiTarget, { peers: scored.map((s) => ({ id: s.id, result: s.result as DtiResult, region: s.meta.region || findProvince(s.id)?.region })), id: row.id }));
  const bench = new Map(gap.benchmarks.map((b) => [b.id, b]));
  return {
    heading: lang === 'vi'
      ? `${row.id} ${row.meta.name ?? ''}: DTI ${n(gap.current.value)} → ${n(gap.target.value)}; cần thêm ${n(gap.pointsNeeded)} điểm${gap.reachable ? '' : ' (không đạt được)'}`
      : `${row.id} ${row.meta.name ?? ''}: DTI ${n(gap.current.value)} → ${n(gap.target.value)}; needs ${n(gap.pointsNeeded)} more points${gap.reachable ? '' : ' (unreachable)'}`,
    header: ['indicator', 'name', 'points', 'max', 'headroom', 'needed', 'perPoint.government', 'gapToAverage', 'gapToRegionalLeader', 'gapToLeader'],
    rows: gap.indicators.map((i) => [i.id, bilingual(i.name), i.points, i.max, i.headroom, i.needed, i.perPoint.government, bench.get(i.id)?.gapToAverage ?? null, bench.get(i.id)?.gapToRegionalLeader ?? null, bench.get(i.id)?.gapToLeader ?? null]),
    json: gap,
    html: (options) => renderReport({ kind: 'province', name: row.meta.name ?? row.id, result: row.result as DtiResult, peers: scored.map((s) => s.result as DtiResult), gap, ...sourceOf(row) }, options),
  };
}

function summaryTable(s: CohortSummary, registered: boolean, ranked: () => ReturnType<typeof rankedDbi>): Tabular {
  const levels = Object.keys(s.overall.levels);
  return {
    header: ['group', 'count', ...levels.map((l) => `level ${l}`), 'mean', 'q1', 'median', 'q3', ...(registered ? ['registered', 'coveragePercent', 'shortfall'] : [])],
    rows: [...s.groups, s.overall].map((g) => [
      g === s.overall ? words('all') : g.key,
      g.count, ...levels.map((l) => g.levels[l] ?? 0), g.total.mean, g.total.q1, g.total.median, g.total.q3,
      // coverage as the reports print it: a percentage, 2 decimals, half-up from the exact counts
      ...(registered ? [g.coverage?.registered ?? null, g.coverage ? ratioHalfUp(g.coverage.assessed * 100, g.coverage.registered, 2) : null, g.coverage?.shortfall ?? null] : []),
    ]),
    json: s,
    html: (options) => renderReport({ kind: 'cohort', summary: s, ranked: ranked() }, options),
  };
}

/** Registered enterprises per group, from JSON (`{"registered": {...}}` or `{...}`) or CSV (group, count). */
function readRegistered(file: string): Record<string, number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw ioError(`không đọc được --registered ${file}`, `cannot read --registered ${file}`, e);
  }
  const bad = (why: string) => new CliError(2, `--registered ${file}: ${why}; cần JSON {"nhóm": số} hoặc CSV hai cột (nhóm, số doanh nghiệp đăng ký)`, `--registered ${file}: ${why}; expected JSON {"group": count} or a two-column CSV (group, registered count)`);
  const toCount = (v: unknown): number => {
    const n = typeof v === 'number' ? v : Number(String(v).trim().replace(/[.\s](?=\d{3}\b)/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw bad(`"${String(v)}" không phải số nguyên dương / is not a positive whole number`);
    return n;
  };
  const t = text.trimStart();
  if (t.startsWith('{')) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(t) as Record<string, unknown>;
    } catch (e) {
      throw bad((e as Error).message);
    }
    const reg = (Object.hasOwn(data, 'registered') && typeof data.registered === 'object' && data.registered !== null ? data.registered : data) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(reg).map(([k, v]) => [k, toCount(v)]));
  }
  const rows = (Papa.parse(t, { skipEmptyLines: 'greedy' }).data as string[][]).filter((r) => r.length >= 2);
  if (rows.length === 0) throw bad('tệp rỗng / empty file');
  // a group named `__proto__` or `constructor` is a group: own keys only
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  rows.forEach((r, i) => {
    const last = r[r.length - 1]!.trim();
    if (i === 0 && !/^\d[\d.\s]*$/.test(last)) return; // a header row
    out[r[0]!.trim()] = toCount(last);
  });
  return out;
}

// ---------------------------------------------------------------- the row commands

async function readAll(file: string, o: Options): Promise<{ scored: ScoredRow[]; rows: InputRow[] }> {
  const source = await openRows(file, readOptions(o));
  const pick = frameworkPicker(o, source.plan);
  const scored: ScoredRow[] = [];
  const rows: InputRow[] = [];
  for await (const chunk of source.chunks()) {
    rows.push(...chunkRows(chunk));
    scored.push(...scoreChunk(chunk, { pick, input: o.input as 'points' | 'values' | undefined }).scored);
  }
  return { scored, rows };
}

async function runRows(command: 'score' | 'rank' | 'gap' | 'summary', file: string | undefined, o: Options, format: Format): Promise<number> {
  if (!file) throw new UsageError('thiếu <tệp>', 'missing <file>');
  if (o.input && o.input !== 'points' && o.input !== 'values') throw new UsageError('--input phải là points hoặc values', '--input must be points or values');
  const method = o.method as RankMethod | undefined;
  if (method && !['competition', 'dense', 'ordinal'].includes(method)) throw new UsageError('--method phải là competition, dense hoặc ordinal', '--method must be competition, dense or ordinal');
  const target = o.target === undefined ? undefined : Number(o.target.replace(',', '.'));
  if (command === 'summary' && target !== undefined && !(target >= 0 && target <= 1)) throw new UsageError('--target của summary là một tỉ lệ từ 0 đến 1, ví dụ 0.5', '--target for summary is a share between 0 and 1, e.g. 0.5');
  const registered = command === 'summary' && o.registered ? readRegistered(o.registered) : undefined;
  const source = await openRows(file, readOptions(o));
  for (const n of source.notices) {
    // a framework file scores columns no bundled framework knows: they are not "information"
    const file = fileFramework(o);
    if (file && source.plan && n.en.startsWith('Columns not used for scoring')) {
      const info = source.plan.information.filter((h) => !scoresColumn(file, h));
      const list = info.map((h) => quoted(h)).join(', ');
      if (info.length) say(`Cột không dùng để chấm, giữ lại làm thông tin: ${list}`, `Columns not used for scoring, kept as information: ${list}`);
      continue;
    }
    say(n.vi, n.en);
  }
  const pick = frameworkPicker(o, source.plan);
  const inputs = [file, ...(o.previous ? [o.previous] : []), ...(o.registered ? [o.registered] : []), ...(o.columns ? [o.columns] : []), ...(o['framework-file'] ? [o['framework-file']] : [])];
  const out = o.out ? openOutput(o.out, inputs) : undefined;
  let errSink: OutputSink | undefined;
  try {
    errSink = o.errors ? openOutput(o.errors, [...inputs, ...(o.out ? [o.out] : [])]) : undefined;
  } catch (e) {
    out?.abort();
    throw e;
  }
  const sink = out ?? stdoutSink();
  try {
    const code = await streamRows(command, source, pick, o, format, sink, errSink, { method, target, registered });
    sink.commit();
    errSink?.commit();
    return code;
  } catch (e) {
    sink.abort();
    errSink?.abort();
    throw e;
  }
}

async function streamRows(
  command: 'score' | 'rank' | 'gap' | 'summary',
  source: RowSource,
  pick: FrameworkPicker,
  o: Options,
  format: Format,
  sink: OutputSink,
  errSink: OutputSink | undefined,
  a: { method?: RankMethod; target?: number; registered?: Record<string, number> },
): Promise<number> {
  const tally: Tally = { read: 0, scored: 0, rejected: 0, blank: 0 };
  const report = new ErrorReport(errSink);
  const notices = new RowNotices();
  const tick = progressMeter(source.size);
  const excel = o.excel ?? false;
  const lang = o.lang as Lang | undefined;
  const renderOptions = { excel, lang };
  const provenance = new ProvenanceCollector();
  // what each command keeps
  const streamed = command === 'score' && (format === 'csv' || format === 'json' || format === 'ndjson' || format === 'xlsx') && !o.strict;
  // the streamed CSV: its language, columns and decimals, fixed by the first scored row
  const csvLang = languageOf('csv', renderOptions);
  const csvOptions = (decimals?: readonly (number | undefined)[]) => ({ excel, lang: csvLang, decimals });
  let csv: { cells: (s: ScoredRow) => TabularCell[]; decimals: (number | undefined)[]; withSource: boolean } | undefined;
  const startCsv = (first: ScoredRow | undefined) => {
    const h = scoreHeader(first);
    // a source column where the file has one (or a JSON row carries it): illustrative rows are marked
    const withSource = source.plan ? source.plan.key.some((k, i) => k === 'source' && source.plan!.role[i] === 'meta') : first?.meta.source !== undefined;
    const keys = withSource ? [...h.header, 'source'] : h.header;
    const decimals = keys.map(columnDecimals);
    sink.write(csvHeader(csvLang ? localizeHeaders(keys, csvLang, provenance.labels()) : keys, csvOptions()));
    return { cells: h.cells, decimals, withSource };
  };
  // the streamed workbook: its columns fixed by the first scored rows (widths fitted to them)
  let xlsx: { book: XlsxStream; cells: (s: ScoredRow) => TabularCell[]; withSource: boolean; lang: Lang } | undefined;
  const startXlsx = async (first: readonly ScoredRow[]) => {
    const h = scoreHeader(first[0]);
    const withSource = source.plan ? source.plan.key.some((k, i) => k === 'source' && source.plan!.role[i] === 'meta') : first[0]?.meta.source !== undefined;
    const keys = withSource ? [...h.header, 'source'] : h.header;
    const lang = languageOf('xlsx', renderOptions) ?? 'vi';
    const book = new XlsxStream((bytes) => sink.write(bytes), { lang });
    const x = { book, cells: h.cells, withSource, lang };
    await book.start(localizeHeaders(keys, lang, provenance.labels()), keys.map(columnDecimals), first.map((s) => xlsxCells(x, s)));
    return x;
  };
  let firstPiece = true;
  let written = 0;
  const kept: ScoredRow[] = [];
  const keptRows: InputRow[] = [];
  const dbiRank: DbiRankEntry[] = [];
  let cohort: CohortStream | undefined;
  let groupBy: string[] | undefined;
  let rankGroup: string | undefined;
  let firstChunk = true;
  const by = o.by ?? 'total';
  const forReading = format === 'md' || format === 'html' || format === 'table';

  for await (const chunk of source.chunks()) {
    if (firstChunk) {
      firstChunk = false;
      const available = availableColumns(source, chunk);
      const file = fileFramework(o);
      if (source.plan) report.written = writtenInputColumns(source.plan, file ? [file] : [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS]);
      if (command === 'summary') groupBy = groupKeys(o, available, false, writtenColumns(source, available));
      if (command === 'rank' && o['group-by']) rankGroup = groupKeys(o, available, true, writtenColumns(source, available)).join(',');
    }
    const { scored, errors } = scoreChunk(chunk, { pick, input: o.input as 'points' | 'values' | undefined, strict: o.strict });
    const rejected = [...chunk.rejected, ...errors].sort((x, y) => x.line - y.line);
    tally.read += chunk.records.length + chunk.rows.length + chunk.rejected.length + chunk.blank;
    tally.blank += chunk.blank;
    tally.rejected += rejected.length;
    tally.scored += scored.length;
    report.add(o.strict ? rejected.slice(0, 1) : rejected);
    tick?.(tally.read, source.bytesRead());
    if (o.strict && rejected.length) {
      report.finish();
      tally.scored = 0;
      printTally(tally);
      throw new StrictStop();
    }
    for (const s of scored) provenance.add(s);
    notices.add(scored);
    if (command === 'score') {
      if (streamed) {
        await sink.drain();
        if (format === 'csv') {
          if (scored.length) {
            csv ??= startCsv(scored[0]);
            const c = csv;
            let text = '';
            for (const s of scored) {
              const cells = c.cells(s).map((x) => cellIn(x, csvLang));
              if (c.withSource) cells.push(ProvenanceCollector.cell(s));
              text += csvRow(cells, csvOptions(c.decimals));
            }
            sink.write(text);
          }
        } else if (format === 'xlsx') {
          if (scored.length) {
            xlsx ??= await startXlsx(scored);
            const x = xlsx;
            await x.book.rows(scored.map((s) => xlsxCells(x, s)));
          }
        } else if (format === 'ndjson') {
          if (scored.length) sink.write(scored.map((s) => JSON.stringify(s) + '\n').join(''));
        } else {
          const piece = jsonPiece(scored, firstPiece);
          if (piece) {
            sink.write(piece);
            firstPiece = false;
          }
        }
        written += scored.length;
      } else kept.push(...scored);
    } else if (command === 'summary') {
      for (const s of scored) {
        if (!(s instanceof BatchScoredRow) && s.result.kind !== 'dbi') continue;
        (cohort ??= new CohortStream({ groupBy, registered: a.registered, target: a.target })).add(s);
        if (format === 'html') kept.push(s);
      }
    } else if (command === 'rank') {
      for (const s of scored) {
        if (s instanceof BatchScoredRow || s.result.kind === 'dbi') {
          if (format === 'html') kept.push(s);
          else dbiRank.push(dbiRankEntry(s, by));
        } else kept.push(s);
      }
    } else {
      kept.push(...scored);
      keptRows.push(...chunkRows(chunk));
    }
    // a report for a person to read: refused as soon as it outgrows one, before it outgrows memory
    if (forReading && command !== 'gap' && Math.max(kept.length, dbiRank.length) > MAX_REPORT_ROWS) throw reportTooLong(format);
  }
  tick?.(tally.read, source.size, true);
  report.finish();
  // a header and no row (or blank lines only): nothing to score is an input problem, exit 2, and nothing is written
  if (tally.read === tally.blank) {
    const table = source.kind === 'csv' || source.kind === 'xlsx';
    throw new CliError(2, `${source.file}: tệp không có dòng dữ liệu nào${table ? ' (chỉ có tiêu đề hoặc dòng trống)' : ''}`, `${source.file}: the file has no data rows${table ? ' (only a header or blank lines)' : ''}`);
  }

  let rowsOut = written;
  const prov = provenance.provenance();
  if (streamed) {
    if (format === 'csv') {
      csv ??= startCsv(undefined);
      // the provenance trailer, once, after the last row
      if (prov) sink.write(csvTrailer(prov, csvOptions()));
    } else if (format === 'xlsx') {
      xlsx ??= await startXlsx([]);
      await xlsx.book.end(prov);
    } else if (format === 'json') {
      if (firstPiece) sink.write(jsonPiece([], true));
      sink.write(jsonEnd(prov ?? { frameworks: [], rows: [], illustrative: false }, !firstPiece));
    }
  } else {
    let table: Tabular;
    if (command === 'score') table = scoreTable(kept);
    else if (command === 'summary') {
      if (!cohort) throw new UsageError('summary cần các dòng DBI', 'summary needs DBI rows');
      const dbi = kept as (ScoredRow & { result: DbiResult })[];
      table = summaryTable(cohort.finish(), a.registered !== undefined, () => rankedDbi(dbi, 'total'));
    } else if (command === 'rank') {
      if (kept.length && kept.every((s) => s.result.kind === 'dti')) {
        const previous = o.previous ? (await readAll(o.previous, { ...o, 'header-row': undefined, columns: o.columns })).scored : undefined;
        table = dtiRankTable(kept as (ScoredRow & { result: DtiResult })[], o, rankGroup, previous);
      } else if (format === 'html') {
        const dbi = kept as (ScoredRow & { result: DbiResult })[];
        const ranked = rankedDbi(dbi, by, a.method);
        table = { header: [], rows: [], json: null, html: (options) => renderReport({ kind: 'cohort', summary: summarize(dbi.map((d) => ({ ...d.meta, result: d.result }))), ranked }, options) };
      } else table = dbiRankTable(dbiRank, by, a.method);
    } else table = gapTable(kept, keptRows, o, languageOf(format, renderOptions) ?? 'en');
    if (format === 'html' && !table.html) throw new UsageError(`${command} không có báo cáo HTML`, `${command} has no HTML report`);
    table = { ...table, ...(prov ? { provenance: prov } : {}), labels: { ...provenance.labels(), ...table.labels } };
    if (format === 'xlsx') sink.write(await renderBytes(table, renderOptions));
    else sink.write(render(table, format, renderOptions));
    // the DBI ranking report has no table form: it holds every kept row
    rowsOut = table.rows.length || (format === 'html' ? kept.length : 0);
  }
  notices.print();
  printTally(tally);
  if (sink.path) say(`đã ghi ${sink.path} (${count(rowsOut, 'vi')} dòng)`, `wrote ${sink.path} (${count(rowsOut, 'en')} rows)`);
  if (errSink?.path) say(`đã ghi các dòng bị từ chối vào ${errSink.path}`, `wrote the rejected rows to ${errSink.path}`);
  return tally.rejected ? 1 : 0;
}

class StrictStop extends Error {}

/** Rows of a Markdown, HTML or terminal report: more than a person reads, and the whole report is held in memory. */
const MAX_REPORT_ROWS = 10_000;

function reportTooLong(format: Format): CliError {
  const [vi, en] = format === 'md' ? ['Markdown', 'Markdown'] : format === 'html' ? ['HTML', 'HTML'] : ['dạng bảng', 'table'];
  return new CliError(
    2,
    `báo cáo ${vi} dành cho tối đa ${count(MAX_REPORT_ROWS, 'vi')} dòng, tệp này có nhiều hơn: hãy ghi CSV hoặc Excel (--out ket-qua.csv hoặc --out ket-qua.xlsx)`,
    `a ${en} report is for at most ${count(MAX_REPORT_ROWS, 'en')} rows and this file has more: write CSV or Excel instead (--out results.csv or --out results.xlsx)`,
  );
}

/**
 * What scoring a row did that the officer should know (a DBI result's `notices`: answers to another
 * sector's questions ignored, a sector scored on the common part): the first ones on stderr with
 * their line, and how many rows had each.
 */
class RowNotices {
  readonly #first: string[][] = [];
  readonly #count = new Map<string, number>();
  add(scored: readonly ScoredRow[]): void {
    for (const s of scored) {
      // a batch row has no notices (a framework answered in points); its result is built only on demand
      if (s instanceof BatchScoredRow || s.result.kind !== 'dbi') continue;
      for (const n of s.result.notices ?? []) {
        this.#count.set(n.code, (this.#count.get(n.code) ?? 0) + 1);
        if (this.#first.length < 20) this.#first.push([`dòng ${s.line} (${s.id}): ${n.message.vi}`, `line ${s.line} (${s.id}): ${n.message.en}`]);
      }
    }
  }
  print(): void {
    for (const [vi, en] of this.#first) say(vi!, en!);
    const total = [...this.#count.values()].reduce((a, b) => a + b, 0);
    if (total > this.#first.length) say(`… và ${count(total - this.#first.length, 'vi')} lưu ý khác`, `… and ${count(total - this.#first.length, 'en')} more notices`);
  }
}

function printTally(t: Tally): void {
  say(
    `đã đọc ${count(t.read, 'vi')} dòng: ${count(t.scored, 'vi')} đã chấm, ${count(t.rejected, 'vi')} bị từ chối, ${count(t.blank, 'vi')} trống`,
    `read ${count(t.read, 'en')} ${t.read === 1 ? 'row' : 'rows'}: ${count(t.scored, 'en')} scored, ${count(t.rejected, 'en')} rejected, ${count(t.blank, 'en')} blank`,
  );
}

// ---------------------------------------------------------------- main

function writeAll(text: string | Uint8Array, out: string | undefined, rows?: number): void {
  const sink = openOutput(out);
  try {
    sink.write(text);
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
  if (out) say(`đã ghi ${out}${rows === undefined ? '' : ` (${count(rows, 'vi')} dòng)`}`, `wrote ${out}${rows === undefined ? '' : ` (${count(rows, 'en')} rows)`}`);
}

async function run(argv: readonly string[]): Promise<number> {
  fileFrameworks.clear();
  // `vndi framework validate|template|show …`: its own words and exit codes
  if (argv[0] === 'framework') {
    return runFrameworkCommand(argv.slice(1), { stdout: (s) => void process.stdout.write(s), stderr: (s) => void process.stderr.write(terminalMessage(s)) });
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        framework: { type: 'string' }, 'framework-file': { type: 'string' }, lang: { type: 'string' }, year: { type: 'string' }, input: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
        excel: { type: 'boolean' }, by: { type: 'string' }, 'group-by': { type: 'string' }, method: { type: 'string' },
        previous: { type: 'string' }, unit: { type: 'string' }, target: { type: 'string' }, registered: { type: 'string' },
        strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, encoding: { type: 'string' }, 'header-row': { type: 'string' },
        sheet: { type: 'string' }, columns: { type: 'string' }, errors: { type: 'string' },
      },
    });
  } catch (e) {
    return failure(new UsageError('dòng lệnh không hợp lệ', (e as Error).message));
  }
  const o = parsed.values as Options;
  const [command, arg] = parsed.positionals;
  if (o.help || !command) {
    (o.help ? process.stdout : process.stderr).write(USAGE);
    return o.help ? 0 : 2;
  }
  const byName = formatFromName(o.out);
  if (o.out && !o.format && !byName) {
    throw new UsageError(`không ghi được ${o.out}: đặt đuôi .csv, .json, .ndjson, .md, .html, .xlsx hoặc .txt, hoặc dùng --format`, `cannot write ${o.out}: name it .csv, .json, .ndjson, .md, .html, .xlsx or .txt, or give --format`);
  }
  const format = (o.format ?? byName ?? (process.stdout.isTTY ? 'table' : 'json')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`không có --format ${format}; các định dạng: ${FORMATS.join(', ')}`, `unknown --format ${format}; known: ${FORMATS.join(', ')}`);
  // a workbook is bytes: into a file or a pipe, never onto a terminal
  if (format === 'xlsx' && !o.out && process.stdout.isTTY) throw new UsageError('--format xlsx ghi một tệp Excel nhị phân: dùng --out <tệp.xlsx> (hoặc chuyển hướng ra tệp)', '--format xlsx writes a binary workbook: give --out <file.xlsx> (or redirect to a file)');
  if (o.lang !== undefined && o.lang !== 'vi' && o.lang !== 'en') throw new UsageError(`--lang phải là vi hoặc en, nhận "${o.lang}"`, `--lang must be vi or en, got "${o.lang}"`);
  const renderOptions = { excel: o.excel, lang: o.lang as Lang | undefined };
  switch (command) {
    case 'frameworks': {
      const list = listFrameworks();
      const table: Tabular = {
        header: ['id', 'kind', 'title', 'decision', 'date', 'years', 'status'],
        rows: list.map((f) => [f.id, f.kind, { vi: f.title.vi, en: f.title.en }, f.legalBasis.decision, f.legalBasis.date, f.years.join(', '), words(f.status)]),
        json: list,
      };
      if (format === 'html') throw new UsageError('frameworks không có báo cáo HTML', 'frameworks has no HTML report');
      writeAll(format === 'xlsx' ? await renderBytes(table, renderOptions) : render(table, format, renderOptions), o.out, table.rows.length);
      return 0;
    }
    case 'schema': {
      const file = fileFramework(o);
      if (file && arg) throw new UsageError('schema nhận mã bộ chỉ số hoặc --framework-file, không cả hai', 'schema takes a framework id or --framework-file, not both');
      if (!arg && !file) throw new UsageError('schema cần mã bộ chỉ số (hoặc --framework-file TỆP)', 'schema needs a framework id (or --framework-file FILE)');
      const f = file ?? frameworkById(arg!);
      if (!f) throw new UsageError(`không có bộ chỉ số ${arg}; các bộ chỉ số: ${listFrameworks().map((x) => x.id).join(', ')}`, `unknown framework ${arg}; known: ${listFrameworks().map((x) => x.id).join(', ')}`);
      writeAll(JSON.stringify(inputJsonSchema(f), null, 2) + '\n', o.out);
      return 0;
    }
    case 'demo':
      writeAll(runDemo(o.lang === 'en' ? 'en' : 'vi'), o.out);
      return 0;
    case 'score':
    case 'rank':
    case 'gap':
    case 'summary':
      return await runRows(command, arg, o, format);
    default:
      throw new UsageError(`không có lệnh ${command}`, `unknown command ${command}`);
  }
}

/**
 * Runs the CLI; resolves to the exit code. Every failure is reported as one line on stderr: a
 * usage error (2, pointing to `vndi --help`), an I/O problem (2), invalid input (1), and anything
 * unexpected (2) — never a stack trace.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    return failure(e);
  }
}

function failure(e: unknown): number {
  // one line, whatever the message carries: a file name or a JSON parser's excerpt of the file can
  // hold line breaks, terminal escapes or bidirectional overrides
  const say = (text: string) => process.stderr.write(`${terminalLine(`vndi: ${text}`)}\n`);
  if (e instanceof StrictStop) return 1;
  if (e instanceof FrameworkFileError) {
    say(`--framework-file ${e.path}: ${e.reason.vi} / ${e.reason.en}`);
    return 2;
  }
  if (e instanceof CliError) {
    // a usage error points to `vndi --help` rather than printing its 48 lines under the one that matters
    say(e instanceof UsageError ? `${e.message} (vndi --help)` : e.message);
    return e.exitCode;
  }
  if (e instanceof ValidationError) {
    // one line per problem (an invalid framework file lists each path, as `vndi framework validate` does)
    for (const i of e.issues.slice(0, MAX_ERROR_LINES)) process.stderr.write(`${terminalLine(`${i.pathString || '(input)'}: ${i.message.vi} / ${i.message.en}`)}\n`);
    return 1;
  }
  const err = e as NodeJS.ErrnoException | undefined;
  const detail = String(err?.message ?? e).split('\n')[0];
  say(`lỗi không mong đợi / unexpected error: ${err?.code ? `${err.code} ` : ''}${detail}`);
  return 2;
}

const invokedDirectly = (() => {
  try {
    return import.meta.url === `file://${process.argv[1]}` || /[\\/](cli\.(c?js|mjs)|vndi)$/.test(process.argv[1] ?? '');
  } catch {
    return false;
  }
})();
if (invokedDirectly) {
  // `vndi score big.csv | head`: a closed pipe ends the run quietly, not with a stack trace
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`${terminalLine(`vndi: không ghi được ra stdout / cannot write to standard output (${e.code ?? e.message})`)}\n`);
    process.exit(2);
  });
  // interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT): no temporary file is left behind
  removeTemporaryFilesOnSignals();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.exitCode = failure(e);
    },
  );
}
