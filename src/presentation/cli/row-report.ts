/**
 * Accounting for every row of a run, on stderr and in `--errors`: each rejected row with its line,
 * field and reason; each row set aside (a totals row, a resubmission kept out by `--duplicates`)
 * with its line; and the closing line, rows in = scored + rejected + blank + set aside.
 *
 * A row whose many fields fail alike (50 criteria missing) is one line on stderr naming the fields,
 * never 50; `--errors` lists every problem of every row. When no row scores, the lines are held back
 * and the run ends with one message naming the likely cause: the columns the framework expects and
 * those the file has, the header row chosen and the sheet read.
 */
import { dtiInputUnits, hasDtiComponents } from '../../assessment/dti-input.js';
import type { ValidationIssue } from '../../errors.js';
import type { Framework } from '../../framework/schema.js';
import { terminalLine } from '../format/safety.js';
import { frameworkColumns, headerKey, type ColumnPlan } from '../io/headers.js';
import type { OutputSink } from '../io/safe-write.js';
import type { RowError, RowSource, SetAsideRow } from '../io/source.js';
import { csvHeader, csvRow } from './output.js';

/** One line on stderr, Vietnamese first. */
// every text that reaches the terminal is neutralised like a table cell, and bounded in length
export const say = (vi: string, en: string): void => void process.stderr.write(`${terminalLine(`vndi: ${vi} / ${en}`)}\n`);
/** A count as each language writes it (1.000 / 1,000). */
export const count = (n: number, lang: 'vi' | 'en'): string => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

/** The rows of a run: read = scored + rejected + blank + set aside. */
export interface Tally {
  read: number;
  scored: number;
  rejected: number;
  blank: number;
  setAside: number;
}

/** The closing line of a run. */
export function printTally(t: Tally): void {
  say(
    `đã đọc ${count(t.read, 'vi')} dòng: ${count(t.scored, 'vi')} đã chấm, ${count(t.rejected, 'vi')} bị từ chối, ${count(t.blank, 'vi')} trống, ${count(t.setAside, 'vi')} để riêng`,
    `read ${count(t.read, 'en')} ${t.read === 1 ? 'row' : 'rows'}: ${count(t.scored, 'en')} scored, ${count(t.rejected, 'en')} rejected, ${count(t.blank, 'en')} blank, ${count(t.setAside, 'en')} set aside`,
  );
}

export const MAX_ERROR_LINES = 200;
const MAX_SET_ASIDE_LINES = 20;
// issues of one code in one row from which they are printed as one line
const COLLAPSE = 3;

/** Notices of the rows set aside, one per row (the first ones), then how many more. */
export class SetAsideReport {
  private printed = 0;
  private hidden: number[] = [];
  add(rows: readonly SetAsideRow[]): void {
    for (const r of rows) {
      if (this.printed < MAX_SET_ASIDE_LINES) {
        const id = r.id.length > 60 ? `${r.id.slice(0, 60)}…` : r.id;
        say(`dòng ${r.line}${id ? ` (${id})` : ''}: để riêng, không chấm: ${r.why.vi}`, `line ${r.line}${id ? ` (${id})` : ''}: set aside, not scored: ${r.why.en}`);
        this.printed++;
      } else this.hidden.push(r.line);
    }
  }
  finish(): void {
    if (this.hidden.length === 0) return;
    const lines = this.hidden.slice(0, 20).join(', ') + (this.hidden.length > 20 ? ', …' : '');
    say(`và ${count(this.hidden.length, 'vi')} dòng khác được để riêng (dòng ${lines})`, this.hidden.length === 1 ? `and 1 more row set aside (line ${lines})` : `and ${count(this.hidden.length, 'en')} more rows set aside (lines ${lines})`);
  }
}

/** Reports rejected rows on stderr (the first ones) and to `--errors` (all, every problem of each). */
export class ErrorReport {
  private printed = 0;
  private hidden = 0;
  private first = true;
  /** Lines held back until a row scores (when none does, one message replaces them). */
  private held: string[] | null = [];
  /** The most frequent problem (code and field) of the rejected rows, with how many rows had it. */
  private readonly problems = new Map<string, { issue: ValidationIssue; rows: number }>();
  rows = 0;
  /** The file's columns as written, by input id or field (see writtenInputColumns). */
  written: ReadonlyMap<string, string> = new Map();
  constructor(private readonly sink: OutputSink | undefined) {}

