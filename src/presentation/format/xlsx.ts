/**
 * Writing a real `.xlsx` workbook for the command line, as a stream (yazl, bundled into dist/cli.js;
 * never imported by the library entry, whose runtime dependencies stay zod and decimal.js).
 *
 * Sheet 1 (`Kết quả` / `Results`): the header row in bold and frozen, numbers as numbers (0–1
 * values shown with 4 decimals; Excel shows the decimal mark of the reader's locale), text cells
 * neutralised against formula injection, column widths fitted to the header and the first rows;
 * below the data, after one empty row, a status line (framework, decision, status). Sheet 2
 * (`Nguồn - Sources`): the whole provenance: frameworks, status, assumptions in force, sources,
 * and each row's data source. (Excel forbids `/` in sheet names, hence the dash.)
 *
 * Rows are written as they come (inline strings, no shared-string table to hold): a million rows
 * take the memory of one chunk. A sheet holds at most Excel's 1,048,576 rows; the rows after them
 * go on in `Kết quả (2)`, `Kết quả (3)` … each with the header row again (and so for the sources).
 *
 * yazl (MIT; Node's zlib) was measured against fflate's `Zip` for the same sheet XML (300,000 rows
 * of 20 cells, on the shared 2-core machine): yazl 11.7 s at level 6 and 6.2 s at level 1 (27.0 MB
 * against 26.7 MB), fflate 26.2 s and 16.3 s. Level 1 is used: the same size within 2 %, in half the time.
 */
import { PassThrough } from 'node:stream';
import yazl from 'yazl';
import { CliError } from '../io/cli-error.js';
import type { Cell } from './table.js';
import { validateTable } from './csv.js';
import { EXCEL_LIMITS, columnName } from './excel-limits.js';
import type { Lang } from './locale.js';
import { provenanceHeadline, provenanceLines, sourceCell, type Provenance } from './provenance.js';
import { spreadsheetCell } from './safety.js';

/** Sheet names: the data sheet per language, and the provenance sheet. */
export const XLSX_SHEETS = { data: { vi: 'Kết quả', en: 'Results' }, sources: 'Nguồn - Sources' } as const;

/** What {@link toXlsx} writes. */
export interface XlsxTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly provenance?: Provenance;
  /** Fixed decimals per column (number format `0.0000` for 4). */
  readonly decimals?: readonly (number | undefined)[];
}

/** Sheets of one series (`Kết quả`, `Kết quả (2)` …) at most; past them the workbook is refused. */
export const MAX_SHEETS_PER_SERIES = 100;

const COMPRESSION_LEVEL = 1;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles (indices into `cellXfs` of styles.xml). */
const STYLE = { plain: 0, header: 1, italic: 2, bold: 3 } as const;
/** Number formats `0.0` … `0.0000000000`: style 3 + decimals. */
const MAX_DECIMALS = 10;
/** A text style's twin with the quote prefix (`quotePrefix="1"`), after the number formats. */
const QUOTED = 4 + MAX_DECIMALS;

