/**
 * Reading an input file as a stream of row chunks, with bounded memory and in time linear in the
 * file's size: CSV (`,` `;` tab, quoted fields, CRLF) through papaparse's parser fed a quarter of a
 * megabyte at a time, NDJSON line by line, a JSON array element by element (json-array.ts), or a
 * sheet of an `.xlsx` workbook row by row (workbook.ts): the one named by `--sheet`, else the first
 * visible sheet that has a header row. Every record after the header is accounted for: as a row to
 * score, a rejected row (with its line and reason), a blank, or a row set aside (a totals or average
 * row, with its line).
 *
 * Bounds (docs/cli.md): a CSV record or an NDJSON line longer than {@link MAX_ROW_CHARACTERS}
 * characters, a JSON element as long, or a JSON value nested deeper than {@link MAX_JSON_DEPTH}
 * levels is one rejected row, and the rows after it are read; a header must begin within the first
 * {@link HEADER_SAMPLE_BYTES} bytes.
 */
import { createReadStream, statSync } from 'node:fs';
import Papa from 'papaparse';
import type { ValidationIssue } from '../../errors.js';
import { quoted } from '../format/safety.js';
import { CliError, ioError } from './cli-error.js';
import { decodeBytes, detectEncoding, detectLegacyText, ENCODING_LABEL, legacyText, pipeRefusal, readSample, streamDecoder, type EncodingName, type LegacyEncoding } from './decode.js';
import { findHeaderRow, headerKey, headerRows, planColumns, type ColumnPlan, type HeaderRows } from './headers.js';
import { JsonArraySplitter } from './json-array.js';
import { MAX_JSON_DEPTH, MAX_ROW_CHARACTERS, tooDeep } from './json-limits.js';
import { ID_BY_NAME, RecordReader, Spellings, isTotalsLabel, objectRow, totalsSetAside, withIdByName, withIdsByName, type InputRow, type SetAsideRow } from './rows.js';
import { Workbook, type SheetInfo, type SheetRow } from './workbook.js';

export type { SetAsideRow } from './rows.js';

/** A row that cannot be scored, with its line number and every reason. */
export interface RowError {
  readonly line: number;
  readonly id: string;
  readonly issues: readonly ValidationIssue[];
}

/** Rows read since the last chunk. */
export interface RowChunk {
  /** The column plan of `records` (CSV, spreadsheet). */
  readonly plan?: ColumnPlan;
  /** Records under `plan`, not yet turned into rows (the batch path reads their fields directly). */
  readonly records: readonly { readonly line: number; readonly fields: readonly unknown[] }[];
  /** Rows read from JSON objects. */
  readonly rows: InputRow[];
  /** Rows rejected while reading (wrong number of fields, broken JSON line). */
  readonly rejected: RowError[];
  /** Blank rows skipped. */
  readonly blank: number;
  /** Rows that are not units (totals and average rows), each with its line and what it is. */
  readonly setAside: SetAsideRow[];
}

export interface ReadOptions {
  readonly encoding?: EncodingName;
  /** The header's row number (1-based), else found under any title rows. */
  readonly headerRow?: number;
  readonly sheet?: string;
  /** `--columns`: header as written → field. */
  readonly columns?: Readonly<Record<string, string>>;
  /** Headers that a `--framework-file` framework scores (never reported as a misspelt known header). */
  readonly scores?: (header: string) => boolean;
  /** Rows per chunk. */
  readonly chunkRows?: number;
}

/** An opened input. */
export interface RowSource {
  readonly file: string;
  readonly kind: 'csv' | 'xlsx' | 'json' | 'ndjson';
  /** The column plan of a CSV or sheet (JSON rows are planned by their keys). */
  readonly plan?: ColumnPlan;
  /** The header's first and last line (1-based; two lines for a two-row header), for messages. */
  readonly headerLines?: readonly [number, number];
  /** The sheet read, for messages (a workbook). */
  readonly sheet?: string;
  /** Information values read in their canonical form (NFC, spacing), for the notice that lists them. */
  readonly spellings: Spellings;
  /** One-line notices for the officer (ignored columns, encoding used …). */
  readonly notices: readonly { vi: string; en: string }[];
  /** File size in bytes, and bytes read so far (for progress). */
  readonly size: number;
  bytesRead(): number;
  chunks(): AsyncGenerator<RowChunk>;
}

const CHUNK_BYTES = 1 << 18;

export { MAX_JSON_DEPTH, MAX_ROW_CHARACTERS };

