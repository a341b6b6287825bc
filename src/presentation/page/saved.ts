/**
 * The page's saved answers: a JSON file and a CSV file that `vndi score` reads back to the same
 * result, and that the page opens again. Both are written in the command line's input formats (a
 * JSON array of rows `{ id, name, framework, sector, answers }`; a CSV row with the questionnaire
 * cell syntax of docs/cli.md: `b; d`, `—` for no option ticked, `Không áp dụng`), and read back with
 * the command line's own reader (`readRows` and `dbiAssessmentOfRow`), so that the page and `vndi`
 * read a saved file the same way.
 *
 * @internal
 */
import { ValidationError, makeIssue, type Localized } from '../../errors.js';
import type { DbiFramework } from '../../framework/schema.js';
import type { DbiAnswerInput } from '../../score/score-dbi.js';
import { dbiAssessmentOfRow, scoresColumn } from '../cli/score-rows.js';
import { csvHeader, csvRow } from '../format/csv.js';
import type { Lang } from '../format/locale.js';
import { CliError } from '../io/cli-error.js';
import { MAX_ROW_CHARACTERS } from '../io/json-limits.js';
import { readRows } from '../io/rows.js';
import { NOT_APPLICABLE, applicable, type Entered, type PageLayout, type PageQuestion } from './model.js';

/** Who answered: the enterprise's code and name, as the saved row's `id` and `name`. */
export interface SavedEnterprise {
  readonly id?: string;
  readonly name?: string;
}

/** The row id of a saved file whose enterprise code is left blank. */
export const DEFAULT_ID: Localized = { vi: 'tu-danh-gia', en: 'self-assessment' };

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A figure or points as JSON writes it: a number where the decimal text has at most 15 significant
 * digits (a double holds every such decimal exactly as written), else the text as typed.
 */
function jsonNumber(answer: DbiAnswerInput): DbiAnswerInput {
  if (typeof answer !== 'string' || !PLAIN_DECIMAL.test(answer)) return answer;
  return answer.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15 ? Number(answer) : answer;
}

/** The answers of the questions that apply, in form order (the file's column order). */
function orderedAnswers(layout: PageLayout, entered: Entered): [PageQuestion, DbiAnswerInput | undefined][] {
  return applicable(layout, entered.sector).map((q) => [q, Object.hasOwn(entered.answers, q.id) ? entered.answers[q.id] : undefined]);
}

/**
 * The saved JSON: an array of one row, as `vndi score file.json` reads it (`framework` names the
 * framework; a framework file is given again with `--framework-file`).
 */
export function savedJson(layout: PageLayout, entered: Entered, enterprise: SavedEnterprise, lang: Lang): string {
  const f = layout.framework;
  const answers: Record<string, DbiAnswerInput> = {};
  for (const [q, a] of orderedAnswers(layout, entered)) if (a !== undefined) answers[q.id] = q.criterion?.answer?.kind === 'single' || q.criterion?.answer?.kind === 'multiple' ? a : jsonNumber(a);
  const row = {
    id: enterprise.id?.trim() || DEFAULT_ID[lang],
    ...(enterprise.name?.trim() ? { name: enterprise.name.trim() } : {}),
    framework: f.id,
    ...(f.sectors && entered.sector !== undefined ? { sector: entered.sector } : {}),
    answers,
  };
  return `${JSON.stringify([row], null, 2)}\n`;
}

/** One answer as a spreadsheet cell, in the command line's cell syntax. */
export function answerCell(q: PageQuestion, answer: DbiAnswerInput | undefined, lang: Lang): string | number | null {
  if (answer === undefined) return null;
  if (answer === NOT_APPLICABLE) return lang === 'vi' ? 'Không áp dụng' : NOT_APPLICABLE;
  const options = q.criterion?.answer && q.criterion.answer.kind !== 'figure' ? q.criterion.answer.options : null;
  // an option by its letter where it has one (`b`), else its id
  const name = (given: string) => {
    const o = options?.find((x) => x.id === given) ?? options?.find((x) => x.letter === given);
    return o?.letter ?? o?.id ?? given;
  };
  if (Array.isArray(answer)) return answer.length === 0 ? '—' : answer.map((a) => name(String(a))).join('; ');
  if (options) return name(String(answer));
  const n = jsonNumber(answer as DbiAnswerInput);
  return typeof n === 'number' ? n : String(answer);
}

/**
 * The saved CSV, for Excel in the page's language (a BOM; in Vietnamese `;` and decimal commas):
 * the enterprise's code and name, the framework, the sector where the framework has sector parts,
 * then one column per question that applies, headed by its id. Text cells are neutralised for
 * spreadsheets (a name `=HYPERLINK(…)` is written `'=HYPERLINK(…)`).
 */
