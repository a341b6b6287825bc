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
import { rank, rankChange, type RankChange, type RankMethod, type Ranked } from '../../analysis/rank.js';
import { rankDti, type RankingUniverse } from '../../analysis/rank-dti.js';
import { summarize, type CohortSummary, type GroupSummary } from '../../analysis/summarize.js';
import { inputJsonSchema } from '../../assessment/json-schema.js';
import { NotScorableError, ValidationError, type ValidationIssue } from '../../errors.js';
import { DBI_FRAMEWORKS } from '../../framework/dbi/index.js';
import { DTI_FRAMEWORKS } from '../../framework/dti/index.js';
import { calendarDayOf, frameworkForYear, frameworkInForce, getFramework, listFrameworks } from '../../framework/catalog.js';
import { dayBefore, decisionsOf } from '../../framework/decisions.js';
import { REGIONS, findProvince, type RegionId } from '../../framework/units/provinces.js';
import type { DbiFramework, Framework } from '../../framework/schema.js';
import { dbiFrameworkOf, type DbiResult } from '../../score/score-dbi.js';
import type { DtiResult } from '../../score/score-dti.js';
import { CliError, ioError } from '../io/cli-error.js';
import { parseEncodingName, pipeRefusal } from '../io/decode.js';
import { META_HEADERS, frameworkColumns, headerKey, metaField, type ColumnPlan } from '../io/headers.js';
import { progressMeter } from '../io/progress.js';
import { ID_BY_NAME, cellValue, rowFromFields, type InputRow } from '../io/rows.js';
import { openOutput, removeTemporaryFilesOnSignals, stdoutSink, type OutputSink } from '../io/safe-write.js';
import { openRows, type ReadOptions, type RowChunk, type RowSource } from '../io/source.js';
import { dbiLevelNote, mayNeedLevelNote, renderReport } from '../report/html.js';
import { renderAssessmentPage } from '../page/render.js';
import { compileDbi } from '../../assessment/dbi-input.js';
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
import { BatchScoredRow, dbiAssessmentOfRow, frameworkById, pickedFramework, scoreChunk, scoresColumn, writtenInputColumns, type FrameworkPicker, type FrameworkRefusal, type RowError, type ScoredRow } from './score-rows.js';
import { readRegistered } from './registered.js';
import { cutShort, everyIssue } from './row-issues.js';
import { ErrorReport, MAX_ERROR_LINES, SetAsideReport, count, noRowScored, printTally, say, type Tally } from './row-report.js';
import { UnitLedger, unitKey, type DuplicateRule } from './units.js';