/** The start of a text file searched for its header (and its encoding and separator). */
export const HEADER_SAMPLE_BYTES = MAX_ROW_CHARACTERS + 4;

function tooLongIssue(what: { vi: string; en: string }): ValidationIssue {
  return rowIssue(
    `${what.vi} dài hơn ${MAX_ROW_CHARACTERS.toLocaleString('vi-VN')} ký tự: không đọc (các dòng khác vẫn được đọc)`,
    `${what.en} is longer than ${MAX_ROW_CHARACTERS.toLocaleString('en')} characters: not read (the other rows are)`,
    { limit: MAX_ROW_CHARACTERS },
  );
}

function tooDeepIssue(): ValidationIssue {
  return rowIssue(
    `giá trị JSON lồng sâu quá ${MAX_JSON_DEPTH} cấp: không đọc (các dòng khác vẫn được đọc)`,
    `a JSON value nested deeper than ${MAX_JSON_DEPTH} levels: not read (the other rows are)`,
    { limit: MAX_JSON_DEPTH },
  );
}

/** An issue for a whole row (no field). */
export function rowIssue(vi: string, en: string, params: Record<string, unknown> = {}): ValidationIssue {
  return { path: ['(row)'], pathString: '(row)', code: 'invalid_type', message: { vi, en }, params };
}

function fieldCountIssue(got: number, expected: number): ValidationIssue {
  return rowIssue(
    `dòng có ${got} ô nhưng tiêu đề có ${expected} cột (thường do số thập phân có dấu phẩy như 41,6 không đặt trong ngoặc kép); dòng không được chấm để không lệch cột`,
    `the row has ${got} fields but the header has ${expected} columns (often a decimal comma such as 41,6 left unquoted); not scored, so that no value shifts column`,
    { fields: got, expected },
  );
}

function isBlank(fields: readonly unknown[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f !== null && f !== undefined && f !== '' && String(f).trim() !== '') return false;
  }
  return true;
}

function detectDelimiter(line: string): ',' | ';' | '\t' {
  const count = (ch: string) => {
    let n = 0;
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === ch) n++;
    }
    return n;
  };
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > commas && tabs > semis) return '\t';
  return semis > commas ? ';' : ',';
}

/**
 * Turns sheet or CSV records (after the header) into chunks: rows to score, rejected rows, blanks,
 * and rows set aside (totals and averages). Each record is read as the officer sees it first (see
 * RecordReader: canonical text, `="0101"` as `0101`, a province's id from its name).
 */
class Accountant {
  records: { line: number; fields: readonly unknown[] }[] = [];
  rejected: RowError[] = [];
  setAside: SetAsideRow[] = [];
  blank = 0;
  private readonly reader: RecordReader;
  /** The number of columns the file has (the plan may add an id column, see withIdsByName). */
  private readonly width: number;
  constructor(private readonly plan: ColumnPlan, spellings: Spellings, width = plan.header.length) {
    this.reader = new RecordReader(plan, spellings);
    this.width = width;
  }
  add(fields: readonly unknown[], line: number): void {
    const n = this.width;
    if (isBlank(fields)) {
      this.blank++;
      return;
    }
    if (fields.length < n || (fields.length > n && !isBlank(fields.slice(n)))) {
      const idAt = this.plan.key.indexOf('id');
      this.rejected.push({ line, id: idAt >= 0 ? String(fields[idAt] ?? '').trim() : '', issues: [fieldCountIssue(fields.length, n)] });
      return;
    }
    const read = this.reader.read(fields, line);
    if ('setAside' in read) this.setAside.push(read.setAside);
    else if ('reject' in read) this.rejected.push({ line, id: '', issues: [read.reject] });
    else this.records.push({ line, fields: read.fields });
  }
  get size(): number {
    return this.records.length + this.rejected.length + this.blank + this.setAside.length;
  }
  take(): RowChunk {
    const c = { plan: this.plan, records: this.records, rows: [], rejected: this.rejected, blank: this.blank, setAside: this.setAside };
    this.records = [];
    this.rejected = [];
    this.setAside = [];
    this.blank = 0;
    return c;
  }
}

