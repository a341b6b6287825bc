/**
 * Plain-text and Markdown tables (Vietnamese text is measured in NFC code points). Every cell goes
 * through the safety function of its medium: a terminal never receives an escape sequence or a
 * bidirectional override, a Markdown viewer never receives raw HTML or a line break inside a row.
 */
import { formatNumber, type Lang } from './locale.js';
import { markdownText, terminalText } from './safety.js';

export type Cell = string | number | null;

/** How table cells are printed. */
export interface TableOptions {
  /** Decimal comma for `vi`, dot for `en` (default: numbers as JavaScript prints them, dot decimals). */
  readonly lang?: Lang;
  /** Fixed decimals per column (e.g. 4 for 0–1 values), used when `lang` is given. */
  readonly decimals?: readonly (number | undefined)[];
}

function width(s: string): number {
  // combining marks (a decomposed diacritic left after NFC) take no column
  return [...s.normalize('NFC').replace(/[\u0300-\u036f]/g, '')].length;
}

function text(c: Cell, i: number, options: TableOptions): string {
  if (c === null) return '—';
  if (typeof c === 'number') return options.lang ? formatNumber(c, options.lang, options.decimals?.[i]) : String(c);
  return c;
}

function numericColumns(header: readonly string[], rows: readonly (readonly Cell[])[]): boolean[] {
  return header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
}

/**
 * A table for a terminal: columns padded, numbers right-aligned, control and bidirectional
 * characters removed from every cell.
 *
 * @example
 * ```ts
 * renderTable(['Mã', 'Giá trị DTI'], [['66', 0.3985]], { lang: 'vi' });
 * // 'Mã  Giá trị DTI\n──  ───────────\n66       0,3985\n'
 * ```
 */
export function renderTable(header: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions = {}): string {
  const head = header.map(terminalText);
  const cells = rows.map((r) => header.map((_, i) => terminalText(text(r[i] ?? null, i, options))));
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const numeric = numericColumns(header, rows);
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, widths[i]! - width(s)));
    return numeric[i] ? fill + s : s + fill;
  };
  const line = (r: readonly string[]) => r.map((s, i) => pad(s, i)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

/**
 * A GitHub-flavoured Markdown table: HTML and Markdown syntax in cells escaped, line breaks as
 * `<br>`, pipes escaped.
 *
 * @example
 * ```ts
 * renderMarkdown(['name'], [['a|b\nc']]); // '| name |\n| --- |\n| a\\|b<br>c |\n'
 * ```
 */
export function renderMarkdown(header: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions = {}): string {
  const numeric = numericColumns(header, rows);
  return [
    `| ${header.map(markdownText).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${header.map((_, i) => markdownText(text(r[i] ?? null, i, options))).join(' | ')} |`),
  ].join('\n') + '\n';
}
