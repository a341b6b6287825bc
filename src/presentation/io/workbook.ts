/**
 * Reading an `.xlsx` workbook as a stream, within Excel's own bounds (bundled into dist/cli.js only).
 *
 * The archive is read through its central directory (yauzl), the index that Excel itself reads: a
 * part that only a local header holds is never seen, and a sheet is the one that the workbook's own
 * list (`xl/workbook.xml` and its relationships) names. Only the parts needed are inflated (the
 * workbook, its relationships, the shared strings, the styles and the sheet read); each is parsed
 * as it is inflated by a streaming XML parser (saxes), so that memory holds the shared strings and
 * one row, whatever the size of the file.
 *
 * What Excel cannot hold is refused at once, with the library's bilingual error (exit 1): a cell
 * address or dimension beyond XFD1048576, a cell text longer than 32,767 characters, a part that
 * inflates to more than 100 times its compressed size (past its first MiB), an XML token (text,
 * name, attribute) longer than 1 MiB, nesting deeper than 64 elements, a document type declaration
 * (entity expansion), more than 10,000 parts, two parts of one name, a sheet that the index does
 * not hold. Gaps between cells and rows are never filled: a value in XFD1048576 costs one cell.
 *
 * Chosen by measurement (issue #20; 100,000 DBI rows by write-excel-file, 21 MB, a 175 MB sheet, on
 * the shared 2-core machine at load 3, each reading every row into an array of strings):
 * yauzl + saxes 9.3–11.2 s, 104 MB peak RSS; yauzl + htmlparser2 12.4 s, 105 MB; fflate `unzipSync`
 * + saxen on the whole sheet as one string 9.6 s, 935 MB; exceljs's streaming WorkbookReader 27.9 s,
 * 298 MB (and it reads local headers, not the central directory); read-excel-file (the reader this
 * replaces) 13.4 s, 830 MB. Inflating the sheet alone: Node's zlib (through yauzl) 0.69 s, fflate's
 * `Inflate` 1.8 s. yauzl (MIT) and saxes (ISC) are kept; the script is bench/xlsx-candidates.mjs.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { decimalDigits } from '../../arithmetic/decimal-string.js';
import { EXCEL_LIMITS, columnName } from '../format/excel-limits.js';
import { quoted } from '../format/safety.js';
import { CliError } from './cli-error.js';


/** What a workbook may take beyond Excel's limits, so that a hostile file cannot exhaust memory or time. */
export const WORKBOOK_BOUNDS = {
  /** Parts (zip entries) in the archive. */
  parts: 10_000,
  /** Inflated bytes per compressed byte of a part (Apache POI's zip-bomb rule), past the first `ratioGrace` bytes. */
  ratio: 100,
  ratioGrace: 1 << 20,
  /** Characters of one XML token held while parsing (a text, a name, an attribute value). */
  token: 1 << 20,
  /** Nesting of XML elements. */
  depth: 64,
} as const;

/** A sheet as the workbook lists it. */
export interface SheetInfo {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The part that holds it (`xl/worksheets/sheet1.xml`). */
  readonly part: string;
}

/** One row of a sheet: its number (1-based) and its cells from column A, `null` for an empty cell. */
export interface SheetRow {
  readonly row: number;
  readonly cells: (string | null)[];
}

/** A workbook problem: exit 1 (the file's content cannot be read as rows), naming the file. */
function refuse(file: string, vi: string, en: string): CliError {
  return new CliError(1, `${file}: tệp Excel không đọc được: ${vi}`, `${file}: the Excel file cannot be read: ${en}`);
}

/** `A1` → column and row (1-based), or undefined for an address that is not one. */
function parseAddress(ref: string): { col: number; row: number } | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    // more letters than XFD has cannot be a column: stop before the number grows without bound
    if (i >= 4) return { col: Infinity, row: 0 };
    col = col * 26 + c - 64;
  }
  if (i === 0 || i === ref.length || ref.charCodeAt(i) === 48) return undefined;
  let row = 0;
  for (let k = i; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 48 || c > 57) return undefined;
    row = k - i >= 8 ? Infinity : row * 10 + c - 48;
  }
  return { col, row };
}