function headerNotices(plan: ColumnPlan, rows?: HeaderRows): { vi: string; en: string }[] {
  const out: { vi: string; en: string }[] = [];
  // the file's own headers: each quoted at a bounded length (a header of 50 MB was echoed whole)
  const list = (headers: readonly string[]) => headers.map((h) => quoted(h)).join(', ');
  if (rows && rows.last > rows.first) out.push({ vi: `Tiêu đề gồm hai dòng (${rows.first + 1}–${rows.last + 1}), được ghép thành một`, en: `The header spans two rows (${rows.first + 1}–${rows.last + 1}), read as one` });
  if (plan.header[plan.header.length - 1] === ID_BY_NAME) out.push({ vi: 'Tệp không có cột Mã tỉnh: các tỉnh được nhận theo tên', en: 'The file has no id column (Mã tỉnh): provinces are identified by name' });
  if (plan.ignored.length) out.push({ vi: `Bỏ qua cột ${list(plan.ignored)} (số thứ tự, ghi chú)`, en: `Ignored columns ${list(plan.ignored)} (row numbers, notes)` });
  if (plan.information.length) out.push({ vi: `Cột không dùng để chấm, giữ lại làm thông tin: ${list(plan.information)}`, en: `Columns not used for scoring, kept as information: ${list(plan.information)}` });
  return out;
}

/** A file with nothing to score: an input problem, exit 2 like a missing file (not a bad row, 1). */
export function emptyFile(file: string): CliError {
  return new CliError(2, `${file}: tệp không có dữ liệu`, `${file}: the file has no data`);
}

function chooseHeader(records: readonly (readonly unknown[])[], options: ReadOptions, file: string): HeaderRows {
  return headerRows(records, chooseHeaderRow(records, options, file));
}

function chooseHeaderRow(records: readonly (readonly unknown[])[], options: ReadOptions, file: string): number {
  if (options.headerRow !== undefined) {
    if (!Number.isInteger(options.headerRow) || options.headerRow < 1) throw new CliError(2, '--header-row phải là số dòng (từ 1)', '--header-row must be a row number (from 1)');
    const at = options.headerRow - 1;
    // past the end (or on an empty line) it read 0 rows and exited 0, as if the file were done
    if (at >= records.length || isBlank(records[at]!)) {
      throw new CliError(2, `${file}: dòng ${options.headerRow} không có tiêu đề (trống hoặc quá cuối phần đầu tệp)`, `${file}: row ${options.headerRow} holds no header (empty, or past the start of the file that is searched)`);
    }
    return at;
  }
  const found = findHeaderRow(records);
  if (found >= 0) return found;
  const first = records.findIndex((r) => !isBlank(r));
  if (first < 0) throw emptyFile(file);
  return first;
}

