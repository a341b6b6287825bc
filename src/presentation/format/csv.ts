/**
 * Writing CSV that is safe to open in a spreadsheet, whole (`toCsv`) or a row at a time for
 * streaming (`csvHeader`, `csvRow`, `csvTrailer`).
 *
 * Forms:
 * - machine (no `lang`, no `excel`): `,` separator, dot decimals, LF line ends: what scripts read.
 * - Vietnamese (`lang: 'vi'`, the default with `excel`): decimal commas as the official tables print
 *   them (`0,3985`), hence `;` as the separator (what Excel uses in the vi-VN locale, where the list
 *   separator is `;` because the comma is the decimal mark).
 * - English (`lang: 'en'`): dot decimals, `,` separator.
 * - `excel: true` adds a UTF-8 BOM (so that Excel reads the diacritics) and CRLF line ends.
 *
 * Every text cell is neutralised for spreadsheets (a leading `'` before `=`, `+`, `-`, `@`, tab or
 * carriage return: OWASP CSV injection); numbers are written as numbers, a negative number included.
 *
 * Leading zeros: with `excel`, a text cell of digits that a spreadsheet would read as a number and
 * alter (a leading zero, `0101234567` or `02`, dropped; twelve digits or more shown in scientific
 * notation or rounded past fifteen) is written `="0101234567"`, which Excel and LibreOffice open as
 * the text 0101234567. This is the one formula the writer emits, built only around digits, so the
 * neutralisation of the file's own text stands (a text cell beginning with `=` still gets its `'`).
 *
 * Provenance is a trailing block, never a leading one: the header stays the first line (what every
 * CSV reader and Excel expect) and data rows stay a clean rectangle. After the last data row comes
 * one empty line, then one single-field line per statement, each beginning with `#`. A reader takes
 * the rows up to the first empty line; the `#` lines say what the figures rest on.
 */
import { readOnce } from '../../assessment/snapshot.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../../errors.js';
import type { Cell } from './table.js';
import { formatNumber, type Lang } from './locale.js';
import { checkProvenance, provenanceLines, type Provenance } from './provenance.js';
import { spreadsheetText } from './safety.js';

/** How CSV is written. */
export interface CsvOptions {
  /** For Excel: UTF-8 BOM and CRLF line ends (and Vietnamese decimals unless `lang` says otherwise). */
  readonly excel?: boolean;
  /** Decimal comma and `;` separator for `vi`; dot and `,` for `en`. Default: `vi` with `excel`, else machine form. */
  readonly lang?: Lang;
  /** Override the separator. */
  readonly separator?: ',' | ';' | '\t';
  /** Fixed decimals per column (e.g. 4 for 0–1 values), used in the `vi`/`en` forms. */
  readonly decimals?: readonly (number | undefined)[];
}

interface Resolved {
  readonly sep: string;
  readonly eol: string;
  readonly lang: Lang | undefined;
  readonly excel: boolean;
}

function resolve(options: CsvOptions): Resolved {
  const lang = options.lang ?? (options.excel ? 'vi' : undefined);
  return { sep: options.separator ?? (lang === 'vi' ? ';' : ','), eol: options.excel ? '\r\n' : '\n', lang, excel: options.excel === true };
}

/** Digits a spreadsheet would read as a number and alter: a leading zero, or twelve digits or more. */
const ALTERED_DIGITS = /^(?:0\d+|\d{12,})$/;