/** A row attribute (`r="12"`) as a number, or undefined. */
function parseRowNumber(r: string): number | undefined {
  if (!/^[1-9]\d*$/.test(r)) return undefined;
  return r.length > 8 ? Infinity : Number(r);
}

/**
 * A numeric cell's stored double as Excel shows and computes with it: rounded to 15 significant
 * digits (`68.59999999999999` is 68.6, a formula's cached `200.00000000000003` is 200), written as
 * a plain decimal (no exponent). Undefined for text that is not a number.
 *
 * @example
 * ```ts
 * excelNumber('68.59999999999999'); // '68.6'
 * excelNumber('1E-7'); // '0.0000001'
 * ```
 */
export function excelNumber(text: string): string | undefined {
  // most cells: a short integer or decimal, already as Excel shows it (15 digits or fewer round-trip)
  if (shownAsIs(text)) return text;
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const x = Number(t);
  if (!Number.isFinite(x)) return undefined;
  if (x === 0) return '0';
  const d = decimalDigits(x.toPrecision(15))!;
  return `${d.sign < 0 ? '-' : ''}${d.int || '0'}${d.frac ? `.${d.frac}` : ''}`;
}

/** `-?digits[.digits]` with at most 15 digits, no leading or trailing zero to drop, not `-0`. */
function shownAsIs(t: string): boolean {
  const n = t.length;
  if (n === 0 || n > 17) return false;
  const start = t.charCodeAt(0) === 45 ? 1 : 0;
  if (start === n) return false;
  let digits = 0;
  let dot = -1;
  let nonZero = false;
  for (let k = start; k < n; k++) {
    const c = t.charCodeAt(k);
    if (c === 46) {
      if (dot >= 0) return false;
      dot = k;
    } else if (c >= 48 && c <= 57) {
      digits++;
      if (c !== 48) nonZero = true;
    } else return false;
  }
  if (digits > 15 || dot === start || dot === n - 1) return false;
  // a leading zero other than `0.x`, a trailing zero after the point, a negative zero
  if (t.charCodeAt(start) === 48 && n > start + 1 && t.charCodeAt(start + 1) !== 46) return false;
  if (dot >= 0 && t.charCodeAt(n - 1) === 48) return false;
  return nonZero || start === 0;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date serial as Excel shows it, `YYYY-MM-DD` (with ` hh:mm:ss` when it has a time of day): the
 * 1900 system counts 1900-02-29, which never was (Lotus 1-2-3's leap year), the 1904 system
 * counts from 1904-01-01. Serials before the first day are left as numbers.
 */
export function excelDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2_958_466) return undefined;
  let day = Math.floor(serial);
  let seconds = Math.round((serial - day) * 86_400);
  if (seconds >= 86_400) {
    day++;
    seconds -= 86_400;
  }
  if (!date1904 && day === 60) return '1900-02-29' + (seconds ? ` ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}` : '');
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + day * 86_400_000);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return seconds ? `${date} ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}` : date;
}

/** Built-in number formats that show dates (ECMA-376 18.8.30, and the East Asian date formats). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom number format shows a date: a day or year token outside quotes, escapes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare);
}

/** OOXML's escape of a character XML cannot hold (`_x000D_`), decoded. */
function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** An attribute by local name (`r:id`, `ns1:id`), own keys only. */
function attribute(tag: SaxesTagPlain, local: string, prefixed = false): string | undefined {
  const attributes = tag.attributes;
  if (!prefixed) return Object.hasOwn(attributes, local) ? attributes[local] : undefined;
  for (const name of Object.keys(attributes)) if (name.includes(':') && localName(name) === local) return attributes[name];
  return undefined;
}