/** Opens an input file for reading. */
export async function openRows(file: string, options: ReadOptions = {}): Promise<RowSource> {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw ioError(`không đọc được tệp ${file}`, `cannot read ${file}`, e);
  }
  const pipe = pipeRefusal(file);
  if (pipe) throw pipe;
  const sample = readSample(file, HEADER_SAMPLE_BYTES);
  const lower = file.toLowerCase();
  const chunkRows = options.chunkRows ?? 2048;
  // an OLE compound file: an .xls workbook, or an .xlsx saved with a password (Excel encrypts it into one)
  const compound = sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0;
  if ((lower.endsWith('.xls') && !(sample[0] === 0x50 && sample[1] === 0x4b)) || compound) {
    throw new CliError(
      2,
      `${file}: định dạng .xls cũ (hoặc tệp Excel có mật khẩu) không được hỗ trợ; hãy lưu thành .xlsx không mật khẩu hoặc CSV UTF-8`,
      `${file}: the old .xls format (or a password-protected workbook) is not supported; save it as .xlsx without a password or as CSV UTF-8`,
    );
  }
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) return openXlsx(file, size, options, chunkRows);
  const detected = options.encoding ? { encoding: options.encoding, bom: bomLength(sample, options.encoding) } : detectEncoding(sample, file);
  const notices: { vi: string; en: string }[] = [];
  const spellings = new Spellings();
  if (detected.encoding === 'windows1258' || detected.encoding === 'tcvn') {
    const label = detected.encoding === 'tcvn' ? 'TCVN3 (ABC)' : 'Windows-1258';
    notices.push({ vi: `Đọc tệp theo bảng mã ${label}`, en: `Reading the file as ${label}` });
  }
  const text0 = decodeSample(sample, detected.encoding, detected.bom, sample.length === size);
  // an empty file (or one of blanks): not "invalid JSON", and not a file of rejected rows
  if (sample.length === size && text0.trim() === '') throw emptyFile(file);
  const first = text0.trimStart()[0];
  const kind = lower.endsWith('.ndjson') || lower.endsWith('.jsonl') ? 'ndjson' : lower.endsWith('.json') || first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
  let read = 0;
  const bytes = async function* (): AsyncGenerator<string> {
    const decoder = streamDecoder(detected.encoding, file);
    const stream = createReadStream(file, { start: detected.bom, highWaterMark: CHUNK_BYTES });
    try {
      for await (const buf of stream as AsyncIterable<Buffer>) {
        read += buf.length;
        yield decoder.write(buf);
      }
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw ioError(`không đọc được tệp ${file}`, `cannot read ${file}`, e);
    } finally {
      stream.destroy();
    }
    yield decoder.end();
  };
  const base = { file, size, bytesRead: () => read, spellings };
  // an array element by element; anything else no larger than a row whole; a larger object: objects one per line (NDJSON in a file named .json)
  if (kind === 'json' && (first === '[' || size <= MAX_ROW_CHARACTERS)) return { ...base, kind, notices, chunks: () => jsonChunks(file, bytes, options, chunkRows, first === '[', spellings) };
  if (kind === 'json' && first !== '{') {
    throw new CliError(1, `${file}: JSON không hợp lệ: tệp không bắt đầu bằng [ hay {`, `${file}: invalid JSON: the file begins with neither [ nor {`);
  }
  if (kind === 'json' || kind === 'ndjson') return { ...base, kind: 'ndjson', notices, chunks: () => ndjsonChunks(bytes, options, chunkRows, spellings) };

  // CSV: the header is found in the first MiB (its first thousand lines)
  const lines = text0.split(/\r\n|\n|\r/, 1001);
  if (sample.length < size) {
    if (lines.length === 1) {
      throw new CliError(
        1,
        `${file}: dòng đầu dài hơn ${MAX_ROW_CHARACTERS.toLocaleString('vi-VN')} ký tự: không tìm được dòng tiêu đề (tệp có phải bảng CSV không?)`,
        `${file}: the first line is longer than ${MAX_ROW_CHARACTERS.toLocaleString('en')} characters: no header row can be found (is it a CSV table?)`,
      );
    }
    lines.pop();
  }
  const newline: '\r\n' | '\n' | '\r' = text0.includes('\r\n') ? '\r\n' : text0.includes('\n') ? '\n' : text0.includes('\r') ? '\r' : '\n';
  const probe = (delimiter: string) => new Papa.Parser({ delimiter, newline, quoteChar: '"' }).parse(lines.join(newline), 0, false).data as string[][];
  const headerAt = chooseHeader(
    (() => {
      // find the header line with the delimiter that gives it the most known headers
      const candidates = ([',', ';', '\t'] as const).map((d) => probe(d));
      const best = candidates.map((recs) => findHeaderRow(recs)).map((at, i) => ({ at, i, n: at >= 0 ? candidates[i]![at]!.length : 0 }));
      const pick = best.filter((b) => b.at >= 0).sort((a, b) => a.at - b.at || b.n - a.n)[0];
      return candidates[pick?.i ?? 0]!;
    })(),
    options,
    file,
  );
  const headerLine = lines[headerAt.first] ?? '';
  const delimiter = detectDelimiter(headerLine);
  const records = probe(delimiter);
  const rows = headerRows(records, headerAt.first);
  const filePlan = planColumns(rows.header, options.columns, options.scores);
  const plan = withIdsByName(filePlan);
  notices.push(...headerNotices(plan, rows));
  const headerLines = [rows.first + 1, rows.last + 1] as const;
  return { ...base, kind, plan, headerLines, notices, chunks: () => csvChunks(bytes, plan, rows.last, delimiter, newline, chunkRows, spellings, filePlan.header.length) };
}

function bomLength(sample: Uint8Array, encoding: EncodingName): number {
  if (encoding === 'utf8') return sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf16le') return sample[0] === 0xff && sample[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf16be') return sample[0] === 0xfe && sample[1] === 0xff ? 2 : 0;
  return 0;
}

function decodeSample(sample: Uint8Array, encoding: EncodingName, bom: number, whole: boolean): string {
  const body = sample.subarray(bom);
  if (encoding === 'utf8') {
    const d = new TextDecoder('utf-8');
    return whole ? decodeBytes(body, 'utf8') : d.decode(body, { stream: true });
  }
  if ((encoding === 'utf16le' || encoding === 'utf16be') && !whole) return decodeBytes(body.subarray(0, body.length & ~1), encoding);
  return decodeBytes(body, encoding);
}

/**
 * Finds the end of a CSV record from `text[0]`, following quotes: the index after its line break,
 * or −1 when the text ends first (`state.quoted` carries the quoting into the next piece). Each
 * character is looked at once, through `indexOf`.
 */