export function savedCsv(layout: PageLayout, entered: Entered, enterprise: SavedEnterprise, lang: Lang): string {
  const f = layout.framework;
  const ordered = orderedAnswers(layout, entered);
  const meta = lang === 'vi' ? ['Mã doanh nghiệp', 'Tên doanh nghiệp', 'Bộ chỉ số'] : ['id', 'name', 'framework'];
  const sectorHeader = f.sectors ? [lang === 'vi' ? 'Ngành' : 'sector'] : [];
  const options = { excel: true, lang };
  const header = csvHeader([...meta, ...sectorHeader, ...ordered.map(([q]) => q.id)], options);
  const row = csvRow([
    enterprise.id?.trim() || DEFAULT_ID[lang],
    enterprise.name?.trim() ?? '',
    f.id,
    ...(f.sectors ? [entered.sector ?? ''] : []),
    ...ordered.map(([q, a]) => answerCell(q, a, lang)),
  ], options);
  return header + row;
}

/** The most characters of a saved file the page opens: a header and one row, each at most what the command line reads. */
export const MAX_SAVED_CHARACTERS = 2 * MAX_ROW_CHARACTERS;

/** What a saved file holds for the page. */
export interface SavedAnswers {
  readonly entered: Entered;
  readonly enterprise: SavedEnterprise;
  /** Columns (or keys) of the file that the page does not read: neither a question nor the enterprise, framework or sector. */
  readonly ignored: readonly string[];
}

/** The row fields the page reads besides the answers. */
const PAGE_FIELDS = new Set(['id', 'name', 'framework', 'sector']);

/**
 * Reads a saved file (JSON or CSV, as saved by the page or written by an officer) with the command
 * line's reader: one row, of this framework.
 *
 * @throws {@link ValidationError} saying what is wrong with the file, in both languages.
 */
export function readSaved(layout: PageLayout, text: string, fileName = ''): SavedAnswers {
  const f: DbiFramework = layout.framework;
  const fail = (vi: string, en: string) => new ValidationError([makeIssue(['file'], 'invalid_option', { detail: vi, detailEn: en })]);
  if (typeof text !== 'string') throw new ValidationError([makeIssue(['text'], 'invalid_type', { expected: 'string (the file\'s text)', received: text })]);
  if (typeof fileName !== 'string') throw new ValidationError([makeIssue(['fileName'], 'invalid_type', { expected: 'string', received: fileName })]);
  // the command line's bounds (docs/cli.md): a header and one row, each at most MAX_ROW_CHARACTERS; no deeper nesting than a row may have
  if (text.length > MAX_SAVED_CHARACTERS) {
    throw fail(
      `tệp dài ${text.length.toLocaleString('vi-VN')} ký tự, quá ${MAX_SAVED_CHARACTERS.toLocaleString('vi-VN')} ký tự của một tệp câu trả lời: đây không phải tệp trang đã lưu`,
      `the file is ${text.length.toLocaleString('en')} characters long, more than the ${MAX_SAVED_CHARACTERS.toLocaleString('en')} of a file of answers: it is not a file the page saved`,
    );
  }
  let rows;
  try {
    // readRows keeps the command line's nesting bound (a CliError, in both languages)
    rows = readRows(text, fileName, (header) => scoresColumn(f, header), f);
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    if (e instanceof CliError) throw fail(e.vi, e.en);
    if (e instanceof SyntaxError) throw fail(`JSON không hợp lệ: ${e.message}`, `invalid JSON: ${e.message}`);
    throw fail(`không đọc được tệp (${String((e as Error)?.message ?? e)})`, `the file cannot be read (${String((e as Error)?.message ?? e)})`);
  }
  if (rows.length !== 1) throw fail(`tệp có ${rows.length} dòng câu trả lời; trang mở tệp của một doanh nghiệp`, `the file holds ${rows.length} rows of answers; the page opens one enterprise's file`);
  const row = rows[0]!;
  if (row.framework !== undefined && row.framework !== f.id) throw fail(`tệp là câu trả lời theo bộ chỉ số ${row.framework}, không phải ${f.id}`, `the file answers framework ${row.framework}, not ${f.id}`);
  const { assessment, issues } = dbiAssessmentOfRow(row, f);
  if (issues.length) throw new ValidationError(issues);
  // the page's own CSV neutralised a name for spreadsheets: take the apostrophe off again
  const name = row.meta.name?.replace(/^'(?=[=+\-@\t\r])/, '');
  return {
    entered: assessment.sector === undefined ? { answers: assessment.answers } : { sector: assessment.sector, answers: assessment.answers },
    enterprise: { ...(row.id ? { id: row.id } : {}), ...(name ? { name } : {}) },
    ignored: Object.keys(row.meta).filter((key) => !PAGE_FIELDS.has(key) && !scoresColumn(f, key)),
  };
}
