/** Plain-text and Markdown tables (Vietnamese text is measured in NFC code points). */

export type Cell = string | number | null;

function width(s: string): number {
  return [...s.normalize('NFC')].length;
}

function text(c: Cell): string {
  return c === null ? '—' : String(c);
}

/** A table for a terminal: columns padded, numbers right-aligned. */
export function renderTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cells = rows.map((r) => r.map(text));
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, widths[i]! - width(s)));
    return numeric[i] ? fill + s : s + fill;
  };
  const line = (r: readonly string[]) => r.map((s, i) => pad(s, i)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

/** A GitHub-flavoured Markdown table. */
export function renderMarkdown(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => esc(text(c))).join(' | ')} |`),
  ].join('\n') + '\n';
}