function recordEnd(text: string, state: { quoted: boolean }, newline: '\r\n' | '\n' | '\r'): number {
  const end = newline === '\r' ? '\r' : '\n';
  let k = 0;
  let quote = -2;
  let lineEnd = -2;
  while (k < text.length) {
    if (quote !== -1 && quote < k) quote = text.indexOf('"', k);
    if (state.quoted) {
      if (quote < 0) return -1;
      state.quoted = false;
      k = quote + 1;
      continue;
    }
    if (lineEnd !== -1 && lineEnd < k) lineEnd = text.indexOf(end, k);
    if (lineEnd >= 0 && (quote < 0 || lineEnd < quote)) return lineEnd + 1;
    if (quote < 0) return -1;
    state.quoted = true;
    k = quote + 1;
  }
  return -1;
}

async function* csvChunks(text: () => AsyncGenerator<string>, plan: ColumnPlan, headerAt: number, delimiter: string, newline: '\r\n' | '\n' | '\r', chunkRows: number, spellings: Spellings, width: number): AsyncGenerator<RowChunk> {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  const acc = new Accountant(plan, spellings, width);
  let record = 0; // records seen, = the next record's 0-based index
  let partial = '';
  // inside a record longer than MAX_ROW_CHARACTERS: looking for its end, keeping none of it
  let skipping: { quoted: boolean } | undefined;
  const take = (data: string[][], errors: Papa.ParseError[]) => {
    const bad = new Map<number, string>();
    for (const e of errors) if (e.row !== undefined && !bad.has(e.row)) bad.set(e.row, e.message);
    for (let i = 0; i < data.length; i++, record++) {
      if (record <= headerAt) continue;
      const why = bad.get(i);
      if (why !== undefined) {
        acc.rejected.push({ line: record + 1, id: '', issues: [rowIssue(`dấu ngoặc kép sai: ${why}`, `malformed quotes: ${why}`)] });
        continue;
      }
      acc.add(data[i]!, record + 1);
    }
  };
  const tooLong = () => {
    acc.rejected.push({ line: record + 1, id: '', issues: [tooLongIssue({ vi: 'dòng', en: 'the row' })] });
    record++;
  };
  for await (const piece of text()) {
    // a record is parsed again with each piece it spans, at most MAX_ROW_CHARACTERS of it: linear in the file
    let input = skipping ? piece : partial + piece;
    partial = '';
    for (;;) {
      if (skipping) {
        const end = recordEnd(input, skipping, newline);
        if (end < 0) break;
        tooLong();
        skipping = undefined;
        input = input.slice(end);
      }
      const r = parser.parse(input, 0, true);
      take(r.data as string[][], r.errors);
      const rest = input.slice(r.meta.cursor);
      if (rest.length > MAX_ROW_CHARACTERS) {
        skipping = { quoted: false };
        input = rest;
        continue;
      }
      partial = rest;
      break;
    }
    if (acc.size >= chunkRows) yield acc.take();
  }
  if (skipping) tooLong();
  else if (partial !== '') {
    const r = parser.parse(partial, 0, false);
    take(r.data as string[][], r.errors);
  }
  yield acc.take();
}

/** A JSON row that is a totals or average row (its id, or its name where it has no id), set aside. */
function totalsRow(row: InputRow): SetAsideRow | undefined {
  const label = row.id !== '' ? (isTotalsLabel(row.id) ? row.id : undefined) : isTotalsLabel(row.meta.name) ? row.meta.name : undefined;
  return label === undefined ? undefined : totalsSetAside(row.line, label);
}