const USAGE = `vndi — chấm điểm chỉ số chuyển đổi số (DTI, DBI) / score Vietnam's digital-transformation indices

Usage: vndi <command> [options]

Commands
  frameworks                 list the frameworks (id, title, legal basis, status)
  score <file>               score every row of a CSV, Excel (.xlsx), JSON or NDJSON file
  rank <file>                score and rank the rows
  gap <file> --unit <id>     gap analysis for one row (--target: DBI level, or DTI value:0.5 | points:500 | rank:10 | unit:<id>)
  summary <file>             cohort summary of DBI rows (--group-by district,size --registered file.csv --target 0.5)
  schema <framework>         JSON Schema of a framework's input (or of --framework-file FILE);
                             --draft 2020-12 (default) or 07 (draft-07, for Fastify and most validators)
  framework validate FILE    check a framework file (exit 0 valid, 1 invalid with each problem's path)
  framework template dbi|dti|dbi-questionnaire  a starting framework file (a questionnaire with every feature)
  framework show ID|FILE     a framework's tree with maxima and statuses
  form                       an offline self-assessment page of a DBI framework: --framework ID or
                             --framework-file FILE, --out tu-danh-gia.html (--lang en, --subtitle TEXT)
  demo                       run on the bundled fixtures (--lang vi, the default, or en)

Reading
  --framework <id>           framework of every row (else the row's framework column, else --date or --year)
  --framework-file <file>    a framework written as a file (vndi framework template): every row is scored on it
  --year <year>              the set in force that year that has the file's columns (DTI: the assessment
                             year); a DBI year with a changeover (2023, 2025) needs --date
  --date <day>               the day of assessment (2023-11-07 or 07/11/2023): the DBI set in force that day;
                             a row's own "Ngày đánh giá" (date) or "Năm" column does the same per row
  --size sme|large|group     the enterprise size of DBI rows, for --year and --date (default: by columns)
  --input points|values      what DTI columns hold (default points)
  --encoding <name>          utf-8 | utf-16le | utf-16be | windows-1258 | tcvn3 (default: detected)
  --header-row <n>           the header's row number (default: found under any title rows)
  --sheet <name>             the sheet of an .xlsx workbook, by name (accents and case aside) or
                             number (default: the first visible sheet with a header row)
  --columns <map.json>       {"header as written": "field"} for headers vndi does not know
  --strict                   stop at the first bad row
  --duplicates error|first|last   a unit (id, or a province however its name is spelt) given twice: error
                             (default) counts the first and rejects the others, exit 1; first or last
                             counts that submission and sets the others aside with a notice

Writing
  --format table|json|ndjson|csv|md|html|xlsx   output format (default: table on a terminal, json otherwise);
                             xlsx goes to --out x.xlsx, or to a pipe or file, never to a terminal
  --out <file>               write to a file (atomically); the format follows the extension (.xlsx: a workbook)
  --errors <file.csv>        write the rejected rows (line, field, reason) as CSV for Excel
  --excel                    CSV for Vietnamese Excel: BOM, ';' separator, decimal commas (CSV unless --format says else)
  --lang vi|en               language of headers, words and decimals: vi writes decimal commas (0,3985), en
                             points (default vi for table, md, xlsx, html and --excel CSV; JSON, NDJSON and
                             plain CSV stay machine-readable: keys, points). Every output says what it
                             rests on: framework, decision, status, assumptions, each row's data source.

Analysis
  --by <measure>             rank by value | government | economy | society | <main indicator> | total | percent
  --group-by <keys>          rank within groups (region, or a column) / summary groups (comma-separated)
  --method competition|dense|ordinal   ranking method (default competition, as dti.gov.vn)
  --previous <file>          earlier year's file, for rank change
  --universe 63|34           rank among the 63 provinces (DTI 2020–2024) or the 34 of 2025: those not in the
                             file count as without data (default: the rows of the file); a rejected row is
                             a unit without data, and every rank then shows its bounds (2–5/5)
  --registered <file>        registered enterprises per group (JSON or CSV: group, count)
  -h, --help                 this help

Exit codes
  0    done (also --help)
  1    invalid input data: rows rejected, each reported on stderr (the others are still scored and
       written); --strict stopped at the first bad row; a file whose content cannot be read as rows
       (invalid JSON, an unreadable header, a broken .xlsx); a --framework-file with problems
  2    usage or file problem, one line (Vietnamese, then English): an unknown command or option, a
       bad option value (--by, --target, --lang, --format, --method, --input, --year, --date, --header-row, --draft,
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
  date?: string;
  size?: string;
  universe?: string;
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
  duplicates?: string;
  subtitle?: string;
  draft?: string;
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


// ---------------------------------------------------------------- the framework of a run

/** A day as an officer writes it: `2023-11-07`, or `07/11/2023` (day first). `undefined` if neither. */
function dayOf(text: string): string | undefined {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text.trim();
  try {
    return calendarDayOf(iso);
  } catch {
    return undefined;
  }
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** When a run (or a row) is assessed: an assessment year, or a day. */
type When = { readonly year: number } | { readonly day: string };

/**
 * The one place where the framework of a run is chosen: `--framework` (or `--framework-file`), else
 * the row's framework column, else the decisions table for `--date`, `--year`, the row's date
 * column (`Ngày đánh giá`) or its `Năm` column: of the sets in force then, the one that has the
 * file's columns. Where none has them, or a DBI year holds a changeover, the run (for `--year` /
 * `--date`) or the row is refused with which decision applied when and which framework the columns
 * fit; it is never scored under another decision.
 */
/** The framework the command line names (`--framework` or `--framework-file`, never both), if any. */
function namedFramework(o: Options): Framework | undefined {
  const file = fileFramework(o);
  if (o.framework === undefined) return file;
  if (file) throw new UsageError('chỉ dùng một trong --framework và --framework-file', 'give --framework or --framework-file, not both');
  const f = frameworkById(o.framework);
  if (!f) throw new UsageError(`không có --framework ${o.framework}; các bộ chỉ số: ${listFrameworks().map((x) => x.id).join(', ')}`, `unknown --framework ${o.framework}; known: ${listFrameworks().map((x) => x.id).join(', ')}`);
  return f;
}

function frameworkPicker(o: Options, plan: ColumnPlan | undefined): FrameworkPicker {
  const fixed = namedFramework(o);
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1 && year <= 9999)) throw new UsageError('--year phải là một năm, ví dụ 2023', '--year must be a year, e.g. 2023');
  const date = o.date === undefined ? undefined : dayOf(o.date);
  if (o.date !== undefined && date === undefined) throw new UsageError(`--date phải là một ngày, ví dụ 2023-11-07 hoặc 07/11/2023 (nhận được "${o.date}")`, `--date must be a day, e.g. 2023-11-07 or 07/11/2023 (received "${o.date}")`);
  if (year !== undefined && date !== undefined) throw new UsageError('chỉ dùng một trong --year và --date', 'give --year or --date, not both');
  const size = o.size;
  if (size !== undefined && size !== 'sme' && size !== 'large' && size !== 'group') throw new UsageError(`--size phải là sme, large hoặc group (nhận được "${size}")`, `--size must be sme, large or group (received "${size}")`);
  const fileHeaders = plan ? plan.key.filter((_, i) => plan.role[i] === 'cell') : [];
  // --size narrows the DBI sets to one enterprise size (large and group sets share their columns)
  const all: readonly Framework[] = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS.filter((f) => size === undefined || f.enterpriseSize === size)];

  // the bundled frameworks that have the most of the columns (ties kept: 922 and 405 share their columns)
  const fitting = new Map<string, Framework[]>();
  const fits = (headers: readonly string[]): Framework[] => {
    const key = headers.join('\u0000');
    let best = fitting.get(key);
    if (!best) {
      if (fitting.size > 1000) fitting.clear();
      const score = (f: Framework) => headers.filter((h) => frameworkColumns(f).has(headerKey(h))).length;
      const top = Math.max(0, ...all.map(score));
      best = top === 0 ? [] : all.filter((f) => score(f) === top);
      fitting.set(key, best);
    }
    return best;
  };
  const answerFor = (when: When, f: Framework) => {
    const size = f.kind === 'dbi' ? f.enterpriseSize : undefined;
    return 'year' in when ? frameworkForYear(f.kind, when.year, size) : frameworkInForce(f.kind, when.day, size);
  };
  const whenText = (when: When, kind: 'dti' | 'dbi'): Localized => ('year' in when
    ? (kind === 'dti' ? { vi: `DTI ${when.year}`, en: `DTI ${when.year}` } : { vi: `Năm ${when.year}`, en: `${when.year}` })
    : { vi: `Ngày ${dmy(when.day)}`, en: `On ${dmy(when.day)}` });
  const fitText = (f: Framework): Localized => {
    const d = decisionsOf(f.kind).find((x) => x.decision === f.legalBasis.decision);
    if (f.kind === 'dti' || !d) {
      const used = f.years.length > 1 ? `${f.years[0]}–${f.years[f.years.length - 1]}` : String(f.years[0]);
      return { vi: `các cột của tệp khớp bộ ${f.id} (Quyết định ${f.legalBasis.decision}, dùng cho DTI ${used})`, en: `the file's columns fit ${f.id} (Decision ${f.legalBasis.decision}, used for DTI ${used})` };
    }
    const until = d.replacedOn === null ? { vi: '', en: '' } : { vi: ` đến ${dmy(dayBefore(d.replacedOn))}`, en: ` to ${dmy(dayBefore(d.replacedOn))}` };
    return {
      vi: `các cột của tệp khớp bộ ${f.id} (Quyết định ${d.decision}, áp dụng từ ${dmy(d.inForceFrom)}${until.vi})`,
      en: `the file's columns fit ${f.id} (Decision ${d.decision}, applied from ${dmy(d.inForceFrom)}${until.en})`,
    };
  };

  // the framework of a time and a set of columns, or why none: decided once per (time, columns)
  const chosen = new Map<string, Framework | FrameworkRefusal>();
  const choose = (when: When, headers: readonly string[]): Framework | FrameworkRefusal => {
    const key = `${'year' in when ? when.year : when.day}|${headers.join('\u0000')}`;
    const known = chosen.get(key);
    if (known) return known;
    if (chosen.size > 1000) chosen.clear();
    const fitted = fits(headers);
    let picked: Framework | FrameworkRefusal | undefined = fitted.find((f) => {
      const a = answerFor(when, f);
      return a.outcome === 'encoded' && a.framework.id === f.id;
    });
    if (!picked) {
      const f = fitted[0];
      if (!f) {
        picked = { refusal: { vi: 'Không cột nào của tệp là cột chấm điểm của một bộ chỉ số có sẵn; dùng --framework hoặc --framework-file.', en: 'No column of the file is a scoring column of a bundled framework; give --framework or --framework-file.' } };
      } else {
        const a = answerFor(when, f);
        const w = whenText(when, f.kind);
        const fit = fitText(f);
        let vi: string;
        let en: string;
        if (a.outcome === 'encoded') {
          const g = a.framework;
          const extra = headers.filter((h) => frameworkColumns(f).has(headerKey(h)) && !frameworkColumns(g).has(headerKey(h)));
          const shown = extra.length > 6 ? `${extra.slice(0, 6).join(', ')} … (${extra.length})` : extra.join(', ');
          const notIn = extra.length ? { vi: `; ${g.id} không có cột ${shown}`, en: `; ${g.id} has no column ${shown}` } : { vi: '', en: '' };
          const sure = a.evidence === 'confirmed' ? { vi: '', en: '' } : { vi: ', suy luận', en: ', inferred' };
          vi = `${w.vi}: bộ chỉ số áp dụng là ${g.id} (Quyết định ${g.legalBasis.decision}${sure.vi}), nhưng ${fit.vi}${notIn.vi}. Nếu tệp chấm theo Quyết định ${f.legalBasis.decision}, dùng --framework ${f.id}; nếu không, sửa các cột theo ${g.id} (vndi schema ${g.id}).`;
          en = `${w.en}: the set that applies is ${g.id} (Decision ${g.legalBasis.decision}${sure.en}), but ${fit.en}${notIn.en}. If the file is scored under Decision ${f.legalBasis.decision}, give --framework ${f.id}; if not, give it the columns of ${g.id} (vndi schema ${g.id}).`;
        } else {
          vi = `${a.message.vi} ${fit.vi[0]!.toUpperCase()}${fit.vi.slice(1)}. ${a.remedy.vi}`;
          en = `${a.message.en} ${fit.en[0]!.toUpperCase()}${fit.en.slice(1)}. ${a.remedy.en}`;
          if ('day' in when && a.outcome === 'not-encoded') {
            vi = `${w.vi}: ${vi}`;
            en = `${w.en}: ${en}`;
          }
        }
        picked = { refusal: { vi, en } };
      }
    }
    chosen.set(key, picked);
    return picked;
  };

  const runWhen: When | undefined = date !== undefined ? { day: date } : year !== undefined ? { year } : undefined;
  // --year / --date for a file with a header: decided once, before any row, as a usage error
  if (fixed === undefined && runWhen && plan) {
    const c = choose(runWhen, fileHeaders);
    if ('refusal' in c) throw new UsageError(c.refusal.vi, c.refusal.en);
  }
  return (frameworkCell, yearCell, rowHeaders, dateCell) => {
    if (fixed) return fixed;
    if (frameworkCell) return frameworkById(frameworkCell);
    const headers = rowHeaders ?? fileHeaders;
    if (runWhen) return choose(runWhen, headers);
    if (dateCell !== undefined) {
      const day = dayOf(dateCell);
      if (day === undefined) return { refusal: { vi: `Ngày đánh giá "${dateCell}" không phải một ngày (YYYY-MM-DD hoặc DD/MM/YYYY)`, en: `The date of assessment "${dateCell}" is not a day (YYYY-MM-DD or DD/MM/YYYY)` } };
      return choose({ day }, headers);
    }
    const y = yearCell === undefined ? NaN : Number(yearCell);
    return Number.isInteger(y) && y >= 1 && y <= 9999 ? choose({ year: y }, headers) : undefined;
  };
}

