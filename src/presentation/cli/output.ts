/** Writing CLI output: formats, atomic file writes, progress on a terminal. */
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { toCsv } from '../io/csv.js';
import { renderMarkdown, renderTable, type Cell } from '../format/table.js';

export type Format = 'table' | 'json' | 'csv' | 'md' | 'html';

/** A tabular CLI result, with the full JSON beside it. */
export interface Tabular {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly json: unknown;
  /** A full HTML report, where the command has one. */
  readonly html?: () => string;
  /** Text printed before the table in `table` format. */
  readonly heading?: string;
}

export function formatFromName(file: string | undefined): Format | undefined {
  const ext = file?.toLowerCase().split('.').pop();
  return ext === 'json' ? 'json' : ext === 'csv' ? 'csv' : ext === 'md' ? 'md' : ext === 'html' || ext === 'htm' ? 'html' : ext === 'txt' ? 'table' : undefined;
}

export function render(t: Tabular, format: Format, options: { excel?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(t.json, null, 2) + '\n';
    case 'csv':
      return toCsv(t.header, t.rows, options);
    case 'md':
      return (t.heading ? `${t.heading}\n\n` : '') + renderMarkdown(t.header, t.rows);
    case 'html':
      if (!t.html) throw new Error('html');
      return t.html();
    case 'table':
      return (t.heading ? `${t.heading}\n\n` : '') + renderTable(t.header, t.rows);
  }
}

/**
 * Writes the whole output at once: to a temporary file beside the target, then renamed, so that a
 * reader never sees a partial file.
 */
export function writeOutput(text: string, out: string | undefined): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, out);
}

/** A progress bar on stderr, only on a terminal and for long runs. */
export function progress(total: number): ((done: number) => void) | undefined {
  if (!process.stderr.isTTY || total < 2000) return undefined;
  let last = -1;
  return (done: number) => {
    const pct = Math.floor((done / total) * 100);
    if (pct === last && done !== total) return;
    last = pct;
    const filled = Math.round(pct / 4);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(25 - filled)}] ${pct}% ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  };
}
