/**
 * Writing a real `.xlsx` workbook for the command line (write-excel-file, bundled into dist/cli.js;
 * never imported by the library entry, whose runtime dependencies stay zod and decimal.js).
 *
 * Sheet 1 (`Kết quả` / `Results`): the header row in bold and frozen, numbers as numbers (0–1
 * values shown with 4 decimals; Excel shows the decimal mark of the reader's locale), text cells
 * neutralised against formula injection, column widths fitted to the content; below the data, after
 * one empty row, a status line (framework, decision, status). Sheet 2 (`Nguồn - Sources`): the whole
 * provenance: frameworks, status, assumptions in force, sources, and each row's data source.
 * (Excel forbids `/` in sheet names, hence the dash.)
 */
import writeXlsxFile, { type Cell as XlsxCell, type SheetData } from 'write-excel-file/node';
import type { Cell } from './table.js';
import { validateTable } from './csv.js';
import type { Lang } from './locale.js';
import { provenanceHeadline, provenanceLines, sourceCell, type Provenance } from './provenance.js';
import { spreadsheetText } from './safety.js';

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

function textWidth(s: string): number {
  return [...s.normalize('NFC')].length;
}

function dataCell(v: Cell, decimals: number | undefined): XlsxCell {
  if (v === null) return null;
  if (typeof v === 'number') return decimals ? { value: v, type: Number, format: `0.${'0'.repeat(decimals)}` } : { value: v, type: Number };
  return { value: spreadsheetText(v), type: String };
}

/**
 * Writes a workbook: the data sheet and the sources sheet (see the module comment).
 *
 * @example
 * ```ts
 * const bytes = await toXlsx({ header: ['Mã', 'Giá trị DTI'], rows: [['66', 0.3985]], provenance }, { lang: 'vi' });
 * writeFileSync('dti.xlsx', bytes);
 * ```
 */
export async function toXlsx(table: XlsxTable, options: { readonly lang?: Lang } = {}): Promise<Uint8Array> {
  validateTable(table.header, table.rows);
  const lang = options.lang ?? 'vi';
  const header: SheetData[number] = table.header.map((h) => ({ value: spreadsheetText(h), type: String, fontWeight: 'bold', backgroundColor: '#DDEBF7', wrap: true }) as XlsxCell);
  const data: SheetData = [header, ...table.rows.map((r) => table.header.map((_, i) => dataCell(r[i] ?? null, table.decimals?.[i])))];
  const widths = table.header.map((h, i) => {
    let w = textWidth(h);
    for (const r of table.rows) {
      const c = r[i];
      if (c !== null && c !== undefined) w = Math.max(w, typeof c === 'number' ? String(c).length + 2 : textWidth(c));
    }
    return { width: Math.min(60, Math.max(8, w + 2)) };
  });
  const p = table.provenance;
  if (p) {
    data.push([]);
    for (const line of provenanceHeadline(p, lang)) data.push([{ value: spreadsheetText(line), type: String, fontStyle: 'italic' }]);
  }
  const sources: SheetData = [];
  if (p) {
    for (const line of provenanceLines(p, lang)) sources.push([{ value: spreadsheetText(line.trim()), type: String, fontWeight: line.startsWith(' ') ? undefined : 'bold' } as XlsxCell]);
    if (p.rows.length) {
      sources.push([]);
      const w = lang === 'vi' ? ['Mã', 'Nguồn số liệu'] : ['ID', 'Data source'];
      sources.push(w.map((t) => ({ value: t, type: String, fontWeight: 'bold' }) as XlsxCell));
      for (const r of p.rows) sources.push([{ value: spreadsheetText(r.id), type: String }, { value: spreadsheetText(sourceCell(r)), type: String }]);
    }
  } else {
    sources.push([{ value: lang === 'vi' ? 'Không có thông tin nguồn cho bảng này.' : 'No provenance was given for this table.', type: String }]);
  }
  const buffer = await writeXlsxFile([
    { data, sheet: XLSX_SHEETS.data[lang], columns: widths, stickyRowsCount: 1 },
    { data: sources, sheet: XLSX_SHEETS.sources, columns: [{ width: 120 }, { width: 40 }] },
  ]).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
