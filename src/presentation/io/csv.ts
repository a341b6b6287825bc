/**
 * CSV as provincial officers export it from Excel: UTF-8 with or without a BOM, `,` or `;` as the
 * separator (detected from the header line), quoted fields with doubled quotes, CRLF or LF line ends.
 */
import { ValidationError, makeIssue, type ValidationIssue } from '../../errors.js';

/** One parsed record with the 1-based line number it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** Detects the separator from the header: `;` when it has more `;` than `,` outside quotes. */
export function detectSeparator(headerLine: string): ',' | ';' | '\t' {
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
    else if (!quoted && ch === '\t') tabs++;
  }
  if (tabs > commas && tabs > semis) return '\t';
  return semis > commas ? ';' : ',';
}

/**
 * Parses CSV text into records (header included as the first record).
 *
 * @example
 * ```ts
 * parseCsv('\uFEFFid;Nhận thức số\r\n66;"74,5"\r\n').map((r) => r.fields); // [['id', 'Nhận thức số'], ['66', '74,5']]
 * ```
 */
export function parseCsv(text: string, separator?: string): CsvRecord[] {
  const issues: ValidationIssue[] = [];
  if (typeof text !== 'string') issues.push(makeIssue(['text'], 'invalid_type', { expected: 'string', received: text }));
  // one character that cannot be part of a quoted field's syntax or a line end
  if (separator !== undefined && (typeof separator !== 'string' || separator.length !== 1 || '"\r\n'.includes(separator))) {
    issues.push(makeIssue(['separator'], 'invalid_option', { detail: 'dấu phân cách phải là một ký tự (không phải dấu nháy kép hay xuống dòng)', detailEn: 'the separator must be one character (not a double quote or a line break)' }));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLineEnd = src.search(/\r?\n/);
  const sep = separator ?? detectSeparator(firstLineEnd < 0 ? src : src.slice(0, firstLineEnd));
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === sep) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

// Writing lives with the other writers (format/csv.ts); re-exported here for the public API.
export { toCsv } from '../format/csv.js';