/** The rows of a JSON file read so far: rows to score, rejected rows, rows set aside. */
class JsonRows {
  rows: InputRow[] = [];
  rejected: RowError[] = [];
  setAside: SetAsideRow[] = [];
  blank = 0;
  constructor(private readonly options: ReadOptions, private readonly spellings: Spellings) {}
  /** One JSON row: parsed, bounded in depth, turned into a row, set aside (a totals row) or rejected with its line. */
  add(textOf: string, line: number, invalid: { vi: string; en: string }): void {
    let o: unknown;
    try {
      o = JSON.parse(textOf);
    } catch (e) {
      // the parser's message, which quotes the text, at a bounded length
      const why = quoted((e as Error).message, 120);
      this.rejected.push({ line, id: '', issues: [rowIssue(`${invalid.vi}: ${why}`, `${invalid.en}: ${why}`)] });
      return;
    }
    if (tooDeep(o)) this.rejected.push({ line, id: '', issues: [tooDeepIssue()] });
    else this.value(o, line);
  }
  /** A parsed JSON value as a row, or set aside. */
  value(o: unknown, line: number): void {
    const row = objectRow(o, line, this.options.columns, this.options.scores, this.spellings);
    const totals = totalsRow(row);
    if (totals) return void this.setAside.push(totals);
    // a province named without an id, as in a file without an id column
    const identified = withIdByName(row);
    if ('code' in identified) this.rejected.push({ line, id: '', issues: [identified] });
    else this.rows.push(identified);
  }
  get size(): number {
    return this.rows.length + this.rejected.length + this.blank + this.setAside.length;
  }
  take(): RowChunk {
    const c = { records: [], rows: this.rows, rejected: this.rejected, blank: this.blank, setAside: this.setAside };
    this.rows = [];
    this.rejected = [];
    this.setAside = [];
    this.blank = 0;
    return c;
  }
}

async function* ndjsonChunks(text: () => AsyncGenerator<string>, options: ReadOptions, chunkRows: number, spellings: Spellings): AsyncGenerator<RowChunk> {
  const acc = new JsonRows(options, spellings);
  let line = 0;
  // the line being read: its pieces, until a line break (never re-scanned: linear whatever its length)
  let parts: string[] = [];
  let held = 0;
  let long = false;
  const handle = (l: string) => {
    line++;
    const t = line === 1 ? l.replace(/^\uFEFF/, '').trim() : l.trim();
    if (t === '') {
      acc.blank++;
      return;
    }
    acc.add(t, line, { vi: 'dòng JSON không hợp lệ', en: 'invalid JSON line' });
  };
  const endLine = (tail: string) => {
    if (long || held + tail.length > MAX_ROW_CHARACTERS) {
      line++;
      acc.rejected.push({ line, id: '', issues: [tooLongIssue({ vi: 'dòng JSON', en: 'the JSON line' })] });
    } else handle(parts.length ? parts.join('') + tail : tail);
    parts = [];
    held = 0;
    long = false;
  };
  for await (const piece of text()) {
    let start = 0;
    for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', start)) {
      endLine(piece.slice(start, at));
      start = at + 1;
    }
    if (start < piece.length && !long) {
      held += piece.length - start;
      if (held > MAX_ROW_CHARACTERS) {
        long = true;
        parts = [];
      } else parts.push(piece.slice(start));
    }
    if (acc.size >= chunkRows) yield acc.take();
  }
  // the last line, without a line break after it (blanks alone there are not a row)
  if (long || parts.join('').trim() !== '') endLine('');
  yield acc.take();
}

async function* jsonChunks(file: string, text: () => AsyncGenerator<string>, options: ReadOptions, chunkRows: number, array: boolean, spellings: Spellings): AsyncGenerator<RowChunk> {
  const acc = new JsonRows(options, spellings);
  if (!array) {
    // one object (a file no larger than a row): read whole, as before; objects one per line if it is not one
    let all = '';
    for await (const piece of text()) all += piece;
    let data: unknown;
    try {
      data = JSON.parse(all);
    } catch (e) {
      if (all.trimStart().startsWith('{')) {
        yield* ndjsonChunks(async function* () {
          yield all;
        }, options, chunkRows, spellings);
        return;
      }
      throw new CliError(1, `${file}: JSON không hợp lệ: ${quoted((e as Error).message, 120)}`, `${file}: invalid JSON: ${quoted((e as Error).message, 120)}`);
    }
    if (tooDeep(data)) acc.rejected.push({ line: 1, id: '', issues: [tooDeepIssue()] });
    else acc.value(data, 1);
    yield acc.take();
    return;
  }
  // an array: element by element (its index + 1 is the row's line)
  const what = { vi: 'phần tử JSON', en: 'the JSON element' };
  const splitter = new JsonArraySplitter({ characters: MAX_ROW_CHARACTERS, depth: MAX_JSON_DEPTH }, (e) => {
    const line = e.index + 1;
    if (e.text !== undefined) acc.add(e.text, line, { vi: 'phần tử JSON không hợp lệ', en: 'invalid JSON element' });
    else if (e.problem === 'long') acc.rejected.push({ line, id: '', issues: [tooLongIssue(what)] });
    else if (e.problem === 'deep') acc.rejected.push({ line, id: '', issues: [tooDeepIssue()] });
    else {
      const why = {
        comma: ['thiếu dấu phẩy trước phần tử này', 'a comma is missing before this element'],
        after: ['có chữ sau dấu ] đóng mảng', 'there is text after the closing ] of the array'],
        cut: ['tệp kết thúc trước khi mảng đóng, ở phần tử này (tệp bị cắt?)', 'the file ends before the array closes, at this element (a cut file?)'],
      }[e.problem!];
      acc.rejected.push({ line, id: '', issues: [rowIssue(`JSON không hợp lệ: ${why[0]}`, `invalid JSON: ${why[1]}`)] });
    }
  });
  for await (const piece of text()) {
    try {
      splitter.push(piece);
    } catch (e) {
      throw new CliError(1, `${file}: JSON không hợp lệ: ${quoted((e as Error).message, 120)}`, `${file}: invalid JSON: ${quoted((e as Error).message, 120)}`);
    }
    if (acc.size >= chunkRows) yield acc.take();
  }
  splitter.end();
  yield acc.take();
}