  /** The field of an issue, with the column as the file writes it (`points.awareness (NHAN THUC SO)`). */
  field(i: ValidationIssue): string {
    if (!i.pathString) return '(row)';
    const last = i.path[i.path.length - 1];
    const header = last === undefined ? undefined : this.written.get(String(last));
    return header !== undefined && header !== String(last) ? `${i.pathString} (${header})` : i.pathString;
  }

  add(errors: readonly RowError[]): void {
    for (const e of errors) {
      this.rows++;
      // the id is the file's own cell: a 50 MB line was echoed whole, an ESC in it recoloured the terminal
      const id = e.id.length > 60 ? `${e.id.slice(0, 60)}…` : e.id;
      const byCode = new Map<string, ValidationIssue[]>();
      for (const i of e.issues) {
        const same = byCode.get(i.code);
        if (same) same.push(i);
        else byCode.set(i.code, [i]);
      }
      const seen = new Set<string>();
      for (const i of e.issues) {
        const key = `${i.code} ${i.pathString}`;
        if (!seen.has(key)) {
          seen.add(key);
          const p = this.problems.get(key);
          if (p) p.rows++;
          else if (this.problems.size < 1000) this.problems.set(key, { issue: i, rows: 1 });
        }
        const same = byCode.get(i.code)!;
        if (same.length >= COLLAPSE && same[0] !== i) continue;
        let text = `line ${e.line}${id ? ` (${id})` : ''}: ${this.field(i)}: ${i.message.vi} / ${i.message.en}`;
        if (same.length >= COLLAPSE) {
          const others = same.slice(1).map((x) => this.field(x));
          const listed = others.slice(0, 10).join(', ') + (others.length > 10 ? ', …' : '');
          text += ` — và ${others.length} trường khác cùng lỗi / and ${others.length} more fields with the same problem: ${listed}`;
        }
        this.print(text);
      }
      if (this.sink) {
        if (this.first) {
          this.sink.write(csvHeader(['Dòng / line', 'Mã / id', 'Trường / field', 'Lý do', 'Reason'], { excel: true }));
          this.first = false;
        }
        for (const i of e.issues) this.sink.write(csvRow([e.line, e.id, this.field(i), i.message.vi, i.message.en], { excel: true }));
      }
    }
  }

  private print(text: string): void {
    if (this.printed >= MAX_ERROR_LINES) {
      this.hidden++;
      return;
    }
    this.printed++;
    const line = `${terminalLine(text)}\n`;
    if (this.held) this.held.push(line);
    else process.stderr.write(line);
  }

  /** A row scored: the lines held back are printed, and the next ones as they come. */
  scored(): void {
    if (!this.held) return;
    for (const l of this.held) process.stderr.write(l);
    this.held = null;
  }

  /** The problem most rows share, with how many. */
  common(): { issue: ValidationIssue; rows: number } | undefined {
    let best: { issue: ValidationIssue; rows: number } | undefined;
    for (const p of this.problems.values()) if (!best || p.rows > best.rows) best = p;
    return best;
  }

  /**
   * The end of the run. `withheld`: no row scored and one message says why, so the rows' lines are
   * not printed (they are all in `--errors`).
   */
  finish(withheld = false): void {
    if (this.held && !withheld) this.scored();
    if (withheld) {
      // the closing message says why and where the rows' problems are (see noRowScored)
      this.held = null;
      return;
    }
    if (this.hidden) say(`còn ${count(this.hidden, 'vi')} lỗi khác không in ra${this.sink ? `; xem ${this.sink.path}` : '; dùng --errors <tệp.csv> để có đủ'}`, `${count(this.hidden, 'en')} more issues not shown${this.sink ? `; see ${this.sink.path}` : '; use --errors <file.csv> for all'}`);
  }
}

/** A list for a message: the first few items, then how many more. */
function few(items: readonly string[], n = 10): string {
  return items.length <= n ? items.join(', ') : `${items.slice(0, n).join(', ')}, … (+${items.length - n})`;
}

