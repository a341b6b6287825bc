/**
 * Reading an input file as a stream of row chunks, with bounded memory: CSV (`,` `;` tab, quoted
 * fields, CRLF) through papaparse's parser fed one decoded megabyte at a time, NDJSON line by line,
 * a JSON array, or the first sheet (or a named one) of an `.xlsx` workbook. Every record after the
 * header is accounted for: as a row to score, a rejected row (with its line and reason), a blank,
 * or a row set aside (a totals or average row, with its line).
 */
import { createReadStream, statSync } from 'node:fs';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import type { ValidationIssue } from '../../errors.js';
import { CliError, ioError } from './cli-error.js';
import { decodeBytes, detectEncoding, readSample, streamDecoder, type EncodingName } from './decode.js';
import { findHeaderRow, headerRows, planColumns, type ColumnPlan, type HeaderRows } from './headers.js';
import { ID_BY_NAME, RecordReader, Spellings, isTotalsLabel, objectRow, totalsSetAside, withIdsByName, type InputRow, type SetAsideRow } from './rows.js';

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
  if (rows && rows.last > rows.first) out.push({ vi: `Tiêu đề gồm hai dòng (${rows.first + 1}–${rows.last + 1}), được ghép thành một`, en: `The header spans two rows (${rows.first + 1}–${rows.last + 1}), read as one` });
  if (plan.header[plan.header.length - 1] === ID_BY_NAME) out.push({ vi: 'Tệp không có cột Mã tỉnh: các tỉnh được nhận theo tên', en: 'The file has no id column (Mã tỉnh): provinces are identified by name' });
  if (plan.ignored.length) out.push({ vi: `Bỏ qua cột ${plan.ignored.join(', ')} (số thứ tự, ghi chú)`, en: `Ignored columns ${plan.ignored.join(', ')} (row numbers, notes)` });
  if (plan.information.length) out.push({ vi: `Cột không dùng để chấm, giữ lại làm thông tin: ${plan.information.join(', ')}`, en: `Columns not used for scoring, kept as information: ${plan.information.join(', ')}` });
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
  const sample = readSample(file);
  const lower = file.toLowerCase();
  const chunkRows = options.chunkRows ?? 2048;
  if (lower.endsWith('.xls') && !(sample[0] === 0x50 && sample[1] === 0x4b)) {
    throw new CliError(2, `${file}: định dạng .xls cũ không được hỗ trợ; hãy lưu thành .xlsx hoặc CSV UTF-8`, `${file}: the old .xls format is not supported; save it as .xlsx or CSV UTF-8`);
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
  if (kind === 'json') return { ...base, kind, notices, chunks: () => jsonChunks(file, bytes, options, chunkRows, spellings) };
  if (kind === 'ndjson') return { ...base, kind, notices, chunks: () => ndjsonChunks(bytes, options, chunkRows, spellings) };

  // CSV: the header is found in the first 64 KiB
  const lines = text0.split(/\r\n|\n|\r/);
  if (sample.length < size) lines.pop();
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

async function* csvChunks(text: () => AsyncGenerator<string>, plan: ColumnPlan, headerAt: number, delimiter: string, newline: '\r\n' | '\n' | '\r', chunkRows: number, spellings: Spellings, width: number): AsyncGenerator<RowChunk> {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  const acc = new Accountant(plan, spellings, width);
  let record = 0; // records seen, = the next record's 0-based index
  let partial = '';
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
  for await (const piece of text()) {
    const input = partial + piece;
    const r = parser.parse(input, 0, true);
    partial = input.slice(r.meta.cursor);
    take(r.data as string[][], r.errors);
    if (acc.size >= chunkRows) yield acc.take();
  }
  if (partial !== '') {
    const r = parser.parse(partial, 0, false);
    take(r.data as string[][], r.errors);
  }
  yield acc.take();
}

async function* ndjsonChunks(text: () => AsyncGenerator<string>, options: ReadOptions, chunkRows: number, spellings: Spellings): AsyncGenerator<RowChunk> {
  let rows: InputRow[] = [];
  let rejected: RowError[] = [];
  let setAside: SetAsideRow[] = [];
  let blank = 0;
  let line = 0;
  let partial = '';
  const handle = (l: string) => {
    line++;
    const t = line === 1 ? l.replace(/^\uFEFF/, '').trim() : l.trim();
    if (t === '') {
      blank++;
      return;
    }
    let o: unknown;
    try {
      o = JSON.parse(t);
    } catch (e) {
      rejected.push({ line, id: '', issues: [rowIssue(`dòng JSON không hợp lệ: ${(e as Error).message}`, `invalid JSON line: ${(e as Error).message}`)] });
      return;
    }
    const row = objectRow(o, line, options.columns, options.scores, spellings);
    const totals = totalsRow(row);
    if (totals) setAside.push(totals);
    else rows.push(row);
  };
  for await (const piece of text()) {
    const input = partial + piece;
    const parts = input.split('\n');
    partial = parts.pop()!;
    for (const l of parts) handle(l);
    if (rows.length + rejected.length + blank + setAside.length >= chunkRows) {
      yield { records: [], rows, rejected, blank, setAside };
      rows = [];
      rejected = [];
      setAside = [];
      blank = 0;
    }
  }
  if (partial.trim() !== '') handle(partial);
  yield { records: [], rows, rejected, blank, setAside };
}

/** A JSON row that is a totals or average row (its id, or its name where it has no id), set aside. */
function totalsRow(row: InputRow): SetAsideRow | undefined {
  const label = row.id !== '' ? (isTotalsLabel(row.id) ? row.id : undefined) : isTotalsLabel(row.meta.name) ? row.meta.name : undefined;
  return label === undefined ? undefined : totalsSetAside(row.line, label);
}

async function* jsonChunks(file: string, text: () => AsyncGenerator<string>, options: ReadOptions, chunkRows: number, spellings: Spellings): AsyncGenerator<RowChunk> {
  let all = '';
  for await (const piece of text()) all += piece;
  let data: unknown;
  try {
    data = JSON.parse(all);
  } catch (e) {
    if (all.trimStart().startsWith('{')) {
      // one object per line in a file named .json
      yield* ndjsonChunks(async function* () {
        yield all;
      }, options, chunkRows, spellings);
      return;
    }
    throw new CliError(1, `${file}: JSON không hợp lệ: ${(e as Error).message}`, `${file}: invalid JSON: ${(e as Error).message}`);
  }
  all = '';
  const list = Array.isArray(data) ? data : [data];
  for (let i = 0; i < list.length; i += chunkRows) {
    const rows: InputRow[] = [];
    const setAside: SetAsideRow[] = [];
    list.slice(i, i + chunkRows).forEach((o, k) => {
      const row = objectRow(o, i + k + 1, options.columns, options.scores, spellings);
      const totals = totalsRow(row);
      if (totals) setAside.push(totals);
      else rows.push(row);
    });
    yield { records: [], rows, rejected: [], blank: 0, setAside };
  }
  if (list.length === 0) yield { records: [], rows: [], rejected: [], blank: 0, setAside: [] };
}

function cellText(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return String(v);
  return v;
}

async function openXlsx(file: string, size: number, options: ReadOptions, chunkRows: number): Promise<RowSource> {
  let data: unknown[][];
  try {
    data = (await readSheet(file, options.sheet ?? 1, { parseNumber: (s: string) => s })) as unknown[][];
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'SheetNotFoundError' || /sheet/i.test((e as Error).message)) {
      throw new CliError(2, `${file}: không có trang tính "${options.sheet}"`, `${file}: no sheet named "${options.sheet}"`);
    }
    throw new CliError(1, `${file}: không đọc được tệp Excel (${(e as Error).message})`, `${file}: cannot read the Excel file (${(e as Error).message})`);
  }
  const records = data.map((r) => r.map(cellText));
  const rows = chooseHeader(records, options, file);
  const filePlan = planColumns(rows.header, options.columns, options.scores);
  const plan = withIdsByName(filePlan);
  const spellings = new Spellings();
  let read = 0;
  return {
    file,
    kind: 'xlsx',
    plan,
    headerLines: [rows.first + 1, rows.last + 1],
    sheet: options.sheet,
    spellings,
    notices: headerNotices(plan, rows),
    size,
    bytesRead: () => read,
    chunks: async function* () {
      const acc = new Accountant(plan, spellings, filePlan.header.length);
      for (let r = rows.last + 1; r < records.length; r++) {
        acc.add(records[r]!, r + 1);
        if (acc.size >= chunkRows) yield acc.take();
      }
      read = size;
      yield acc.take();
    },
  };
}