/** Rows of a sheet searched for its header: the first 50 (as `findHeaderRow`), or up to `--header-row`, at most 1,000. */
const HEAD_ROWS = 50;
const MAX_HEAD_ROWS = 1000;

/** The sheet `--sheet` names: by its name, else compared as headers are (no accents, no case), else by its position. */
function namedSheet(sheets: readonly SheetInfo[], wanted: string, file: string): SheetInfo {
  const exact = sheets.filter((s) => s.name === wanted);
  if (exact.length === 1) return exact[0]!;
  const key = headerKey(wanted);
  const alike = sheets.filter((s) => headerKey(s.name) === key);
  if (alike.length === 1) return alike[0]!;
  const list = sheets.map((s) => `"${quoted(s.name, 40)}"`).join(', ');
  if (alike.length > 1) {
    throw new CliError(2, `${file}: --sheet "${quoted(wanted)}" khớp nhiều trang: ${alike.map((s) => `"${quoted(s.name, 40)}"`).join(', ')}; hãy ghi đúng tên`, `${file}: --sheet "${quoted(wanted)}" matches several sheets: ${alike.map((s) => `"${quoted(s.name, 40)}"`).join(', ')}; give the exact name`);
  }
  const position = /^\s*\d{1,4}\s*$/.test(wanted) ? Number(wanted) : 0;
  if (position >= 1 && position <= sheets.length) return sheets[position - 1]!;
  throw new CliError(2, `${file}: không có trang tính "${quoted(wanted)}"; các trang: ${list}`, `${file}: no sheet named "${quoted(wanted)}"; the sheets are: ${list}`);
}

/** A sheet opened for reading: the rows up to `limit` (its head), and the rows already read past it. */
interface SheetStart {
  readonly rows: AsyncGenerator<SheetRow[]>;
  readonly head: SheetRow[];
  readonly rest: SheetRow[];
}

async function startSheet(book: Workbook, sheet: SheetInfo, limit: number, text: (s: string) => string): Promise<SheetStart> {
  const rows = book.rows(sheet, text);
  const head: SheetRow[] = [];
  const rest: SheetRow[] = [];
  while (rest.length === 0) {
    const next = await rows.next();
    if (next.done) break;
    for (const r of next.value) (r.row <= limit ? head : rest).push(r);
  }
  return { rows, head, rest };
}

/** The head's rows as records numbered from row 1 (an empty record for a row the sheet skips). */
function headRecords(head: readonly SheetRow[]): (readonly unknown[])[] {
  const records: (readonly unknown[])[] = [];
  for (const r of head) {
    while (records.length < r.row - 1) records.push([]);
    records.push(r.cells);
  }
  return records;
}

async function openXlsx(file: string, size: number, options: ReadOptions, chunkRows: number): Promise<RowSource> {
  const book = await Workbook.open(file);
  try {
    return await sheetSource(book, file, size, options, chunkRows);
  } catch (e) {
    book.close();
    throw e;
  }
}