function stylesXml(): string {
  const formats = Array.from({ length: MAX_DECIMALS }, (_, i) => `<numFmt numFmtId="${164 + i}" formatCode="0.${'0'.repeat(i + 1)}"/>`).join('');
  const font = (style: string) => `<font>${style}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  const xf = (attrs: string, inner = '') => `<xf ${attrs} borderId="0" xfId="0"${inner ? `>${inner}</xf>` : '/>'}`;
  const xfs = [
    xf('numFmtId="0" fontId="0" fillId="0"'),
    xf('numFmtId="0" fontId="1" fillId="2" applyFont="1" applyFill="1" applyAlignment="1"', '<alignment wrapText="1" vertical="top"/>'),
    xf('numFmtId="0" fontId="2" fillId="0" applyFont="1"'),
    xf('numFmtId="0" fontId="1" fillId="0" applyFont="1"'),
    ...Array.from({ length: MAX_DECIMALS }, (_, i) => xf(`numFmtId="${164 + i}" fontId="0" fillId="0" applyNumberFormat="1"`)),
    // QUOTED: the four text styles again with Excel's quote prefix (a text that looks like a formula)
    xf('numFmtId="0" fontId="0" fillId="0" quotePrefix="1"'),
    xf('numFmtId="0" fontId="1" fillId="2" applyFont="1" applyFill="1" applyAlignment="1" quotePrefix="1"', '<alignment wrapText="1" vertical="top"/>'),
    xf('numFmtId="0" fontId="2" fillId="0" applyFont="1" quotePrefix="1"'),
    xf('numFmtId="0" fontId="1" fillId="0" applyFont="1" quotePrefix="1"'),
  ];
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="${MAX_DECIMALS}">${formats}</numFmts>` +
    `<fonts count="3">${font('')}${font('<b/>')}${font('<i/>')}</fonts>` +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/** Characters XML 1.0 cannot hold (after spreadsheetCell has removed the controls): lone surrogates, U+FFFE, U+FFFF. */
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A text cell's XML: an inline string (never a formula), within Excel's 32,767 characters, whitespace
 * kept; a text that looks like a formula takes its style's quote-prefix twin, so that it shows as
 * written (no `'` in the cell, which a CSV needs) and stays text when the cell is edited.
 */
function textCell(ref: string, text: string, style: number): string {
  const cell = spreadsheetCell(text);
  if (cell.formulaLike) style = QUOTED + style;
  let t = cell.text.replace(NOT_XML, '');
  if (t.length > EXCEL_LIMITS.cellCharacters) t = `${t.slice(0, EXCEL_LIMITS.cellCharacters - 1)}…`;
  const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${space}>${escapeXml(t)}</t></is></c>`;
}

function numberCell(ref: string, n: number, style: number): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${n}</v></c>`;
}

function textWidth(s: string): number {
  return [...s.normalize('NFC')].length;
}

/** A run of sheets (`Kết quả`, `Kết quả (2)` …): rows are added, and a new sheet begins at Excel's last row. */
interface Series {
  readonly name: string;
  /** The header row repeated at the top of each sheet of the series, frozen. */
  readonly header?: readonly string[];
  readonly widths: readonly number[];
  readonly decimals: readonly (number | undefined)[];
  /** Sheets begun, and rows on the current one. */
  sheets: number;
  rowsOnSheet: number;
  stream?: PassThrough;
}

/**
 * A workbook written as a stream: `start` the data sheets with their header, `rows` as they come,
 * then `end` with the provenance (the status line and the sources sheet). The bytes go to `write`
 * as they are deflated; `end` resolves once the last byte is written.
 */
export class XlsxStream {
  private readonly zip = new yazl.ZipFile();
  private readonly finished: Promise<void>;
  private readonly parts: { name: string; part: string }[] = [];
  private data: Series | undefined;
  private columns: string[] = [];
  private failure: Error | undefined;

  private readonly lang: Lang;
  private readonly rowsPerSheet: number;

  /** `rowsPerSheet` is Excel's 1,048,576 (fewer only to test the continuation sheets). */
  constructor(write: (bytes: Uint8Array) => void, options: { readonly lang?: Lang; readonly rowsPerSheet?: number } = {}) {
    this.lang = options.lang ?? 'vi';
    this.rowsPerSheet = Math.min(EXCEL_LIMITS.rows, Math.max(2, options.rowsPerSheet ?? EXCEL_LIMITS.rows));
    this.finished = new Promise((resolve, reject) => {
      const out = this.zip.outputStream;
      out.on('data', (b: Buffer) => {
        try {
          write(b);
        } catch (e) {
          this.failure = e as Error;
          reject(e as Error);
        }
      });
      out.on('end', () => resolve());
      out.on('error', (e: Error) => reject(e));
    });
    // an output that failed (a full disk) is reported by `end`, not as an unhandled rejection
    this.finished.catch(() => {});
  }

  private ref(col: number, row: number): string {
    while (this.columns.length < col) {
      // never past XFD: Excel calls a workbook with a column QAUB corrupt (a CSV of 300,000 columns read as information)
      if (this.columns.length >= EXCEL_LIMITS.columns) {
        const n = EXCEL_LIMITS.columns.toLocaleString('en');
        throw new CliError(2, `tệp .xlsx chỉ ghi tối đa ${EXCEL_LIMITS.columns.toLocaleString('vi-VN')} cột (cột cuối XFD), bảng có ${col.toLocaleString('vi-VN')} cột trở lên: hãy ghi CSV`, `an .xlsx output holds at most ${n} columns (the last is XFD); the table has ${col.toLocaleString('en')} or more: write CSV instead`);
      }
      this.columns.push(columnName(this.columns.length + 1));
    }
    return `${this.columns[col - 1]}${row}`;
  }

  private async put(s: Series, xml: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!s.stream!.write(xml)) await new Promise<void>((resolve) => s.stream!.once('drain', resolve));
  }

  /** Begins the next sheet of a series: its views, columns and (repeated) header row. */
  private async begin(s: Series): Promise<void> {
    if (s.sheets >= MAX_SHEETS_PER_SERIES) {
      const rows = (MAX_SHEETS_PER_SERIES * (this.rowsPerSheet - 1)).toLocaleString('en');
      throw new CliError(2, `tệp .xlsx chỉ ghi tối đa ${MAX_SHEETS_PER_SERIES} trang tính "${s.name}" (${rows} dòng): hãy ghi CSV`, `an .xlsx output holds at most ${MAX_SHEETS_PER_SERIES} "${s.name}" sheets (${rows} rows): write CSV instead`);
    }
    s.sheets++;
    s.rowsOnSheet = 0;
    const name = s.sheets === 1 ? s.name : `${s.name} (${s.sheets})`;
    const part = `xl/worksheets/sheet${this.parts.length + 1}.xml`;
    this.parts.push({ name, part });
    s.stream = new PassThrough({ highWaterMark: 1 << 20 });
    this.zip.addReadStream(s.stream, part, { compressionLevel: COMPRESSION_LEVEL });
    const selected = this.parts.length === 1 ? ' tabSelected="1"' : '';
    const pane = s.header ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : '';
    const cols = s.widths.length ? `<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
    await this.put(s, `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetViews><sheetView workbookViewId="0"${selected}>${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`);
    if (s.header) {
      s.rowsOnSheet = 1;
      await this.put(s, `<row r="1">${s.header.map((h, i) => textCell(this.ref(i + 1, 1), h, STYLE.header)).join('')}</row>`);
    }
  }

  private async close(s: Series): Promise<void> {
    if (!s.stream) return;
    await this.put(s, '</sheetData></worksheet>');
    s.stream.end();
    s.stream = undefined;
  }

  /** Adds rows to a series (each row: cells, and a style for its text cells). */
  private async add(s: Series, rows: readonly { cells: readonly Cell[]; style?: number }[]): Promise<void> {
    let xml = '';
    for (const { cells, style = STYLE.plain } of rows) {
      if (!s.stream || s.rowsOnSheet >= this.rowsPerSheet) {
        if (xml) await this.put(s, xml);
        xml = '';
        await this.close(s);
        await this.begin(s);
      }
      const r = ++s.rowsOnSheet;
      xml += `<row r="${r}">`;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        if (c === null || c === undefined) continue;
        if (typeof c === 'number') {
          const d = s.decimals[i];
          xml += numberCell(this.ref(i + 1, r), c, d ? 3 + Math.min(d, MAX_DECIMALS) : STYLE.plain);
        } else xml += textCell(this.ref(i + 1, r), c, style);
      }
      xml += '</row>';
      if (xml.length > 1 << 16) {
        await this.put(s, xml);
        xml = '';
      }
    }
    if (xml) await this.put(s, xml);
  }

  /**
   * Begins the data sheets: their header row (bold, frozen) and each column's decimals; the column
   * widths are fitted to the header and to `sample` (the first rows).
   */
  async start(header: readonly string[], decimals: readonly (number | undefined)[] = [], sample: readonly (readonly Cell[])[] = []): Promise<void> {
    // refused before a byte of the sheet is written
    if (header.length > EXCEL_LIMITS.columns) this.ref(header.length, 1);
    const widths = header.map((h, i) => {
      let w = textWidth(h);
      for (const r of sample) {
        const c = r[i];
        if (c !== null && c !== undefined) w = Math.max(w, typeof c === 'number' ? String(c).length + 2 : textWidth(c));
      }
      return Math.min(60, Math.max(8, w + 2));
    });
    this.data = { name: XLSX_SHEETS.data[this.lang], header: [...header], widths, decimals: [...decimals], sheets: 0, rowsOnSheet: 0 };
    await this.begin(this.data);
  }

  /** Adds data rows (checked as a table: finite numbers, text, empty cells). */
  async rows(rows: readonly (readonly Cell[])[]): Promise<void> {
    if (!this.data) throw new Error('XlsxStream: start before rows');
    const clean = validateTable(this.data.header, rows).rows;
    await this.add(this.data, clean.map((cells) => ({ cells })));
  }

  /** Ends the workbook: the status line under the data, the sources sheet, the workbook's own parts. */
  async end(p: Provenance | undefined): Promise<void> {
    const lang = this.lang;
    if (!this.data) await this.start([]);
    const data = this.data!;
    if (p) await this.add(data, [{ cells: [] }, ...provenanceHeadline(p, lang).map((line) => ({ cells: [line], style: STYLE.italic }))]);
    await this.close(data);
    const sources: Series = { name: XLSX_SHEETS.sources, widths: [120, 40], decimals: [], sheets: 0, rowsOnSheet: 0 };
    if (p) {
      await this.add(sources, provenanceLines(p, lang).map((line) => ({ cells: [line.trim()], style: line.startsWith(' ') ? STYLE.plain : STYLE.bold })));
      if (p.rows.length) {
        await this.add(sources, [{ cells: [] }, { cells: lang === 'vi' ? ['Mã', 'Nguồn số liệu'] : ['ID', 'Data source'], style: STYLE.bold }]);
        for (let i = 0; i < p.rows.length; i += 4096) await this.add(sources, p.rows.slice(i, i + 4096).map((r) => ({ cells: [r.id, sourceCell(r)] })));
      }
    } else {
      await this.add(sources, [{ cells: [lang === 'vi' ? 'Không có thông tin nguồn cho bảng này.' : 'No provenance was given for this table.'] }]);
    }
    await this.close(sources);
    const sheets = this.parts.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const rels = this.parts.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="${s.part.slice(3)}"/>`).join('');
    const overrides = this.parts.map((s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
    const put = (name: string, xml: string) => this.zip.addBuffer(Buffer.from(xml, 'utf8'), name, { compressionLevel: COMPRESSION_LEVEL });
    put('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`);
    put('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${this.parts.length + 1}" Type="${RELS}/styles" Target="styles.xml"/></Relationships>`);
    put('xl/styles.xml', stylesXml());
    put('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    put(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    );
    this.zip.end();
    await this.finished;
  }
}

/**
 * Writes a workbook in memory: the data sheet and the sources sheet (see the module comment). The
 * command line streams large ones with {@link XlsxStream}.
 *
 * @example
 * ```ts
 * const bytes = await toXlsx({ header: ['Mã', 'Giá trị DTI'], rows: [['66', 0.3985]], provenance }, { lang: 'vi' });
 * writeFileSync('dti.xlsx', bytes);
 * ```
 */
export async function toXlsx(table: XlsxTable, options: { readonly lang?: Lang } = {}): Promise<Uint8Array> {
  const { header, rows } = validateTable(table.header, table.rows);
  const chunks: Uint8Array[] = [];
  const book = new XlsxStream((b) => chunks.push(new Uint8Array(b)), { lang: options.lang });
  await book.start(header, table.decimals ?? [], rows);
  await book.rows(rows);
  await book.end(table.provenance);
  return new Uint8Array(Buffer.concat(chunks));
}