/** Quotes a field holding a quote, a line break or any separator (so that it survives a reader guessing the separator). */
function quote(value: string): string {
  return /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellText(v: Cell, r: Resolved, decimals: number | undefined, column: number): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    // a streamed row is checked cell by cell: never a blank where a number was meant
    if (!Number.isFinite(v)) throw new ValidationError([makeIssue([column], 'not_finite', { received: v })]);
    const s = formatNumber(v, r.lang ?? 'en', r.lang ? decimals : undefined);
    // a decimal comma under a `,` separator (asked for explicitly) must be quoted
    return s.includes(r.sep) ? `"${s}"` : s;
  }
  if (typeof v !== 'string') throw new ValidationError([makeIssue([column], 'invalid_type', { expected: 'string, number or null', received: v })]);
  // kept as text by Excel and LibreOffice: ="0101234567" (see the module comment)
  if (r.excel && ALTERED_DIGITS.test(v)) return quote(`="${v}"`);
  return quote(spreadsheetText(v));
}

/**
 * One CSV line (ending in CRLF with `excel`, else LF), every text cell neutralised for spreadsheets.
 * A cell that is not text, a finite number or null is a {@link ValidationError}.
 *
 * @example
 * ```ts
 * csvRow(['=1+1', -2, 0.3985], { excel: true }); // "'=1+1;-2;0,3985\r\n"
 * csvRow(['0101234567', '02'], { excel: true }); // '"=""0101234567""";"=""02"""\r\n'
 * ```
 */
export function csvRow(cells: readonly Cell[], options: CsvOptions = {}): string {
  const r = resolve(options);
  return cells.map((c, i) => cellText(c, r, options.decimals?.[i], i)).join(r.sep) + r.eol;
}

/**
 * The first line of a CSV: the BOM with `excel`, then the header line.
 *
 * @example
 * ```ts
 * csvHeader(['Mã', 'Giá trị DTI'], { excel: true }); // '\uFEFFMã;Giá trị DTI\r\n'
 * ```
 */
export function csvHeader(header: readonly string[], options: CsvOptions = {}): string {
  const r = resolve(options);
  return (options.excel ? '\uFEFF' : '') + header.map((h) => quote(spreadsheetText(h))).join(r.sep) + r.eol;
}

/**
 * The trailing provenance block: one empty line, then one single-field `#` line per statement
 * (framework, decision, status, assumptions in force, sources).
 *
 * @example
 * ```ts
 * csvTrailer(provenanceOf(getFramework('dti-province-2022')), { lang: 'en' }).split('\n')[1];
 * // '# Framework: dti-province-2022 — Decision 922/QĐ-BTTTT (2022-05-20) — Status: official'
 * ```
 */
export function csvTrailer(provenance: Provenance, options: CsvOptions = {}): string {
  const r = resolve(options);
  // spreadsheetText: a framework file's title or a row's source may carry controls or a bidi override ('# …' is never a formula)
  return r.eol + provenanceLines(provenance, r.lang ?? 'en').map((l) => quote(spreadsheetText(`# ${l.trim()}`)) + r.eol).join('');
}