/** The relationships part of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, relative to the part that names it. */
function resolveTarget(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/**
 * The shared strings, packed: their UTF-8 bytes in 1 MiB blocks and each one's place, so that a
 * million distinct names take their bytes (about 20 MB), not a million string objects (about 100 MB,
 * and as many for the collector to trace). A string is decoded when a cell asks for it.
 */
class SharedStrings {
  private static readonly BLOCK = 1 << 20;
  private blocks: Buffer[] = [];
  private used = SharedStrings.BLOCK;
  private starts = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  size = 0;

  add(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > SharedStrings.BLOCK) {
      // a string never spans two blocks (one is at most 32,767 characters, under 100 KB)
      this.blocks.push(Buffer.allocUnsafe(Math.max(SharedStrings.BLOCK, bytes)));
      this.used = 0;
    }
    const block = this.blocks.length - 1;
    this.blocks[block]!.write(text, this.used, 'utf8');
    if (this.size === this.starts.length) {
      const starts = new Float64Array(this.size * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Uint32Array(this.size * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.starts[this.size] = block * SharedStrings.BLOCK + this.used;
    this.lengths[this.size] = bytes;
    this.size++;
    this.used += bytes;
  }

  get(i: number): string {
    const start = this.starts[i]!;
    const block = Math.floor(start / SharedStrings.BLOCK);
    const at = start - block * SharedStrings.BLOCK;
    return this.blocks[block]!.toString('utf8', at, at + this.lengths[i]!);
  }
}

interface XmlHandlers {
  open(name: string, tag: SaxesTagPlain, depth: number): void;
  close(name: string, depth: number): void;
  text?(text: string): void;
}

/** An opened workbook: its sheets, read row by row on demand. */
export class Workbook {
  private sharedStrings = new SharedStrings();
  private dateStyles: boolean[] = [];
  private date1904 = false;
  private sheetList: SheetInfo[] = [];
  private inflated = 0;
  private inflatedTotal = 1;
  private columnLimit: number = EXCEL_LIMITS.columns;

  private constructor(
    readonly file: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  /** The sheets in the workbook's order. */
  get sheets(): readonly SheetInfo[] {
    return this.sheetList;
  }

  /**
   * Keeps no cell right of column `n` in the rows read from now on (the reader of a sheet whose
   * header is `n` columns wide sets them aside anyway): a row whose one value sits in XFD is then
   * not 16,384 cells, and a 1 MB sheet of 200,000 such rows no longer takes minutes and gigabytes.
   */
  limitColumns(n: number): void {
    this.columnLimit = Math.max(1, Math.min(EXCEL_LIMITS.columns, n));
  }

  /** The share of the sheet being read that has been inflated (0–1), for progress. */
  progress(): number {
    return Math.min(1, this.inflated / this.inflatedTotal);
  }

  /**
   * Opens a workbook: its index, its list of sheets, its shared strings and date styles.
   *
   * @throws {@link CliError} exit 1 for a file that is not a readable workbook or beyond the bounds
   *   above; exit 2 when the file cannot be opened.
   */
  static async open(file: string): Promise<Workbook> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (e, z) => (e ? reject(e) : resolve(z))),
    ).catch((e: unknown) => {
      throw refuse(file, `không phải tệp .xlsx hợp lệ (${quoted(String((e as Error).message))})`, `not a valid .xlsx archive (${quoted(String((e as Error).message))})`);
    });
    try {
      const entries = await Workbook.index(file, zip);
      const book = new Workbook(file, zip, entries);
      await book.readStructure();
      return book;
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  /** The central directory: part name (case-insensitive, as OPC compares them) → entry. */
  private static index(file: string, zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
    return new Promise((resolve, reject) => {
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.size >= WORKBOOK_BOUNDS.parts) {
          reject(refuse(file, `có hơn ${WORKBOOK_BOUNDS.parts.toLocaleString('vi-VN')} phần`, `it has more than ${WORKBOOK_BOUNDS.parts.toLocaleString('en')} parts`));
          return;
        }
        const name = entry.fileName.toLowerCase();
        if (entries.has(name)) {
          reject(refuse(file, `mục lục của tệp nén ghi phần ${quoted(entry.fileName)} hai lần`, `the archive's index lists the part ${quoted(entry.fileName)} twice`));
          return;
        }
        entries.set(name, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', (e: Error) => reject(refuse(file, `tệp nén hỏng (${quoted(e.message)})`, `a damaged archive (${quoted(e.message)})`)));
      zip.readEntry();
    });
  }

  private entry(part: string): yauzl.Entry | undefined {
    return this.entries.get(part.toLowerCase());
  }

  /** The inflated text of a part, piece by piece (UTF-8), within the ratio bound. */
  private async *text(part: string, entry: yauzl.Entry): AsyncGenerator<string> {
    const file = this.file;
    if (entry.isEncrypted()) throw refuse(file, `phần ${quoted(part)} được mã hoá`, `the part ${quoted(part)} is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw refuse(file, `phần ${quoted(part)} nén theo cách không hỗ trợ (${entry.compressionMethod})`, `the part ${quoted(part)} uses an unsupported compression method (${entry.compressionMethod})`);
    }
    // the sizes are the index's; yauzl stops a part that inflates beyond its stated size
    if (entry.uncompressedSize > WORKBOOK_BOUNDS.ratioGrace && entry.uncompressedSize > WORKBOOK_BOUNDS.ratio * Math.max(1, entry.compressedSize)) {
      throw refuse(
        file,
        `phần ${quoted(part)} giải nén từ ${entry.compressedSize.toLocaleString('vi-VN')} thành ${entry.uncompressedSize.toLocaleString('vi-VN')} byte, quá ${WORKBOOK_BOUNDS.ratio} lần (bom nén)`,
        `the part ${quoted(part)} inflates from ${entry.compressedSize.toLocaleString('en')} to ${entry.uncompressedSize.toLocaleString('en')} bytes, more than ${WORKBOOK_BOUNDS.ratio} times (a decompression bomb)`,
      );
    }
    let raw: Readable;
    try {
      raw = await new Promise<Readable>((resolve, reject) => this.zip.openReadStream(entry, { decodeFileData: false }, (e, s) => (e ? reject(e) : resolve(s))));
    } catch (e) {
      throw refuse(file, `không mở được phần ${quoted(part)} (${quoted((e as Error).message)})`, `cannot open the part ${quoted(part)} (${quoted((e as Error).message)})`);
    }
    // inflated here in pieces of 256 KiB (yauzl's own inflating gives 16 KiB pieces, each a turn of the event loop)
    const stream: Readable = entry.compressionMethod === 8 ? pipeline(raw, createInflateRaw({ chunkSize: 1 << 18 }), () => {}) : raw;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const declared = entry.uncompressedSize;
    this.inflated = 0;
    this.inflatedTotal = Math.max(1, declared);
    const damaged = (why: string) => refuse(file, `phần ${quoted(part)} hỏng (${quoted(why)})`, `the part ${quoted(part)} is damaged (${quoted(why)})`);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        // the index's size bounds the part: never more than it says (the ratio was checked on it)
        if (this.inflated > declared) throw damaged(`it inflates beyond the ${declared.toLocaleString('en')} bytes its index states`);
        yield decoder.decode(chunk, { stream: true });
      }
      if (this.inflated !== declared) throw damaged(`it inflates to ${this.inflated.toLocaleString('en')} bytes, not the ${declared.toLocaleString('en')} its index states`);
      yield decoder.decode();
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw damaged((e as Error).message);
    } finally {
      stream.destroy();
      raw.destroy();
    }
  }

  /** A streaming XML parser for one part, with the nesting, token and document-type bounds. */
  private parser(part: string, h: XmlHandlers): { write(text: string): void; close(): void } {
    const file = this.file;
    const p = new SaxesParser({ position: false });
    let depth = 0;
    p.on('doctype', () => {
      throw refuse(file, `phần ${quoted(part)} có khai báo DOCTYPE (Excel không bao giờ ghi; có thể là bom thực thể XML)`, `the part ${quoted(part)} has a DOCTYPE declaration (Excel never writes one; it can be an XML entity bomb)`);
    });
    p.on('opentag', (tag) => {
      if (++depth > WORKBOOK_BOUNDS.depth) throw refuse(file, `phần ${quoted(part)} lồng sâu quá ${WORKBOOK_BOUNDS.depth} cấp`, `the part ${quoted(part)} nests deeper than ${WORKBOOK_BOUNDS.depth} levels`);
      h.open(localName(tag.name), tag as SaxesTagPlain, depth);
    });
    p.on('closetag', (tag) => {
      h.close(localName(tag.name), depth);
      depth--;
    });
    if (h.text) p.on('text', h.text);
    // what saxes holds between two events: a text, a name, an entity, the attributes of a tag
    const held = p as unknown as { text?: string; name?: string; entity?: string; attribList?: unknown[] };
    const check = () => {
      if ((held.text?.length ?? 0) > WORKBOOK_BOUNDS.token || (held.name?.length ?? 0) > WORKBOOK_BOUNDS.token || (held.entity?.length ?? 0) > WORKBOOK_BOUNDS.token || (held.attribList?.length ?? 0) > WORKBOOK_BOUNDS.token / 16) {
        throw refuse(file, `phần ${quoted(part)} có một đoạn XML dài hơn ${WORKBOOK_BOUNDS.token.toLocaleString('vi-VN')} ký tự`, `the part ${quoted(part)} has an XML token longer than ${WORKBOOK_BOUNDS.token.toLocaleString('en')} characters`);
      }
    };
    const wrap = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof CliError) throw e;
        throw refuse(file, `XML của phần ${quoted(part)} không hợp lệ (${quoted((e as Error).message, 120)})`, `the XML of the part ${quoted(part)} is not well-formed (${quoted((e as Error).message, 120)})`);
      }
    };
    return {
      write: (text) =>
        wrap(() => {
          // pieces of at most 64 Ki characters, so that what saxes holds is checked before it grows far
          for (let i = 0; i < text.length; i += 1 << 16) {
            p.write(text.length <= 1 << 16 ? text : text.slice(i, i + (1 << 16)));
            check();
          }
        }),
      close: () => wrap(() => p.close()),
    };
  }

  /** Parses a whole (small) part. */
  private async parsePart(part: string, h: XmlHandlers): Promise<void> {
    const entry = this.entry(part);
    if (!entry) return;
    const p = this.parser(part, h);
    for await (const text of this.text(part, entry)) p.write(text);
    p.close();
  }

  /** Relationships of a part: id → target part (internal targets only), and type. */
  private async relationships(part: string): Promise<Map<string, { target: string; type: string }>> {
    const rels = new Map<string, { target: string; type: string }>();
    await this.parsePart(relsOf(part), {
      open: (name, tag) => {
        if (name !== 'Relationship' || attribute(tag, 'TargetMode') === 'External') return;
        const id = attribute(tag, 'Id');
        const target = attribute(tag, 'Target');
        if (id !== undefined && target !== undefined) rels.set(id, { target: resolveTarget(part, target), type: attribute(tag, 'Type') ?? '' });
      },
      close: () => {},
    });
    return rels;
  }

  private async readStructure(): Promise<void> {
    const file = this.file;
    const root = await this.relationships('');
    const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
    const workbookPart = office?.target ?? 'xl/workbook.xml';
    if (!this.entry(workbookPart)) throw refuse(file, `không có phần sổ tính ${quoted(workbookPart)}`, `it has no workbook part ${quoted(workbookPart)}`);
    const listed: { name: string; state: SheetInfo['state']; id: string | undefined }[] = [];
    await this.parsePart(workbookPart, {
      open: (name, tag) => {
        if (name === 'workbookPr') this.date1904 = ['1', 'true'].includes(attribute(tag, 'date1904') ?? '');
        else if (name === 'sheet') {
          const state = attribute(tag, 'state');
          listed.push({ name: attribute(tag, 'name') ?? '', state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', id: attribute(tag, 'id', true) });
        }
      },
      close: () => {},
    });
    const rels = await this.relationships(workbookPart);
    this.sheetList = listed.map((s) => {
      const rel = s.id === undefined ? undefined : rels.get(s.id);
      if (!rel) throw refuse(file, `trang tính ${quoted(s.name)} không trỏ tới phần nào`, `the sheet ${quoted(s.name)} points to no part`);
      return { name: s.name, state: s.state, part: rel.target };
    });
    if (this.sheetList.length === 0) throw refuse(file, 'sổ tính không có trang tính nào', 'the workbook has no sheet');
    const strings = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
    if (strings) await this.readSharedStrings(strings.target);
    const styles = [...rels.values()].find((r) => r.type.endsWith('/styles'));
    if (styles) await this.readStyles(styles.target);
  }

  /** The shared strings: each `<si>`'s text runs, without phonetic runs (`<rPh>`). */
  private async readSharedStrings(part: string): Promise<void> {
    const file = this.file;
    const out = new SharedStrings();
    let text = '';
    let inT = false;
    let phonetic = 0;
    await this.parsePart(part, {
      open: (name) => {
        if (name === 'si') text = '';
        else if (name === 't') inT = true;
        else if (name === 'rPh') phonetic++;
      },
      close: (name) => {
        if (name === 't') inT = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          out.add(unescapeOoxml(text));
          text = '';
        }
      },
      text: (t) => {
        if (!inT || phonetic > 0) return;
        text += t;
        if (text.length > EXCEL_LIMITS.cellCharacters) {
          throw refuse(file, `chuỗi dùng chung số ${out.size} dài hơn ${EXCEL_LIMITS.cellCharacters.toLocaleString('vi-VN')} ký tự, giới hạn của Excel`, `shared string ${out.size} is longer than Excel's ${EXCEL_LIMITS.cellCharacters.toLocaleString('en')} characters`);
        }
      },
    });
    this.sharedStrings = out;
  }

  /** Which cell styles (`s`) show dates: their number format is a date format. */
  private async readStyles(part: string): Promise<void> {
    const dateFormats = new Set<number>(DATE_FORMAT_IDS);
    const xfs: boolean[] = [];
    let inCellXfs = false;
    await this.parsePart(part, {
      open: (name, tag) => {
        if (name === 'numFmt') {
          const id = Number(attribute(tag, 'numFmtId'));
          if (Number.isInteger(id)) {
            if (isDateFormat(attribute(tag, 'formatCode') ?? '')) dateFormats.add(id);
            else dateFormats.delete(id);
          }
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(dateFormats.has(Number(attribute(tag, 'numFmtId') ?? 0)));
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
    this.dateStyles = xfs;
  }

  /**
   * The rows of a sheet, streamed: batches of rows (those completed by each inflated piece). Empty
   * rows between rows are not produced (their numbers are skipped); a row's cells run from column A
   * to its last non-empty cell. `text` re-reads string cells (a legacy code page, see decode.ts).
   */
  async *rows(sheet: SheetInfo, text: (s: string) => string = (s) => s): AsyncGenerator<SheetRow[]> {
    const file = this.file;
    const entry = this.entry(sheet.part);
    if (!entry) {
      throw refuse(
        file,
        `sổ tính ghi trang ${quoted(sheet.name)} ở phần ${quoted(sheet.part)}, nhưng mục lục của tệp nén không có phần đó (tệp hỏng hoặc bị sửa)`,
        `the workbook lists the sheet ${quoted(sheet.name)} at ${quoted(sheet.part)}, which the archive's index does not hold (a damaged or altered file)`,
      );
    }
    // its column limit is read per cell: the source sets it once the header is known, while the rows stream
    const book = this;
    const strings = this.sharedStrings;
    const dates = this.dateStyles;
    const date1904 = this.date1904;
    const WHAT = { cell: ['ô', 'the cell'], row: ['dòng', 'the row'], dimension: ['kích thước trang', 'the sheet dimension'] } as const;
    const beyond = (what: keyof typeof WHAT, ref: string) =>
      refuse(file, `${WHAT[what][0]} ${quoted(ref, 40)} vượt giới hạn của Excel (cột cuối XFD, dòng cuối ${EXCEL_LIMITS.rows.toLocaleString('vi-VN')})`, `${WHAT[what][1]} ${quoted(ref, 40)} is beyond Excel's limits (last column XFD, last row ${EXCEL_LIMITS.rows.toLocaleString('en')})`);
    const ready: SheetRow[] = [];
    let inData = false;
    let rowNumber = 0;
    let rowText = '0';
    let cells: (string | null)[] = [];
    let col = 0;
    // the cell being read
    let type = 'n';
    let style = 0;
    let value = '';
    let hasValue = false;
    let collecting = false;
    let inInline = false;
    let phonetic = 0;
    const cellValue = (): string | null => {
      if (!hasValue) return null;
      switch (type) {
        case 's': {
          const i = /^\s*\d{1,10}\s*$/.test(value) ? Number(value) : -1;
          if (i < 0 || i >= strings.size) {
            const ref = columnName(col) + rowNumber;
            throw refuse(file, `ô ${ref} trỏ tới chuỗi dùng chung ${quoted(value, 20)} mà sổ tính không có (chỉ có ${strings.size})`, `the cell ${ref} refers to shared string ${quoted(value, 20)}, which the workbook does not have (it has ${strings.size})`);
          }
          return text(strings.get(i));
        }
        case 'inlineStr':
        case 'str':
          return text(unescapeOoxml(value));
        case 'b':
          return value.trim() === '1' ? 'true' : value.trim() === '0' ? 'false' : value;
        case 'e':
          return value;
        case 'd':
          return /^\d{4}-\d\d-\d\d/.test(value) ? value.slice(0, 10) : value;
        default: {
          const n = excelNumber(value);
          if (n === undefined) return value.trim() === '' ? null : value;
          if (dates[style]) return excelDate(Number(n), date1904) ?? n;
          return n;
        }
      }
    };
    const p = this.parser(sheet.part, {
      open: (name, tag) => {
        if (name === 'c') {
          if (!inData || rowNumber === 0) return;
          // r, t and s are not names Object.prototype has: read directly (a hot path, a cell at a time)
          const attributes = tag.attributes;
          const ref = attributes.r;
          // the usual address: up to three letters, then this row's number (no object made for it)
          const letters = ref === undefined ? 0 : ref.length - rowText.length;
          let fast = 0;
          if (letters >= 1 && letters <= 3 && ref!.endsWith(rowText)) {
            for (let i = 0; i < letters; i++) {
              const c = ref!.charCodeAt(i);
              if (c < 65 || c > 90) {
                fast = 0;
                break;
              }
              fast = fast * 26 + c - 64;
            }
          }
          if (fast > col && fast <= EXCEL_LIMITS.columns) col = fast;
          else if (ref !== undefined) {
            const at = parseAddress(ref);
            if (!at) throw refuse(file, `địa chỉ ô ${quoted(ref, 40)} không hợp lệ`, `the cell address ${quoted(ref, 40)} is not one`);
            if (at.col > EXCEL_LIMITS.columns || at.row > EXCEL_LIMITS.rows) throw beyond('cell', ref);
            if (at.row !== rowNumber) throw refuse(file, `ô ${quoted(ref, 40)} nằm trong dòng ${rowNumber}`, `the cell ${quoted(ref, 40)} is inside row ${rowNumber}`);
            if (at.col <= col) throw refuse(file, `ô ${quoted(ref, 40)} không theo thứ tự cột`, `the cell ${quoted(ref, 40)} is out of column order`);
            col = at.col;
          } else if (++col > EXCEL_LIMITS.columns) throw beyond('cell', columnName(col) + rowNumber);
          type = attributes.t ?? 'n';
          const s = attributes.s;
          style = s === undefined ? 0 : Number(s);
          value = '';
          hasValue = false;
          inInline = false;
          phonetic = 0;
        } else if (name === 'v') {
          collecting = true;
          hasValue = true;
        } else if (name === 't') {
          if (inInline && phonetic === 0) {
            collecting = true;
            hasValue = true;
          }
        } else if (name === 'is') inInline = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 'row') {
          if (!inData) return;
          const r = attribute(tag, 'r');
          const n = r === undefined ? rowNumber + 1 : parseRowNumber(r);
          if (n === undefined) throw refuse(file, `số dòng ${quoted(r!, 40)} không hợp lệ`, `the row number ${quoted(r!, 40)} is not one`);
          if (n > EXCEL_LIMITS.rows) throw beyond('row', r ?? String(n));
          if (n <= rowNumber) throw refuse(file, `dòng ${n} đứng sau dòng ${rowNumber}`, `row ${n} comes after row ${rowNumber}`);
          rowNumber = n;
          rowText = String(n);
          cells = [];
          col = 0;
        } else if (name === 'sheetData') inData = true;
        else if (name === 'dimension') {
          const ref = attribute(tag, 'ref') ?? '';
          for (const corner of ref.split(':')) {
            const at = parseAddress(corner);
            if (!at) throw refuse(file, `kích thước trang ${quoted(ref, 40)} không hợp lệ`, `the sheet dimension ${quoted(ref, 40)} is not one`);
            if (at.col > EXCEL_LIMITS.columns || at.row > EXCEL_LIMITS.rows) throw beyond('dimension', ref);
          }
        }
      },
      close: (name) => {
        if (name === 'v' || name === 't') collecting = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'is') inInline = false;
        else if (name === 'c') {
          if (!inData || rowNumber === 0 || col > book.columnLimit) return;
          const v = cellValue();
          if (v !== null) {
            while (cells.length < col - 1) cells.push(null);
            cells.push(v);
          }
        } else if (name === 'row') {
          if (inData) ready.push({ row: rowNumber, cells });
          cells = [];
        } else if (name === 'sheetData') inData = false;
      },
      text: (t) => {
        if (!collecting) return;
        value += t;
        if (value.length > EXCEL_LIMITS.cellCharacters) {
          throw refuse(file, `ô ${columnName(col)}${rowNumber} dài hơn ${EXCEL_LIMITS.cellCharacters.toLocaleString('vi-VN')} ký tự, giới hạn của Excel`, `the cell ${columnName(col)}${rowNumber} is longer than Excel's ${EXCEL_LIMITS.cellCharacters.toLocaleString('en')} characters`);
        }
      },
    });
    for await (const piece of this.text(sheet.part, entry)) {
      // rows are handed on every 16 Ki characters, not every inflated piece (256 KiB): the head of a
      // sheet is read before its header's width is known (see limitColumns), and a piece of rows
      // whose one value sits in XFD held thousands of rows of 16,384 cells each
      for (let i = 0; i < piece.length; i += 1 << 14) {
        p.write(piece.length <= 1 << 14 ? piece : piece.slice(i, i + (1 << 14)));
        if (ready.length) yield ready.splice(0);
      }
    }
    p.close();
    if (ready.length) yield ready.splice(0);
  }

  /** Releases the file. */
  close(): void {
    this.zip.close();
  }
}
