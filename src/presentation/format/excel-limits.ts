/**
 * Excel's own limits ("Excel specifications and limits"), shared by the workbook reader
 * (io/workbook.ts), which refuses what lies beyond them, and the writer (format/xlsx.ts), which
 * never writes past them.
 */

/** Rows and columns of a sheet (the last cell is XFD1048576), characters in a cell. */
export const EXCEL_LIMITS = { rows: 1_048_576, columns: 16_384, cellCharacters: 32_767 } as const;

/**
 * A column's letters.
 *
 * @example
 * ```ts
 * columnName(1); // 'A'
 * columnName(16_384); // 'XFD'
 * ```
 */
export function columnName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}