/**
 * Writes rows as CSV: the header, the rows, and (when given) the provenance trailer. See the module
 * comment for the forms; with `excel: true`: BOM, `;` separator, decimal commas, CRLF.
 *
 * @example
 * ```ts
 * toCsv(['id', 'value'], [['66', 0.3985]], { excel: true }); // '\uFEFFid;value\r\n66;0,3985\r\n'
 * toCsv(['name'], [['=HYPERLINK("http://x","y")']]); // 'name\n"\'=HYPERLINK(""http://x"",""y"")"\n'
 * ```
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: CsvOptions & { readonly provenance?: Provenance } = {},
): string {
  header = readOnce(header, ['header']);
  rows = readOnce(rows, ['rows']);
  options = readOnce(options, ['options']);
  const table = validateTable(header, rows);
  validateCsvOptions(options);
  const o: CsvOptions & { readonly provenance?: Provenance } = options;
  return csvHeader(table.header, o) + table.rows.map((row) => csvRow(row, o)).join('') + (o.provenance ? csvTrailer(o.provenance, o) : '');
}

/** Checks CSV options: an object whose `lang`, `separator` and `excel` have allowed values. */
function validateCsvOptions(options: unknown): void {
  const issues: ValidationIssue[] = [];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) issues.push(makeIssue(['options'], 'invalid_type', { expected: 'object', received: options }));
  else {
    const o = options as Record<string, unknown>;
    if (o.lang !== undefined && o.lang !== 'vi' && o.lang !== 'en') issues.push(makeIssue(['options', 'lang'], 'invalid_option', { detail: 'lang là "vi" hoặc "en"', detailEn: 'lang is "vi" or "en"' }));
    if (o.separator !== undefined && o.separator !== ',' && o.separator !== ';' && o.separator !== '\t') issues.push(makeIssue(['options', 'separator'], 'invalid_option', { detail: 'dấu phân cách là , ; hoặc tab', detailEn: 'the separator is , ; or tab' }));
    if (o.excel !== undefined && typeof o.excel !== 'boolean') issues.push(makeIssue(['options', 'excel'], 'invalid_type', { expected: 'boolean', received: o.excel }));
    const d = o.decimals;
    // the entries present, not 0…length: `[...Array(d.length)]` of a sparse array of length 2³²−1 ran the process out of memory
    const decimalOk = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10);
    if (d !== undefined && (!Array.isArray(d) || !Object.keys(d).every((k) => decimalOk((d as unknown as Record<string, unknown>)[k])))) {
      issues.push(makeIssue(['options', 'decimals'], 'invalid_type', { expected: 'array of whole numbers 0–10', received: d }));
    }
    if (o.provenance !== undefined) checkProvenance(o.provenance, ['options', 'provenance']);
  }
  if (issues.length) throw new ValidationError(issues);
}

/**
 * Checks a header and rows before writing: an array of strings, and rows of cells that are text,
 * finite numbers or null. Bad input is a {@link ValidationError}, never a TypeError halfway through.
 *
 * @example
 * ```ts
 * validateTable(['id'], [[NaN]]); // throws ValidationError: rows.0.0: Value NaN is not finite
 * ```
 */
export function validateTable(header: unknown, rows: unknown): { header: string[]; rows: Cell[][] } {
  const issues: ValidationIssue[] = [];
  // copied index by index into plain arrays: a hostile array (an own `constructor`, a getter) is never asked to map itself
  const cleanHeader: string[] = [];
  const cleanRows: Cell[][] = [];
  if (!Array.isArray(header)) issues.push(makeIssue(['header'], 'invalid_type', { expected: 'array of strings', received: header }));
  else
    // every loop stops at 50 issues: a sparse array of length 2³²−1 is refused at once, not read to its end
    for (let i = 0; i < header.length && issues.length < 50; i++) {
      const h: unknown = header[i];
      if (typeof h !== 'string') issues.push(makeIssue(['header', i], 'invalid_type', { expected: 'string', received: h }));
      else cleanHeader.push(h);
    }
  if (!Array.isArray(rows)) issues.push(makeIssue(['rows'], 'invalid_type', { expected: 'array of rows', received: rows }));
  else
    for (let i = 0; i < rows.length && issues.length < 50; i++) {
      const row: unknown = rows[i];
      if (!Array.isArray(row)) {
        issues.push(makeIssue(['rows', i], 'invalid_type', { expected: 'array of cells', received: row }));
        continue;
      }
      const clean: Cell[] = [];
      for (let j = 0; j < row.length && issues.length < 50; j++) {
        const c: unknown = row[j];
        if (c === null || typeof c === 'string') clean.push(c);
        else if (typeof c === 'number' && Number.isFinite(c)) clean.push(c);
        else if (typeof c === 'number') issues.push(makeIssue(['rows', i, j], 'not_finite', { received: c }));
        else issues.push(makeIssue(['rows', i, j], 'invalid_type', { expected: 'string, number or null', received: c }));
      }
      cleanRows.push(clean);
    }
  if (issues.length) throw new ValidationError(issues.slice(0, 50));
  return { header: cleanHeader, rows: cleanRows };
}