async function sheetSource(book: Workbook, file: string, size: number, options: ReadOptions, chunkRows: number): Promise<RowSource> {
  const forced = options.encoding;
  // text typed in a legacy code page: `--encoding tcvn3 | windows-1258`, else detected in the first sheet's head
  let legacy: LegacyEncoding | undefined = forced === 'tcvn' || forced === 'windows1258' ? forced : undefined;
  const text = (s: string) => (legacy ? legacyText(s, legacy) : s);
  const limit = Math.min(MAX_HEAD_ROWS, Math.max(HEAD_ROWS, options.headerRow ?? 0));
  // the visible sheets in order, then the hidden ones (Excel shows the first visible sheet)
  const order = [...book.sheets.filter((s) => s.state === 'visible'), ...book.sheets.filter((s) => s.state !== 'visible')];
  const candidates = options.sheet !== undefined ? [namedSheet(book.sheets, options.sheet, file)] : order;
  const notices: { vi: string; en: string }[] = [];
  const skipped: string[] = [];
  for (const [i, sheet] of candidates.entries()) {
    const start = await startSheet(book, sheet, limit, text);
    if (i === 0 && forced === undefined) {
      legacy = detectLegacyText(start.head.flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string')));
      // the rows read before the code page was known
      if (legacy) for (const r of [...start.head, ...start.rest]) for (let c = 0; c < r.cells.length; c++) if (r.cells[c] !== null) r.cells[c] = legacyText(r.cells[c]!, legacy);
    }
    const records = headRecords(start.head);
    // one sheet to read (named, the workbook's only one, or with --header-row): its header row as a CSV's; else the first sheet with one
    const alone = candidates.length === 1 || options.headerRow !== undefined;
    const headerAt = alone ? chooseHeaderRow(records, options, file) : findHeaderRow(records);
    if (headerAt < 0) {
      await start.rows.return(undefined);
      skipped.push(sheet.name);
      continue;
    }
    if (legacy) notices.push({ vi: `Đọc chữ trong bảng tính theo bảng mã ${ENCODING_LABEL[legacy]}`, en: `Reading the workbook's text as ${ENCODING_LABEL[legacy]}` });
    if (book.sheets.length > 1) {
      const why = skipped.length ? ` (bỏ qua ${skipped.map((s) => `"${quoted(s, 40)}"`).join(', ')}: không có dòng tiêu đề)` : '';
      const whyEn = skipped.length ? ` (skipped ${skipped.map((s) => `"${quoted(s, 40)}"`).join(', ')}: no header row)` : '';
      notices.push({ vi: `Đọc trang tính "${quoted(sheet.name, 40)}"${why}`, en: `Reading the sheet "${quoted(sheet.name, 40)}"${whyEn}` });
    }
    // one header row, or two (merged group cells above the indicator names)
    const rows = headerRows(records, headerAt);
    const filePlan = planColumns(rows.header, options.columns, options.scores);
    const plan = withIdsByName(filePlan);
    notices.push(...headerNotices(plan, rows));
    const spellings = new Spellings();
    let read = 0;
    const headerRow = rows.last + 1;
    return {
      file,
      kind: 'xlsx',
      plan,
      headerLines: [rows.first + 1, headerRow],
      sheet: sheet.name,
      spellings,
      notices,
      size,
      bytesRead: () => (read === size ? size : Math.round(book.progress() * size)),
      chunks: async function* () {
        // the file's own columns (the plan may add an id read from the name, see withIdsByName)
        const width = filePlan.header.length;
        // cells right of the header are set aside below: the reader no longer keeps them
        book.limitColumns(width);
        const acc = new Accountant(plan, spellings, width);
        let previous = headerRow;
        const add = (r: SheetRow) => {
          if (r.row <= previous) return;
          // rows the sheet skips between two rows are blank rows, as Excel shows them
          acc.blank += r.row - previous - 1;
          previous = r.row;
          // a cell right of the last header is set aside like a column with a blank header (a note
          // beside the table); there is no separator to shift the cells, as in a CSV line
          const cells = r.cells;
          if (cells.length > width) cells.length = width;
          while (cells.length < width) cells.push(null);
          acc.add(cells, r.row);
        };
        try {
          for (const r of start.head) add(r);
          for (const r of start.rest) add(r);
          for await (const batch of start.rows) {
            for (const r of batch) add(r);
            if (acc.size >= chunkRows) yield acc.take();
          }
          read = size;
          yield acc.take();
        } finally {
          book.close();
        }
      },
    };
  }
  const list = book.sheets.map((s) => `"${quoted(s.name, 40)}"${s.state === 'visible' ? '' : ' (ẩn / hidden)'}`).join(', ');
  throw new CliError(
    1,
    `${file}: không trang tính nào có dòng tiêu đề với các cột đã biết (Mã, Tên, tên chỉ số …); các trang: ${list}; hãy chọn bằng --sheet TÊN (và --header-row N)`,
    `${file}: no sheet has a header row with known columns (id, name, indicator names …); the sheets: ${list}; choose one with --sheet NAME (and --header-row N)`,
  );
}