function readOptions(o: Options): ReadOptions {
  let columns: Record<string, string> | undefined;
  if (o.columns) {
    let text: string;
    const pipe = pipeRefusal(o.columns, `--columns ${o.columns}`);
    if (pipe) throw pipe;
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
    // a field named empty or like an object's own machinery would be set on no row: refused, never dropped in silence
    const odd = Object.entries(columns).find(([, v]) => v.trim() === '' || v === '__proto__' || v === 'constructor' || v === 'prototype');
    if (odd) {
      const pair = `"${odd[0].slice(0, 80)}": "${odd[1].slice(0, 80)}"`;
      throw new CliError(2, `--columns ${o.columns}: ${pair} không phải tên trường (id, name, một mã tiêu chí …)`, `--columns ${o.columns}: ${pair} is not a field name (id, name, a criterion id …)`);
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

/**
 * The level note of a DBI row (exact percentage where rounding hides the bound, a level condition
 * that held), as the reports word it; `null` where none applies.
 */
function levelNoteCell(s: ScoredRow): TabularCell {
  const r = s.result as DbiResult;
  const vi = dbiLevelNote(r, 'vi');
  return vi === null ? null : { vi, en: dbiLevelNote(r, 'en')! };
}

/** Score-table cells of a DBI row, read from the batch units where the row has them; with `note`, the level note last. */
function dbiCells(s: ScoredRow, note = false): TabularCell[] {
  if (note) return [...dbiCells(s), levelNoteCell(s)];
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

/** The DTI score columns, from a result or its framework (both list the main indicators with their group). */
function dtiHeader(first: { readonly mainIndicators: readonly { readonly id: string; readonly group: string }[] }): { header: string[]; ids: string[] } {
  const ids = first.mainIndicators.filter((m) => m.group !== 'unscored').map((m) => m.id);
  return { header: ['id', 'name', 'framework', 'total', 'value', 'government', 'economy', 'society', ...ids], ids };
}

function dtiCells(s: ScoredRow, ids: readonly string[]): TabularCell[] {
  const r = s.result as DtiResult;
  return [s.id, name(s), r.framework.id, r.total, r.value, r.pillars.government.value, r.pillars.economy.value, r.pillars.society.value, ...ids.map((id) => r.mainIndicators.find((m) => m.id === id)?.points ?? null)];
}

/**
 * The score table's columns and cells: id and name, the officer's own columns (`info`: district,
 * sector, size, any other, as read), then the figures.
 */
function scoreHeader(first: ScoredRow | undefined, info: readonly { field: string; key: string }[] = [], named?: Framework): { header: string[]; cells: (s: ScoredRow) => TabularCell[] } {
  const keys = info.map((c) => c.key);
  // a region given by its id (`centralHighlands`) is written by its name in the output's language
  const own = (s: ScoredRow): TabularCell[] => info.map((c) => {
    const v = s.meta[c.field] ?? null;
    return c.field === 'region' && v !== null && Object.hasOwn(REGIONS, v) ? bilingual(REGIONS[v as RegionId]) : v;
  });
  const withOwn = (header: string[], cells: (s: ScoredRow) => TabularCell[]) =>
    info.length === 0 ? { header, cells } : { header: [...header.slice(0, 2), ...keys, ...header.slice(2)], cells: (s: ScoredRow) => {
      // the row's own cells array (fresh for each row): the officer's columns go in after id and name
      // (not splice(2, 0, ...own): a row of 300,000 columns is no argument list, it overflowed the stack)
      const c = cells(s);
      return [...c.slice(0, 2), ...own(s), ...c.slice(2)];
    } };
  // no row scored: the columns of the framework the command line names, else only the unit's
  // (never another kind's figures: a DBI file with no row scored once got a DTI header)
  if (!first && named?.kind !== 'dti' && named?.kind !== 'dbi') return withOwn(['id', 'name', 'framework'], () => []);
  if (first ? first.result.kind === 'dti' : named!.kind === 'dti') {
    const { header, ids } = dtiHeader(first ? (first.result as DtiResult) : (named as Extract<Framework, { kind: 'dti' }>));
    return withOwn(header, (s) => dtiCells(s, ids));
  }
  const f = !first ? named as DbiFramework : first instanceof BatchScoredRow ? first.compiled.framework : dbiFrameworkOf(first.result as DbiResult);
  const pillars = first && !(first instanceof BatchScoredRow) ? (first.result as DbiResult).pillars.map((p) => p.id) : f.pillars.map((p) => p.id);
  // a level note column where the framework's levels may need one (percentage bounds, level conditions)
  const note = mayNeedLevelNote(f);
  return withOwn(['id', 'name', 'framework', 'total', 'max', 'percent', 'level', 'levelName', ...pillars.flatMap((p) => [p, `${p}.level`]), ...(note ? ['levelNote'] : [])], (s) => dbiCells(s, note));
}

/** The whole score table (for formats that need every row at once: table, Markdown, HTML). */
function scoreTable(scored: readonly ScoredRow[], info: readonly { field: string; key: string }[] = [], missing: readonly MissingUnit[] = []): Tabular {
  const { header, cells } = scoreHeader(scored[0], info);
  const first = scored[0]?.result;
  return {
    header,
    rows: scored.map(cells),
    json: scored,
    html: (options) => {
      if (!first || first.kind === 'dti') {
        const dti = scored as readonly (ScoredRow & { result: DtiResult })[];
        const byId = new Map(dti.map((d) => [d.id, d]));
        return renderReport({ kind: 'provinces', ranked: rankedDti(dti, missing).map((x) => ({ ...x, name: byId.get(x.id)?.meta.name, ...sourceOf(byId.get(x.id)) })) }, options);
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
function rankedDti(rows: readonly (ScoredRow & { result: DtiResult })[], missing: readonly MissingUnit[] = []) {
  const absent = missingOf(missing, rows);
  const regionOf = (r: { id: string; meta: Readonly<Record<string, string>> }) => r.meta.region || findProvince(r.id)?.region;
  const regions = rows.length > 0 && [...rows, ...absent].every((r) => regionOf(r) !== undefined);
  const units = [...rows.map((r) => ({ id: r.id, result: r.result as DtiResult | null, meta: r.meta })), ...absent.map((m) => ({ id: m.id, result: null, meta: m.meta }))];
  const ranking = rankDti(units.map((u) => ({ id: u.id, result: u.result, ...(regions ? { group: regionOf(u) } : {}) })), regions ? { groupBy: 'group' } : {});
  const byId = new Map(rows.map((r) => [r.id, r.result]));
  // the units with a result are listed; the others widen their ranks
  return ranking.filter((x) => byId.has(x.id)).map((x) => ({ id: x.id, rank: x.rank, result: byId.get(x.id)!, ...(regions || !x.certain ? { ranking: x } : {}) }));
}

/**
 * The ranking of DBI rows for a report, with each rank's bounds where rows were rejected (a rejected
 * row is a unit without a value: it may rank anywhere). Only rows with a result are listed.
 */
function rankedDbi(rows: readonly (ScoredRow & { result: DbiResult })[], by: string, method?: RankMethod, missing: readonly MissingUnit[] = []) {
  for (const r of rows) checkDbiBy(by, { id: r.result.framework.id, pillars: r.result.pillars });
  const score = (r: DbiResult) => (by === 'total' ? r.exact.total : by === 'percent' ? r.exact.percent : (r.pillars.find((p) => p.id === by)?.exact.points ?? null));
  const ranking = rank([...rows.map((r) => ({ id: r.id, score: score(r.result) })), ...missingOf(missing, rows).map((m) => ({ id: m.id, score: null }))], { method, precision: 'exact' });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranking.filter((x) => byId.has(x.id)).map((x) => ({ id: x.id, rank: x.rank, best: x.best, worst: x.worst, of: ranking.length, name: byId.get(x.id)!.meta.name, result: byId.get(x.id)!.result, ...sourceOf(byId.get(x.id)) }));
}

/** A row that was rejected: a unit of the ranking without a value. */
interface MissingUnit {
  readonly id: string;
  readonly meta: Readonly<Record<string, string>>;
}

/** The rejected rows that are not also scored (a resubmitted row), each id once. */
function missingOf(missing: readonly MissingUnit[], scored: readonly { readonly id: string }[]): MissingUnit[] {
  const seen = new Set(scored.map((s) => s.id));
  return missing.filter((m) => m.id !== '' && !seen.has(m.id) && (seen.add(m.id), true));
}

/** A rank as printed: one number only when certain, else its bounds (`2–5`). */
const rankCell = (r: { readonly rank: number | null; readonly best: number; readonly worst: number }): TabularCell =>
  r.rank === null ? null : r.best === r.worst ? r.rank : `${r.best}–${r.worst}`;

/** The column labels and the heading of a ranking with units without a value. */
function boundsNote(withoutValue: number, of: number, unit: Localized): { heading: string; labels: Record<string, Localized> } {
  return {
    heading: `${withoutValue}/${of} ${unit.vi} chưa có số liệu: thứ hạng ghi dạng tốt nhất–xấu nhất / ${withoutValue} of ${of} ${unit.en} without data: ranks are shown as best–worst`,
    labels: { ranking: { vi: 'Xếp hạng (khoảng)', en: 'Ranking (bounds)' } },
  };
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
  /** The row's own cells, for `--group-by` (a district, a sector). */
  readonly meta: Readonly<Record<string, string>>;
}

function dbiRankEntry(s: ScoredRow, by: string): DbiRankEntry {
  if (s instanceof BatchScoredRow) {
    const c = s.compiled;
    checkDbiBy(by, c.framework);
    const p = by === 'total' || by === 'percent' ? -1 : c.framework.pillars.findIndex((x) => x.id === by);
    const score = by === 'total' ? formatUnits(s.totalUnits, c.decimals) : by === 'percent' ? ratioString(s.totalUnits * 100, c.totalMaxUnits) : p < 0 ? null : formatUnits(s.pillarUnits(p), c.decimals);
    const total = s.totalUnits / c.factor;
    const percent = ratioHalfUp(s.totalUnits * 100, c.totalMaxUnits, 2);
    return { id: s.id, name: name(s), score, shown: by === 'total' ? total : by === 'percent' ? percent : p < 0 ? null : s.pillarUnits(p) / c.factor, total, percent, level: s.levelCode < 0 ? null : s.levelCode, meta: s.meta };
  }
  const r = s.result as DbiResult;
  checkDbiBy(by, { id: r.framework.id, pillars: r.pillars });
  const pillar = r.pillars.find((x) => x.id === by);
  return {
    id: s.id, name: name(s),
    score: by === 'total' ? r.exact.total : by === 'percent' ? r.exact.percent : (pillar?.exact.points ?? null),
    shown: by === 'total' ? r.total : by === 'percent' ? r.percent : (pillar?.points ?? null),
    total: r.total, percent: r.percent, level: r.level, meta: s.meta,
  };
}

function dbiRankTable(entries: readonly DbiRankEntry[], by: string, method: RankMethod | undefined, missing: readonly MissingUnit[] = [], groupKey?: string, previous?: PreviousUnits): Tabular {
  const absent = missingOf(missing, entries);
  const ranking = rank([...entries.map((e) => ({ id: e.id, score: e.score })), ...absent.map((m) => ({ id: m.id, score: null }))], { method, precision: 'exact' });
  // --previous: the earlier file ranked by the same measure, each unit's change with its bounds
  let changes: Map<string, RankChange> | undefined;
  if (previous) {
    const before = previous.scored.filter((s) => kindOf(s) === 'dbi').map((s) => dbiRankEntry(s, by));
    const beforeRanking = rank([...before.map((e) => ({ id: e.id, score: e.score })), ...missingOf(previous.missing, before).map((m) => ({ id: m.id, score: null }))], { method, precision: 'exact' });
    changes = new Map(rankChange(beforeRanking, ranking).map((c) => [c.id, c]));
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  // --group-by: each unit's rank among the units of its group (a district, a sector), with its bounds
  const inGroup = groupKey ? dbiGroupRanks([...entries, ...absent], groupKey, (id) => byId.get(id)?.score ?? null, method) : undefined;
  const groupCells = (id: string): TabularCell[] => {
    const g = inGroup?.get(id);
    return inGroup ? [g?.group ?? null, g && g.ranked.rank !== null ? `${rankCell(g.ranked)}/${g.of}` : null] : [];
  };
  const names = new Map(absent.map((m) => [m.id, m.meta.name ?? '']));
  const without = ranking.length - entries.filter((e) => e.score !== null).length;
  const unit = { vi: 'đơn vị', en: 'units' };
  const missingText = { vi: `, ${without} đơn vị chưa có số liệu`, en: `, ${without} ${without === 1 ? 'unit' : 'units'} without data` };
  const text = (x: Ranked, lang: 'vi' | 'en') => (x.rank === null ? (lang === 'vi' ? 'chưa có số liệu' : 'no result') : `${x.best === x.worst ? x.rank : `${x.best}–${x.worst}`}/${ranking.length}${without ? missingText[lang] : ''}`);
  return {
    header: ['rank', 'id', 'name', by, 'level', ...(inGroup ? ['group', 'rankInGroup'] : []), ...(changes ? ['change'] : []), ...(without ? ['ranking'] : [])],
    rows: ranking.map((x) => {
      const e = byId.get(x.id);
      return [rankCell(x), x.id, e?.name ?? names.get(x.id) ?? '', e?.shown ?? null, e?.level ?? null, ...groupCells(x.id), ...(changes ? [changeCell(changes.get(x.id))] : []), ...(without ? [{ vi: text(x, 'vi'), en: text(x, 'en') }] : [])];
    }),
    json: ranking.map((x) => {
      const e = byId.get(x.id);
      const g = inGroup?.get(x.id);
      return {
        rank: x.rank, best: x.best, worst: x.worst, certain: x.certain, id: x.id, total: e?.total ?? null, percent: e?.percent ?? null, level: e?.level ?? null, label: text(x, 'en'), labelVi: text(x, 'vi'),
        ...(g ? { group: g.group, rankInGroup: g.ranked.rank, bestInGroup: g.ranked.best, worstInGroup: g.ranked.worst, ofInGroup: g.of } : {}),
        ...(changes?.has(x.id) ? { change: changes.get(x.id) } : {}),
      };
    }),
    ...(without ? boundsNote(without, ranking.length, unit) : {}),
  };
}

/**
 * Each DBI unit's rank within its group (the values of the `--group-by` columns, joined with " / "),
 * by the same `rank` as the whole ranking: a unit without a value in a group widens the bounds of
 * that group's ranks only.
 */
function dbiGroupRanks(units: readonly { readonly id: string; readonly meta: Readonly<Record<string, string>> }[], groupKey: string, score: (id: string) => string | null, method: RankMethod | undefined): Map<string, { group: string; ranked: Ranked; of: number }> {
  const keys = groupKey.split(',');
  const groups = new Map<string, string[]>();
  for (const u of units) {
    const g = keys.map((k) => u.meta[k] ?? '').join(' / ');
    const members = groups.get(g);
    if (members) members.push(u.id);
    else groups.set(g, [u.id]);
  }
  const out = new Map<string, { group: string; ranked: Ranked; of: number }>();
  for (const [group, ids] of groups) for (const ranked of rank(ids.map((id) => ({ id, score: score(id) })), { method, precision: 'exact' })) out.set(ranked.id, { group, ranked, of: ids.length });
  return out;
}

/** `--universe 63|34`: the provinces a DTI ranking is among (default: the rows of the file). */
function universeOption(o: Options): RankingUniverse | undefined {
  if (o.universe === undefined) return undefined;
  if (o.universe === '63') return 'provinces-63';
  if (o.universe === '34') return 'provinces-34';
  throw new UsageError(`--universe phải là 63 hoặc 34 (nhận được "${o.universe}")`, `--universe must be 63 or 34 (received "${o.universe}")`);
}

function dtiRankTable(
  dti: readonly (ScoredRow & { result: DtiResult })[],
  o: Options,
  groupKey: string | undefined,
  previous: { scored: readonly ScoredRow[]; missing: readonly MissingUnit[] } | undefined,
  missing: readonly MissingUnit[] = [],
): Tabular {
  const method = o.method as RankMethod | undefined;
  const universe = universeOption(o);
  const absent = missingOf(missing, dti);
  const meta = new Map<string, Readonly<Record<string, string>>>([...dti.map((d) => [d.id, d.meta] as const), ...absent.map((m) => [m.id, m.meta] as const)]);
  // a row's own region column wins (fictional units sit in real regions); else the unit's code
  const groupOf = (id: string) => (groupKey === 'region' ? meta.get(id)?.region || findProvince(id)?.region : groupKey ? meta.get(id)?.[groupKey] : undefined);
  // with a universe, its units not in the file are placed in their regions by code
  const groupBy = groupKey === 'region' && universe ? (id: string) => (meta.has(id) ? groupOf(id) : findProvince(id)?.region) : groupKey ? ('group' as const) : undefined;
  const units = [...dti.map((d) => ({ id: d.id, result: d.result })), ...absent.map((m) => ({ id: m.id, result: null }))].map((u) => ({ ...u, group: groupOf(u.id) }));
  const ranking = withOption('--universe', ['units'], () => withOption('--by', ['options'], () => rankDti(units, {
    by: o.by ?? 'value', method, groupBy, ...(universe ? { universe } : {}),
  })));
  let changes: Map<string, RankChange> | undefined;
  if (previous) {
    const prev = previous.scored.filter((s) => s.result.kind === 'dti') as (ScoredRow & { result: DtiResult })[];
    // a province is one unit however each file writes its code (1 in a sheet that dropped the zero, 01)
    // or name: the earlier file's units take this file's ids, so that a change is never "new" for it
    const current = new Map([...dti.map((d) => [unitKey('dti', d.id, d.meta.name), d.id] as const), ...absent.map((m) => [unitKey('dti', m.id, m.meta.name), m.id] as const)]);
    const same = (id: string, name?: string) => current.get(unitKey('dti', id, name)) ?? id;
    const prevUnits = [...prev.map((d) => ({ id: same(d.id, d.meta.name), result: d.result as DtiResult | null })), ...missingOf(previous.missing, prev).map((m) => ({ id: same(m.id, m.meta.name), result: null }))];
    const before = withOption('--universe', ['units'], () => withOption('--by', ['options'], () => rankDti(prevUnits, { by: o.by ?? 'value', method, ...(universe ? { universe } : {}) })));
    changes = new Map(rankChange(before, ranking).map((c) => [c.id, c]));
  }
  const byId = new Map(dti.map((d) => [d.id, d]));
  const uncertain = ranking.some((r) => !r.certain);
  const of = ranking[0]?.of ?? 0;
  const without = ranking[0]?.withoutValue ?? 0;
  return {
    header: ['rank', 'id', 'name', o.by ?? 'value', ...(groupKey ? ['group', 'rankInGroup'] : []), ...(changes ? ['change'] : []), ...(uncertain ? ['ranking'] : [])],
    rows: ranking.map((r) => [
      rankCell(r), r.id, meta.get(r.id)?.name ?? '', r.score,
      ...(groupKey ? [bilingual(r.groupName) ?? r.group ?? null, r.rankInGroup === undefined || r.rankInGroup === null ? null : `${rankCell({ rank: r.rankInGroup, best: r.bestInGroup!, worst: r.worstInGroup! })}/${r.ofInGroup}`] : []),
      ...(changes ? [changeCell(changes.get(r.id))] : []),
      ...(uncertain ? [{ vi: r.labelVi, en: r.label }] : []),
    ]),
    json: ranking,
    ...(uncertain ? boundsNote(without, of, { vi: 'tỉnh', en: 'provinces' }) : {}),
    html: (options) =>
      renderReport({
        kind: 'provinces',
        ranked: ranking.filter((r) => byId.has(r.id)).map((r) => {
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

/** Whether a scored row is the unit an option names: by id, or a province by its code or any spelling of its name. */
function sameUnit(s: ScoredRow, named: string): boolean {
  return s.id === named || unitKey(kindOf(s), s.id, s.meta.name) === unitKey(kindOf(s), named, named);
}

function parseDtiTarget(target: string | undefined, peers: readonly ScoredRow[]): DtiTarget {
  const [kind, raw] = (target ?? 'rank:1').split(':');
  const shape = () => new UsageError('--target phải có dạng value:0.5, points:500, rank:10 hoặc unit:<mã>', '--target must look like value:0.5, points:500, rank:10 or unit:<id>');
  if (raw === undefined) throw shape();
  // a decimal comma as the officer types it (value:0,6)
  if (kind === 'value') return { value: String(cellValue(raw)) };
  if (kind === 'points') return { points: String(cellValue(raw)) };
  if (kind === 'rank') {
    if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--target rank:${raw}: thứ hạng phải là số nguyên dương, ví dụ rank:10`, `--target rank:${raw}: the rank must be a whole number, e.g. rank:10`);
    return { rank: Number(raw), peers: peers.map((p) => p.result as DtiResult) };
  }
  if (kind === 'unit') {
    const other = peers.find((p) => sameUnit(p, raw));
    if (!other) throw new UsageError(`--target: không có dòng mã ${raw}`, `--target: no row with id ${raw}`);
    return { unit: other.result as DtiResult };
  }
  throw shape();
}

function gapTable(scored: readonly ScoredRow[], rows: readonly InputRow[], o: Options, lang: Lang): Tabular {
  const n = (x: number) => formatNumber(x, lang);
  if (!o.unit) throw new UsageError('gap cần --unit <mã>', 'gap needs --unit <id>');
  const unit = o.unit;
  const row = scored.find((s) => s.id === unit) ?? scored.find((s) => sameUnit(s, unit));
  if (!row) throw new UsageError(`--unit: không có dòng đã chấm mã ${o.unit}`, `--unit: no scored row with id ${o.unit}`);
  if (row.result.kind === 'dbi') {
    const result = row.result;
    // the row that was scored (a unit's other submissions are not)
    const original = rows.find((r) => r.line === row.line)!;
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

/**
 * The summary table: a row per group and one for the whole cohort (only that one without
 * `--group-by`). A registered group with none assessed shows its count 0 and its coverage, and no
 * mean or quartiles (there is nothing to average). The groups' statistics are computed one group at
 * a time as the rows are made; the whole summary is built only for the formats that hold it (JSON,
 * NDJSON, HTML), so that a table of 600,000 districts keeps a row each, not their statistics.
 */
function summaryTable(cohort: CohortStream, registered: boolean, ranked: () => ReturnType<typeof rankedDbi>, grouped: boolean, whole: boolean): Tabular {
  const { header, rows } = summaryRows(cohort, registered, grouped);
  const s = whole ? cohort.finish() : undefined;
  return {
    header,
    rows: [...rows],
    json: s ?? null,
    ...(s ? { html: (options: { readonly lang: Lang; readonly provenance?: Provenance }) => renderReport({ kind: 'cohort', summary: s, ranked: ranked() }, options) } : {}),
  };
}

/** The summary table's columns, and its rows made one group at a time as they are read. */
function summaryRows(cohort: CohortStream, registered: boolean, grouped: boolean): { header: string[]; rows: Iterable<TabularCell[]> } {
  const { overall, groups } = cohort.summaries();
  const levels = Object.keys(overall.levels);
  const figures = (g: GroupSummary) => (g.count === 0 ? [null, null, null, null] : [g.total.mean, g.total.q1, g.total.median, g.total.q3]);
  const row = (g: GroupSummary, all: boolean): TabularCell[] => [
    all ? words('all') : g.key,
    g.count, ...levels.map((l) => g.levels[l] ?? 0), ...figures(g),
    // coverage as the reports print it: a percentage, 2 decimals, half-up from the exact counts
    ...(registered ? [g.coverage?.registered ?? null, g.coverage ? ratioHalfUp(g.coverage.assessed * 100, g.coverage.registered, 2) : null, g.coverage?.shortfall ?? null] : []),
  ];
  return {
    header: ['group', 'count', ...levels.map((l) => `level ${l}`), 'mean', 'q1', 'median', 'q3', ...(registered ? ['registered', 'coveragePercent', 'shortfall'] : [])],
    rows: {
      *[Symbol.iterator]() {
        if (grouped) for (const g of groups) yield row(g, false);
        yield row(overall, true);
      },
    },
  };
}

/** An administrative unit's name without its kind (`Huyện Krông Pắc`, `TP. Buôn Ma Thuột`), compared as headers are. */
const bareUnitName = (name: string) => headerKey(name).replace(/^(huyen|thi xa|thanh pho|quan|tp\.?|tx\.?|h\.|q\.)\s*/, '');

/**
 * A notice naming the groups that have assessed enterprises but are not in the `--registered` file:
 * their coverage cannot be computed, and the whole province's counts their enterprises against the
 * other groups' registered total. Where a registered group with none assessed names the same unit
 * with its kind (`Huyện Krông Pắc` for `Krông Pắc`), the notice asks whether it is that one.
 * True when there is such a group: the province-wide coverage is then overstated, and the run exits 1
 * (its figures are written, as those of a run with rejected rows are, but may not be published as they are).
 */
function unregisteredGroups(cohort: CohortStream): boolean {
  const unlisted: { key: string; count: number }[] = [];
  const empty: string[] = [];
  for (const g of cohort.summaries().groups) {
    if (g.count > 0 && !g.coverage) unlisted.push({ key: g.key, count: g.count });
    else if (g.count === 0 && g.coverage) empty.push(g.key);
  }
  if (unlisted.length === 0) return false;
  const like = (key: string) => empty.find((e) => bareUnitName(e) === bareUnitName(key));
  const shown = unlisted.slice(0, 20).map((u) => ({ ...u, like: like(u.key) }));
  const more = unlisted.length > 20 ? ` … (+${unlisted.length - 20})` : '';
  say(
    `--registered không có ${shown.map((u) => `"${u.key}" (${u.count} đã chấm${u.like ? `; có phải "${u.like}"?` : ''})`).join(', ')}${more}: tỷ lệ đánh giá của các nhóm này không tính được, và tỷ lệ chung tính cả doanh nghiệp của chúng trên số đăng ký của các nhóm khác. Sửa tên nhóm cho khớp giữa hai tệp`,
    `--registered does not list ${shown.map((u) => `"${u.key}" (${u.count} assessed${u.like ? `; is it "${u.like}"?` : ''})`).join(', ')}${more}: the coverage of these groups cannot be computed, and the overall coverage counts their enterprises against the other groups' registered total. Make the group names match in the two files`,
  );
  return true;
}

// ---------------------------------------------------------------- the row commands

/** `--duplicates`: which submission of a unit counts (see units.ts). */
function duplicateRule(o: Options): DuplicateRule {
  const rule = o.duplicates ?? 'error';
  if (rule !== 'error' && rule !== 'first' && rule !== 'last') throw new UsageError(`--duplicates phải là first, last hoặc error, nhận "${rule}"`, `--duplicates must be first, last or error, got "${rule}"`);
  return rule;
}

/** The kind of a scored row (a batch row is DBI). */
const kindOf = (s: ScoredRow): 'dti' | 'dbi' => (s instanceof BatchScoredRow ? 'dbi' : s.result.kind);

/** The kind of framework a row read from the file will be scored on (for the units of `--duplicates last`). */
function inputKind(pick: FrameworkPicker, r: InputRow, json: boolean): 'dti' | 'dbi' {
  return pickedFramework(pick(r.framework, r.meta.year || undefined, json ? Object.keys(r.cells) : undefined, r.meta.date || undefined))?.kind ?? 'dbi';
}

/** Under `--duplicates last`: each unit's last line, from a first reading of the file. */
async function lastLines(source: RowSource, pick: FrameworkPicker): Promise<Map<string, number>> {
  const into = new Map<string, number>();
  for await (const chunk of source.chunks()) {
    UnitLedger.lastLines(chunkRows(chunk).map((r) => ({ line: r.line, id: r.id, name: r.meta.name, kind: inputKind(pick, r, chunk.plan === undefined) })), into);
  }
  return into;
}

async function readAll(file: string, o: Options): Promise<{ scored: ScoredRow[]; rows: InputRow[] }> {
  const source = await openRows(file, readOptions(o));
  const pick = frameworkPicker(o, source.plan);
  const rule = duplicateRule(o);
  const ledger = new UnitLedger(rule, rule === 'last' ? await lastLines(source, pick) : undefined);
  const scored: ScoredRow[] = [];
  const rows: InputRow[] = [];
  for await (const chunk of source.chunks()) {
    rows.push(...chunkRows(chunk));
    for (const s of scoreChunk(chunk, { pick, input: o.input as 'points' | 'values' | undefined }).scored) {
      const admitted = ledger.admit({ line: s.line, id: s.id, meta: s.meta, kind: kindOf(s) });
      if ('keep' in admitted) scored.push(s);
      else if ('reject' in admitted) throw new CliError(1, `${file}: dòng ${s.line}: ${admitted.reject.issues[0]!.message.vi}`, `${file}: line ${s.line}: ${admitted.reject.issues[0]!.message.en}`);
    }
  }
  return { scored, rows };
}

/** The earlier year's ranking units: its scored rows, and its rows without a value (units of its ranking all the same). */
interface PreviousUnits {
  readonly scored: readonly ScoredRow[];
  readonly missing: readonly MissingUnit[];
}

function previousUnits(before: { scored: ScoredRow[]; rows: InputRow[] }): PreviousUnits {
  const scoredIds = new Set(before.scored.map((x) => x.id));
  return { scored: before.scored, missing: before.rows.filter((r) => r.id && !scoredIds.has(r.id)).map((r) => ({ id: r.id, meta: r.meta })) };
}

/** Refuses a file without an id column at once: every row would be rejected alike. */
function requireIdColumn(source: RowSource): void {
  const plan = source.plan;
  if (!plan || plan.key.some((k, i) => k === 'id' && plan.role[i] === 'meta')) return;
  const where = source.headerLines ? `dòng tiêu đề ${source.headerLines[0]}${source.headerLines[1] !== source.headerLines[0] ? `–${source.headerLines[1]}` : ''}` : 'dòng tiêu đề';
  const whereEn = source.headerLines ? `header row ${source.headerLines[0]}${source.headerLines[1] !== source.headerLines[0] ? `–${source.headerLines[1]}` : ''}` : 'the header row';
  const sheet = source.kind === 'xlsx' ? (source.sheet ? ` của trang tính "${source.sheet}"` : ' của trang tính đầu tiên') : '';
  const sheetEn = source.kind === 'xlsx' ? (source.sheet ? ` of sheet "${source.sheet}"` : ' of the first sheet') : '';
  const cols = plan.header.filter((h) => h !== '').slice(0, 12).join(', ');
  throw new CliError(
    1,
    `${source.file}: không có cột mã đơn vị (Mã tỉnh, Mã DN, Mã số thuế, MST, Mã đơn vị, Mã …); ${where}${sheet} có: ${cols || '(trống)'}. Thêm cột mã, đổi tên cột bằng --columns '{"tên cột": "id"}', hoặc chỉ định dòng tiêu đề bằng --header-row`,
    `${source.file}: no unit id column (Mã tỉnh, Mã DN, Mã số thuế, MST, Mã đơn vị, id …); ${whereEn}${sheetEn} has: ${cols || '(nothing)'}. Add an id column, map one with --columns '{"column": "id"}', or name the header row with --header-row`,
  );
}

async function runRows(command: 'score' | 'rank' | 'gap' | 'summary', file: string | undefined, o: Options, format: Format): Promise<number> {
  if (!file) throw new UsageError('thiếu <tệp>', 'missing <file>');
  if (o.input && o.input !== 'points' && o.input !== 'values') throw new UsageError('--input phải là points hoặc values', '--input must be points or values');
  const method = o.method as RankMethod | undefined;
  if (method && !['competition', 'dense', 'ordinal'].includes(method)) throw new UsageError('--method phải là competition, dense hoặc ordinal', '--method must be competition, dense or ordinal');
  const target = o.target === undefined ? undefined : Number(String(cellValue(o.target)));
  if (command === 'summary' && target !== undefined && !(target >= 0 && target <= 1)) throw new UsageError('--target của summary là một tỉ lệ từ 0 đến 1, ví dụ 0.5', '--target for summary is a share between 0 and 1, e.g. 0.5');
  const rule = duplicateRule(o);
  // only a summary measures coverage: elsewhere the file would be read for nothing, in silence
  if (o.registered !== undefined && command !== 'summary') throw new UsageError(`--registered chỉ dùng với summary (độ bao phủ theo nhóm), không với ${command}`, `--registered is for summary (coverage by group), not for ${command}`);
  const reg = command === 'summary' && o.registered ? await readRegistered(o.registered, (o['group-by'] ?? '').split(',').map((k) => k.trim()).filter(Boolean), rule, { encoding: readOptions(o).encoding }) : undefined;
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
  for (const n of reg?.notices ?? []) say(n.vi, n.en);
  requireIdColumn(source);
  const pick = frameworkPicker(o, source.plan);
  const ledger = new UnitLedger(rule, rule === 'last' ? await lastLines(source, pick) : undefined);
  // the earlier year's file, read (and its units checked) before anything is written
  const previous = command === 'rank' && o.previous ? previousUnits(await readAll(o.previous, { ...o, 'header-row': undefined, columns: o.columns })) : undefined;
  const inputs = [file, ...(o.previous ? [o.previous] : []), ...(o.registered ? [o.registered] : []), ...(o.columns ? [o.columns] : []), ...(o['framework-file'] ? [o['framework-file']] : [])];
  const out = o.out ? openOutput(o.out, inputs) : undefined;
  let errSink: OutputSink | undefined;
  try {
    errSink = o.errors ? openOutput(o.errors, inputs, '--errors', o.out ? [o.out] : []) : undefined;
  } catch (e) {
    out?.abort();
    throw e;
  }
  const sink = out ?? stdoutSink();
  try {
    const code = await streamRows(command, source, pick, o, format, sink, errSink, { method, target, registered: reg?.counts, ledger, previous });
    sink.commit();
    errSink?.commit();
    return code;
  } catch (e) {
    sink.abort();
    errSink?.abort();
    throw e;
  }
}

/**
 * The officer's own columns of the input (district, sector, size, any other), in file order, that a
 * score table writes back beside the id and name: as the file names them in Vietnamese, by field in
 * English (an information column by its header in both). A framework file's input columns are not
 * information.
 */
function officerColumns(source: RowSource, first: RowChunk | undefined, file: Framework | undefined): { field: string; key: string; label: Localized }[] {
  const taken = new Set(['id', 'name', 'framework', 'source', 'total', 'max', 'percent', 'level', 'levelName', 'levelNote', 'value', 'government', 'economy', 'society', 'rank']);
  // a pillar or main indicator whose id is an officer's field (a questionnaire's pillar `sector`
  // beside the file's Ngành column) keeps its key: the officer's column is the one renamed
  // and an officer's heading that reads as one of the output's (their own SUM column "Tổng điểm"
  // beside the computed one) is marked as the file's, so that no two columns share a heading
  const headings = new Set(localizeHeaders([...taken], 'vi').map(headerKey));
  for (const f of file ? [file] : [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS]) {
    for (const p of f.pillars) taken.add(p.id).add(`${p.id}.level`);
    if (f.kind === 'dti') for (const m of f.mainIndicators) taken.add(m.id);
    for (const l of Object.values(frameworkLabels(f))) headings.add(headerKey(l.vi));
  }
  const english: Readonly<Record<string, string>> = { year: 'Year', district: 'District', commune: 'Commune', sector: 'Sector', size: 'Size', region: 'Region', group: 'Group', citation: 'Citation' };
  const out: { field: string; key: string; label: Localized }[] = [];
  // the keys given so far, as a set: a header row of 16,384 columns is not searched 16,384 times
  const keys = new Set<string>();
  const add = (field: string, header: string, meta: boolean) => {
    if (field === 'id' || field === 'name' || field === 'framework' || field === 'source' || header === ID_BY_NAME) return;
    if (file && scoresColumn(file, header)) return;
    const key = taken.has(field) || keys.has(field) ? `${field} (input)` : field;
    keys.add(key);
    const label = { vi: header, en: meta ? (english[field] ?? header) : header };
    out.push({ field, key, label: headings.has(headerKey(header)) ? { vi: `${header} (trong tệp)`, en: `${label.en} (in the file)` } : label });
  };
  const plan = source.plan;
  if (plan) plan.role.forEach((role, i) => (role === 'meta' || role === 'info') && add(plan.key[i]!, plan.header[i]!, role === 'meta'));
  // a JSON row's keys: a known field by its Vietnamese header (`district` → Huyện)
  else for (const field of new Set((first?.rows ?? []).slice(0, 100).flatMap((r) => Object.keys(r.meta)))) add(field, metaField(field) === field ? (META_HEADERS[field]?.[1] ?? field) : field, metaField(field) === field);
  return out;
}

async function streamRows(
  command: 'score' | 'rank' | 'gap' | 'summary',
  source: RowSource,
  pick: FrameworkPicker,
  o: Options,
  format: Format,
  sink: OutputSink,
  errSink: OutputSink | undefined,
  a: { method?: RankMethod; target?: number; registered?: Record<string, number>; ledger: UnitLedger; previous?: PreviousUnits },
): Promise<number> {
  const tally: Tally = { read: 0, scored: 0, rejected: 0, blank: 0, setAside: 0 };
  const report = new ErrorReport(errSink);
  const asides = new SetAsideReport();
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
  let info: ReturnType<typeof officerColumns> = [];
  const infoLabels = () => Object.fromEntries(info.map((c) => [c.key, c.label]));
  let csv: { cells: (s: ScoredRow) => TabularCell[]; decimals: (number | undefined)[]; withSource: boolean } | undefined;
  const startCsv = (first: ScoredRow | undefined) => {
    const h = scoreHeader(first, info, first ? undefined : firstFramework ?? named());
    // a source column where the file has one (or a JSON row carries it): illustrative rows are marked
    const withSource = source.plan ? source.plan.key.some((k, i) => k === 'source' && source.plan!.role[i] === 'meta') : first?.meta.source !== undefined;
    const keys = withSource ? [...h.header, 'source'] : h.header;
    const decimals = keys.map(columnDecimals);
    sink.write(csvHeader(csvLang ? localizeHeaders(keys, csvLang, { ...provenance.labels(), ...infoLabels() }) : keys, csvOptions()));
    return { cells: h.cells, decimals, withSource };
  };
  // the streamed workbook: its columns fixed by the first scored rows (widths fitted to them)
  let xlsx: { book: XlsxStream; cells: (s: ScoredRow) => TabularCell[]; withSource: boolean; lang: Lang } | undefined;
  const startXlsx = async (first: readonly ScoredRow[]) => {
    const h = scoreHeader(first[0], info, first[0] ? undefined : firstFramework ?? named());
    const withSource = source.plan ? source.plan.key.some((k, i) => k === 'source' && source.plan!.role[i] === 'meta') : first[0]?.meta.source !== undefined;
    const keys = withSource ? [...h.header, 'source'] : h.header;
    const lang = languageOf('xlsx', renderOptions) ?? 'vi';
    const book = new XlsxStream((bytes) => sink.write(bytes), { lang });
    const x = { book, cells: h.cells, withSource, lang };
    await book.start(localizeHeaders(keys, lang, { ...provenance.labels(), ...infoLabels() }), keys.map(columnDecimals), first.map((s) => xlsxCells(x, s)));
    return x;
  };
  let firstPiece = true;
  let written = 0;
  const kept: ScoredRow[] = [];
  const keptRows: InputRow[] = [];
  const dbiRank: DbiRankEntry[] = [];
  // rank: the rejected rows, units of the ranking without a value
  const missing: MissingUnit[] = [];
  let cohort: CohortStream | undefined;
  let groupBy: string[] | undefined;
  let rankGroup: string | undefined;
  let firstChunk = true;
  // the framework of the first row, for the message of a run in which no row scores
  let firstFramework: Framework | undefined;
  let framed = false;
  const by = o.by ?? 'total';
  const forReading = format === 'md' || format === 'html' || format === 'table';
  const input = o.input as 'points' | 'values' | undefined;

  for await (const chunk of source.chunks()) {
    let rows: InputRow[] | undefined;
    const rowsOf = () => (rows ??= chunkRows(chunk));
    if (firstChunk) {
      firstChunk = false;
      const available = availableColumns(source, chunk);
      const file = fileFramework(o);
      if (source.plan) {
        const written = new Map(writtenInputColumns(source.plan, file ? [file] : [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS]));
        source.plan.key.forEach((k, i) => source.plan!.role[i] === 'meta' && !written.has(k) && written.set(k, source.plan!.header[i]!));
        report.written = written;
      }
      if (command === 'summary') {
        groupBy = groupKeys(o, available, false, writtenColumns(source, available));
        cohort = new CohortStream({ groupBy, registered: a.registered, target: a.target });
      }
      if (command === 'rank' && o['group-by']) rankGroup = groupKeys(o, available, true, writtenColumns(source, available)).join(',');
      if (command === 'score') info = officerColumns(source, chunk, file);
    }
    if (!framed) {
      const rec = chunk.records[0];
      const r = chunk.rows[0] ?? (chunk.plan && rec ? rowFromFields(chunk.plan, rec.fields, rec.line) : undefined);
      if (r) {
        framed = true;
        firstFramework = pickedFramework(pick(r.framework, r.meta.year || undefined, chunk.plan ? undefined : Object.keys(r.cells), r.meta.date || undefined));
      }
    }
    const { scored, errors } = scoreChunk(chunk, { pick, input, strict: o.strict });
    // every problem of a row whose error the library cut short (--errors lists them all)
    let byLine: Map<number, InputRow> | undefined;
    const every = errors.map((e) => {
      if (!cutShort(e.issues)) return e;
      const row = (byLine ??= new Map(rowsOf().map((r) => [r.line, r]))).get(e.line);
      const framework = row && pickedFramework(pick(row.framework, row.meta.year || undefined, chunk.plan ? undefined : Object.keys(row.cells), row.meta.date || undefined));
      const issues = row && framework ? everyIssue(row, framework, input) : undefined;
      return issues && issues.length ? { ...e, issues } : e;
    });
    // each unit counted once (and, in a summary, every row of one framework)
    const counted: ScoredRow[] = [];
    const refused: RowError[] = [];
    const setAside = [...chunk.setAside];
    for (const s of scored) {
      const admitted = a.ledger.admit({ line: s.line, id: s.id, meta: s.meta, kind: kindOf(s) });
      if ('reject' in admitted) refused.push(admitted.reject);
      else if ('setAside' in admitted) setAside.push(admitted.setAside);
      else if (cohort && kindOf(s) === 'dbi' && !cohort.accepts(s)) {
        // a summary holds one framework: a row of another is rejected with its line
        const id = CohortStream.frameworkOf(s).id;
        refused.push({ line: s.line, id: s.id, issues: [{ path: ['framework'], pathString: 'framework', code: 'invalid_option', params: { received: id, allowed: [cohort.framework!.id] }, message: {
          vi: `dòng được chấm theo bộ chỉ số ${id}, khác bộ chỉ số ${cohort.framework!.id} của các dòng trước: một bản tổng hợp chỉ gồm một bộ chỉ số (tách tệp theo bộ chỉ số)`,
          en: `the row is scored on ${id}, not on ${cohort.framework!.id} like the rows before it: a summary holds one framework (split the file by framework)`,
        } }] });
      } else {
        if (cohort && kindOf(s) === 'dbi') cohort.add(s);
        counted.push(s);
      }
    }
    const rejected = [...chunk.rejected, ...every, ...refused].sort((x, y) => x.line - y.line);
    setAside.sort((x, y) => x.line - y.line);
    tally.read += chunk.records.length + chunk.rows.length + chunk.rejected.length + chunk.blank + chunk.setAside.length;
    tally.blank += chunk.blank;
    tally.rejected += rejected.length;
    tally.setAside += setAside.length;
    tally.scored += counted.length;
    asides.add(setAside);
    report.add(o.strict ? rejected.slice(0, 1) : rejected);
    if (counted.length) report.scored();
    tick?.(tally.read, source.bytesRead());
    if (o.strict && rejected.length) {
      report.finish();
      asides.finish();
      tally.scored = 0;
      printTally(tally);
      throw new StrictStop();
    }
    for (const s of counted) provenance.add(s);
    notices.add(counted);
    // a row that could not be read or scored is a unit of the ranking (rank, and the score
    // and summary reports') without a value; a resubmission the ledger refused is not another unit
    const unscored = [...chunk.rejected, ...every];
    if ((command === 'rank' || ((command === 'score' || command === 'summary') && format === 'html')) && unscored.length) {
      const metaByLine = new Map(rowsOf().map((r) => [r.line, r.meta]));
      for (const e of unscored) missing.push({ id: e.id, meta: metaByLine.get(e.line) ?? {} });
    }
    if (command === 'score') {
      if (streamed) {
        await sink.drain();
        if (format === 'csv') {
          if (counted.length) {
            csv ??= startCsv(counted[0]);
            const c = csv;
            let text = '';
            for (const s of counted) {
              const cells = c.cells(s).map((x) => cellIn(x, csvLang));
              if (c.withSource) cells.push(ProvenanceCollector.cell(s));
              text += csvRow(cells, csvOptions(c.decimals));
            }
            sink.write(text);
          }
        } else if (format === 'xlsx') {
          if (counted.length) {
            xlsx ??= await startXlsx(counted);
            const x = xlsx;
            await x.book.rows(counted.map((s) => xlsxCells(x, s)));
          }
        } else if (format === 'ndjson') {
          if (counted.length) sink.write(counted.map((s) => JSON.stringify(s) + '\n').join(''));
        } else {
          const piece = jsonPiece(counted, firstPiece);
          if (piece) {
            sink.write(piece);
            firstPiece = false;
          }
        }
        written += counted.length;
      } else kept.push(...counted);
    } else if (command === 'summary') {
      if (format === 'html') for (const s of counted) if (kindOf(s) === 'dbi') kept.push(s);
    } else if (command === 'rank') {
      for (const s of counted) {
        if (s instanceof BatchScoredRow || s.result.kind === 'dbi') {
          if (format === 'html') kept.push(s);
          else dbiRank.push(dbiRankEntry(s, by));
        } else kept.push(s);
      }
    } else {
      kept.push(...counted);
      keptRows.push(...rowsOf());
    }
    // a report for a person to read: refused as soon as it outgrows one, before it outgrows memory
    if (forReading && command !== 'gap' && Math.max(kept.length, dbiRank.length) > MAX_REPORT_ROWS) throw reportTooLong(format);
  }
  tick?.(tally.read, source.size, true);
  // no row scored: one message says why (the rows' lines are held back where the cause is the file's columns)
  // the framework the command line names, where no row could be read far enough to pick one (every
  // row of the wrong width): the message must not say that no framework could be chosen
  const named = () => namedFramework(o);
  const nothing = tally.scored === 0 && tally.rejected > 0 ? noRowScored(source, firstFramework ?? named(), report, errSink?.path) : undefined;
  report.finish(nothing?.fileLevel ?? false);
  asides.finish();
  mergedSpellings(source, command === 'summary' ? groupBy : command === 'rank' && rankGroup && rankGroup !== 'region' ? rankGroup.split(',') : []);
  if (nothing) say(nothing.vi, nothing.en);
  // a header and no row (or blank lines or totals rows only): nothing to score is an input problem, exit 2, and nothing is written
  if (tally.read === tally.blank + tally.setAside) {
    const table = source.kind === 'csv' || source.kind === 'xlsx';
    throw new CliError(2, `${source.file}: tệp không có dòng dữ liệu nào${table ? ' (chỉ có tiêu đề, dòng trống hoặc dòng tổng cộng)' : ''}`, `${source.file}: the file has no data rows${table ? ' (only a header, blank lines or totals rows)' : ''}`);
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
  } else if (command === 'summary' && format === 'csv') {
    // a CSV summary is written a row at a time as each group's figures are made: a table of
    // 600,000 districts holds no row (the same text render(table, 'csv') writes)
    if (!cohort?.framework) throw new UsageError('summary cần các dòng DBI', 'summary needs DBI rows');
    const { header, rows } = summaryRows(cohort, a.registered !== undefined, (groupBy?.length ?? 0) > 0);
    const decimals = header.map(columnDecimals);
    sink.write(csvHeader(csvLang ? localizeHeaders(header, csvLang, provenance.labels()) : header, csvOptions()));
    let text = '';
    rowsOut = 0;
    for (const r of rows) {
      text += csvRow(r.map((x) => cellIn(x, csvLang)), csvOptions(decimals));
      rowsOut++;
      if (text.length > 1 << 16) {
        sink.write(text);
        text = '';
        await sink.drain();
      }
    }
    sink.write(text);
    if (prov) sink.write(csvTrailer(prov, csvOptions()));
  } else {
    // a report of no row: the library refused it with its own field names ("framework: One of these fields is required")
    if (format === 'html' && kept.length === 0 && (command === 'score' || command === 'rank')) {
      throw new CliError(1, 'không ghi báo cáo HTML: không dòng nào được chấm (xem các lỗi ở trên)', 'no HTML report written: no row was scored (see the problems above)');
    }
    let table: Tabular;
    if (command === 'score') table = { ...scoreTable(kept, info, missing), labels: infoLabels() };
    else if (command === 'summary') {
      if (!cohort?.framework) throw new UsageError('summary cần các dòng DBI', 'summary needs DBI rows');
      const dbi = kept as (ScoredRow & { result: DbiResult })[];
      table = summaryTable(cohort, a.registered !== undefined, () => rankedDbi(dbi, 'total', undefined, missing), (groupBy?.length ?? 0) > 0, format === 'json' || format === 'ndjson' || format === 'html');
    } else if (command === 'rank') {
      if (kept.length && kept.every((s) => s.result.kind === 'dti')) {
        table = dtiRankTable(kept as (ScoredRow & { result: DtiResult })[], o, rankGroup, a.previous, missing);
      } else if (format === 'html') {
        // the enterprises' HTML ranking has no group or change columns: say so rather than leave them out
        if (rankGroup || a.previous) {
          const given = [rankGroup ? '--group-by' : '', a.previous ? '--previous' : ''].filter(Boolean).join(', ');
          throw new UsageError(`báo cáo HTML xếp hạng doanh nghiệp không có ${given}: dùng --format csv, xlsx hoặc table`, `the HTML ranking of enterprises does not show ${given}: use --format csv, xlsx or table`);
        }
        const dbi = kept as (ScoredRow & { result: DbiResult })[];
        const ranked = rankedDbi(dbi, by, a.method, missing);
        table = { header: [], rows: [], json: null, html: (options) => renderReport({ kind: 'cohort', summary: summarize(dbi.map((d) => ({ ...d.meta, result: d.result }))), ranked }, options) };
      } else table = dbiRankTable(dbiRank, by, a.method, missing, rankGroup, a.previous);
    } else table = gapTable(kept, keptRows, o, languageOf(format, renderOptions) ?? 'en');
    if (format === 'html' && !table.html) throw new UsageError(`${command} không có báo cáo HTML`, `${command} has no HTML report`);
    table = { ...table, ...(prov ? { provenance: prov } : {}), labels: { ...provenance.labels(), ...table.labels } };
    if (format === 'xlsx') sink.write(await renderBytes(table, renderOptions));
    else sink.write(render(table, format, renderOptions));
    // the DBI ranking report has no table form: it holds every kept row
    rowsOut = table.rows.length || (format === 'html' ? kept.length : 0);
  }
  notices.print();
  const unlisted = command === 'summary' && !!cohort?.framework && !!a.registered && !!groupBy?.length && unregisteredGroups(cohort);
  printTally(tally);
  if (sink.path) say(`đã ghi ${sink.path} (${count(rowsOut, 'vi')} dòng)`, `wrote ${sink.path} (${count(rowsOut, 'en')} rows)`);
  if (errSink?.path) say(`đã ghi các dòng bị từ chối vào ${errSink.path}`, `wrote the rejected rows to ${errSink.path}`);
  return tally.rejected || unlisted ? 1 : 0;
}

/**
 * One notice listing the values of the key columns (the unit's id and name, the group columns) that
 * the file writes in a form that differs only invisibly from another (NFD, doubled or non-breaking
 * spaces): each is read, grouped and written in its canonical form.
 */
function mergedSpellings(source: RowSource, fields: readonly string[] = []): void {
  const plan = source.plan;
  const columns = ['id', 'name', ...fields].map((f) => {
    const i = plan ? plan.key.indexOf(f) : -1;
    return i >= 0 ? plan!.header[i]! : f;
  });
  const merged = source.spellings.list(columns);
  if (merged.length === 0) return;
  const shown = merged.slice(0, 20).map((m) => `${m.column} "${m.value}" (${m.lines.join(', ')}${m.count > m.lines.length ? ', …' : ''})`);
  const more = merged.length > 20 ? ` … (+${merged.length - 20})` : '';
  say(
    `Gộp các cách viết chỉ khác nhau ở dạng Unicode hoặc khoảng trắng, đọc và ghi theo dạng chuẩn (NFC): ${shown.map((x) => x.replace(/\(([^)]*)\)$/, '(dòng $1)')).join('; ')}${more}`,
    `Merged spellings that differ only in Unicode form or spacing, read and written in their canonical (NFC) form: ${shown.map((x) => x.replace(/\(([^)]*)\)$/, (_m, l: string) => `(${l.includes(',') ? 'lines' : 'line'} ${l})`)).join('; ')}${more}`,
  );
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

// ---------------------------------------------------------------- form

/** `--lang`: vi or en. */
function checkLang(o: Options): void {
  if (o.lang !== undefined && o.lang !== 'vi' && o.lang !== 'en') throw new UsageError(`--lang phải là vi hoặc en, nhận "${o.lang}"`, `--lang must be vi or en, got "${o.lang}"`);
}

/**
 * `vndi form`: the self-assessment page of a DBI framework (renderAssessmentPage) as one HTML file.
 * A framework whose maxima are not published gets the page that says so, and exit 1.
 */
function runForm(o: Options, arg: string | undefined): number {
  if (arg !== undefined) throw new UsageError(`form nhận bộ chỉ số qua --framework hoặc --framework-file, không nhận "${arg}"`, `form takes the framework as --framework or --framework-file, not "${arg}"`);
  checkLang(o);
  if (o.framework === undefined && o['framework-file'] === undefined) throw new UsageError('form cần --framework <mã> hoặc --framework-file <tệp>', 'form needs --framework <id> or --framework-file <file>');
  if (o.out !== undefined && !/\.html?$/i.test(o.out)) throw new UsageError(`form ghi một trang HTML: đặt --out có đuôi .html (nhận ${o.out})`, `form writes an HTML page: name --out with .html (got ${o.out})`);
  if (o.out === undefined && process.stdout.isTTY) throw new UsageError('form ghi một trang HTML: dùng --out tu-danh-gia.html', 'form writes an HTML page: give --out tu-danh-gia.html');
  const f = namedFramework(o)!;
  if (f.kind !== 'dbi') throw new UsageError(`form cần một bộ chỉ số DBI (doanh nghiệp); ${f.id} là DTI`, `form needs a DBI (enterprise) framework; ${f.id} is a DTI`);
  const lang = o.lang === 'en' ? 'en' : 'vi';
  // a --subtitle the page refuses (too long) is a bad option value: exit 2, one line
  const html = withOption('--subtitle', ['options'], () => renderAssessmentPage(f, { lang, ...(o.subtitle === undefined ? {} : { subtitle: o.subtitle }) }));
  writeAll(html, o.out, undefined, o['framework-file'] === undefined ? [] : [o['framework-file']]);
  try {
    compileDbi(f);
  } catch (e) {
    if (!(e instanceof NotScorableError)) throw e;
    say(`${f.id} chưa chấm điểm được, trang chỉ nói lý do: ${e.reason.vi}`, `${f.id} cannot be scored, and the page says why: ${e.reason.en}`);
    return 1;
  }
  return 0;
}

// ---------------------------------------------------------------- main

function writeAll(text: string | Uint8Array, out: string | undefined, rows?: number, inputs: readonly string[] = []): void {
  const sink = openOutput(out, inputs);
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
        framework: { type: 'string' }, 'framework-file': { type: 'string' }, lang: { type: 'string' }, year: { type: 'string' }, date: { type: 'string' }, size: { type: 'string' }, universe: { type: 'string' }, input: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
        excel: { type: 'boolean' }, by: { type: 'string' }, 'group-by': { type: 'string' }, method: { type: 'string' },
        previous: { type: 'string' }, unit: { type: 'string' }, target: { type: 'string' }, registered: { type: 'string' },
        strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, encoding: { type: 'string' }, 'header-row': { type: 'string' },
        sheet: { type: 'string' }, columns: { type: 'string' }, errors: { type: 'string' }, duplicates: { type: 'string' }, subtitle: { type: 'string' },
        draft: { type: 'string' },
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
  if (command === 'form') return runForm(o, arg);
  const byName = formatFromName(o.out);
  if (o.out && !o.format && !byName) {
    throw new UsageError(`không ghi được ${o.out}: đặt đuôi .csv, .json, .ndjson, .md, .html, .xlsx hoặc .txt, hoặc dùng --format`, `cannot write ${o.out}: name it .csv, .json, .ndjson, .md, .html, .xlsx or .txt, or give --format`);
  }
  // --excel is CSV for Excel: without --format or --out it still writes CSV, never JSON into ket-qua.csv
  const format = (o.format ?? byName ?? (o.excel ? 'csv' : process.stdout.isTTY ? 'table' : 'json')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`không có --format ${format}; các định dạng: ${FORMATS.join(', ')}`, `unknown --format ${format}; known: ${FORMATS.join(', ')}`);
  // a workbook is bytes: into a file or a pipe, never onto a terminal
  if (format === 'xlsx' && !o.out && process.stdout.isTTY) throw new UsageError('--format xlsx ghi một tệp Excel nhị phân: dùng --out <tệp.xlsx> (hoặc chuyển hướng ra tệp)', '--format xlsx writes a binary workbook: give --out <file.xlsx> (or redirect to a file)');
  checkLang(o);
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
      const draft = o.draft ?? '2020-12';
      if (draft !== '2020-12' && draft !== '07') throw new UsageError(`--draft phải là 2020-12 hoặc 07, nhận "${quoted(draft, 40)}"`, `--draft must be 2020-12 or 07, got "${quoted(draft, 40)}"`);
      writeAll(JSON.stringify(inputJsonSchema(f, { draft }), null, 2) + '\n', o.out);
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
  // the command never prints a stack (an unexpected error is one line), and capturing one for each
  // rejected row's ValidationError took half the time of a file of 300,000 rejected rows (900 KB, 3.6 s)
  Error.stackTraceLimit = 0;
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