/** The framework's input columns the file lacks, as the framework names them (`Nhận thức số`, `1.1.1`). */
export function missingColumns(plan: ColumnPlan, framework: Framework): { expected: number; missing: string[] } {
  const index = frameworkColumns(framework);
  let ids = [...new Set(index.values())];
  if (framework.kind === 'dti' && !hasDtiComponents(framework)) {
    // an unscored indicator (Đô thị thông minh, maximum 0) may be left out: it is no missing column
    const required = new Set(dtiInputUnits(framework).filter((u) => u.required).map((u) => u.id));
    ids = ids.filter((id) => required.has(id));
  }
  const present = new Set<string>();
  plan.role.forEach((role, i) => {
    if (role !== 'cell' && role !== 'info') return;
    const id = index.get(headerKey(plan.key[i]!)) ?? index.get(headerKey(plan.header[i]!));
    if (id !== undefined) present.add(id);
  });
  const names = new Map<string, string>();
  if (framework.kind === 'dti') for (const m of [...framework.mainIndicators, ...framework.pillars]) names.set(m.id, m.name.vi);
  return { expected: ids.length, missing: ids.filter((id) => !present.has(id)).map((id) => (names.has(id) ? `${names.get(id)} (${id})` : id)) };
}

/**
 * The one message of a run in which no row scored: what was read (sheet, header row and its
 * columns), what the framework expects and the file lacks, and the problem the rows share.
 * `fileLevel` when the cause is the file's columns (every row fails for it), not its rows.
 */
export function noRowScored(source: RowSource, framework: Framework | undefined, report: ErrorReport, errorsPath?: string): { vi: string; en: string; fileLevel: boolean } {
  const plan = source.plan;
  const rejected = report.rows;
  const read: string[] = [];
  const readEn: string[] = [];
  if (source.kind === 'xlsx') {
    read.push(source.sheet ? `trang tính "${source.sheet}"` : 'trang tính đầu tiên');
    readEn.push(source.sheet ? `sheet "${source.sheet}"` : 'the first sheet');
  }
  if (plan && source.headerLines) {
    const [a, b] = source.headerLines;
    const lines = a === b ? `${a}` : `${a}–${b}`;
    const cols = few(plan.header.filter((h) => h !== ''), 12);
    read.push(`dòng tiêu đề ${lines} (${cols})`);
    readEn.push(`header row ${lines} (${cols})`);
  }
  let vi = `không dòng nào được chấm (${count(rejected, 'vi')} dòng bị từ chối)`;
  let en = `no row was scored (${count(rejected, 'en')} rejected)`;
  if (read.length) {
    vi += `. Đã đọc ${read.join(', ')}`;
    en += `. Read ${readEn.join(', ')}`;
  }
  let fileLevel = false;
  if (framework && plan) {
    const { expected, missing } = missingColumns(plan, framework);
    vi += `. Bộ chỉ số ${framework.id} cần ${expected} cột điểm; tệp có ${expected - missing.length}`;
    en += `. Framework ${framework.id} expects ${expected} score columns; the file has ${expected - missing.length}`;
    if (missing.length) {
      fileLevel = true;
      vi += `; thiếu: ${few(missing)}. Kiểm tra dòng tiêu đề (--header-row)${source.kind === 'xlsx' ? ', trang tính (--sheet)' : ''}, bộ chỉ số (--framework, --year) hoặc tên cột (--columns). Lỗi từng dòng: ${errorsPath ? `xem ${errorsPath}` : 'dùng --errors <tệp.csv>'}`;
      en += `; missing: ${few(missing)}. Check the header row (--header-row)${source.kind === 'xlsx' ? ', the sheet (--sheet)' : ''}, the framework (--framework, --year) or the column names (--columns). Each row's problems: ${errorsPath ? `see ${errorsPath}` : 'use --errors <file.csv>'}`;
    }
  } else if (!framework) {
    vi += '. Không xác định được bộ chỉ số: dùng --framework, --year hoặc một cột Bộ chỉ số';
    en += '. No framework could be chosen: give --framework or --year, or a framework column';
  }
  const common = report.common();
  if (common && !fileLevel) {
    vi += `. Lỗi của ${count(common.rows, 'vi')} dòng: ${report.field(common.issue)}: ${common.issue.message.vi}`;
    en += `. ${common.rows === 1 ? 'The problem of the 1 row' : `The problem of ${count(common.rows, 'en')} rows`}: ${report.field(common.issue)}: ${common.issue.message.en}`;
  }
  return { vi, en, fileLevel };
}
