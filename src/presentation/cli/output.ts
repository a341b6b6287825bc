/**
 * Writing CLI output: formats, atomic file writes, progress on a terminal.
 *
 * Tables are built with canonical machine column keys (`rank`, `id`, `value`, a pillar id …). The
 * officer-facing formats (table, Markdown, XLSX, HTML, CSV for Excel) localise them (`--lang vi`,
 * the default, or `en`) and print Vietnamese decimals with a comma, English ones with a point; JSON
 * and NDJSON keep keys and dot decimals; plain CSV keeps the machine form unless a language is asked for.
 *
 * Provenance (framework, decision, status, assumptions in force, sources, each row's data source)
 * goes with every format that can hold it: a heading block and footer (table, Markdown), a trailing
 * `#` block after an empty line (CSV), a second sheet and a status line (XLSX), a top-level
 * `provenance` object (JSON: an array result becomes `{ provenance, rows }`), a header line and a
 * footer (HTML). NDJSON stays one result per line, without provenance. Rows whose provenance gives
 * a data source get a `source` column (`minh họa / illustrative` for illustrative figures).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Localized } from '../../errors.js';
import { csvHeader, csvRow, csvTrailer, toCsv, validateTable } from '../format/csv.js';
import { getFramework } from '../../framework/catalog.js';
import type { Framework } from '../../framework/schema.js';
import { recordedFramework } from '../../score/provenance.js';
import { columnDecimals, frameworkLabels, localizeHeaders, type Lang } from '../format/locale.js';
import { provenanceHeadline, provenanceLines, provenanceOf, sourceCell, type Provenance } from '../format/provenance.js';
import { markdownText, terminalLines } from '../format/safety.js';
import { renderMarkdown, renderTable, type Cell } from '../format/table.js';
import { toXlsx } from '../format/xlsx.js';

export { csvHeader, csvRow, csvTrailer };
export type { Lang, Provenance };

export type Format = 'table' | 'json' | 'ndjson' | 'csv' | 'md' | 'html' | 'xlsx';
/** The formats written as text ({@link render}); `xlsx` is bytes ({@link renderBytes}). */
export type TextFormat = Exclude<Format, 'xlsx'>;

/** Every format, for `--format` checks. */
export const FORMATS: readonly Format[] = ['table', 'json', 'ndjson', 'csv', 'md', 'html', 'xlsx'];

/**
 * A table cell: text, a number, empty, or a word in both languages (`{ vi: 'Tất cả', en: 'all' }`,
 * a level name) that each format prints in its language (the machine form takes `en`).
 */
export type TabularCell = Cell | Localized;

/** A tabular CLI result, with the full JSON beside it. */
export interface Tabular {
  /** Canonical column keys (localised by the officer-facing formats). */
  readonly header: readonly string[];
  readonly rows: readonly (readonly TabularCell[])[];
  readonly json: unknown;
  /** A full HTML report, where the command has one. */
  readonly html?: (options: { readonly lang: Lang; readonly provenance?: Provenance }) => string;
  /** Text printed before the table in `table` and `md` formats. */
  readonly heading?: string;
  /** What the output rests on (see the module comment). */
  readonly provenance?: Provenance;
  /** Column labels beyond the built-in dictionary, e.g. `frameworkLabels(framework)` for pillar names. */
  readonly labels?: Readonly<Record<string, Localized>>;
  /** Fixed decimals per column; by default from the column key (4 for 0–1 values). */
  readonly decimals?: readonly (number | undefined)[];
}

/**
 * The provenance and the column labels of a table of scored rows: the frameworks the results were
 * scored on (the very framework objects, overrides included, where they were scored in this
 * process), each row's `source` (from `meta.source`), and the frameworks' pillar and indicator
 * names for the headers. Spread it into a {@link Tabular}: `{ header, rows, json, ...resultsContext(scored) }`.
 */
export function resultsContext(
  rows: readonly { readonly id: string; readonly meta?: Readonly<Record<string, string | undefined>>; readonly result: { readonly framework: { readonly id: string } } }[],
): { provenance: Provenance; labels: Record<string, Localized> } {
  const frameworks = new Map<string, Framework>();
  for (const r of rows) {
    const id = r.result.framework.id;
    if (!frameworks.has(id)) frameworks.set(id, (recordedFramework(r.result) as Framework | undefined) ?? getFramework(id));
  }
  const labels: Record<string, Localized> = {};
  for (const f of frameworks.values()) Object.assign(labels, frameworkLabels(f));
  return { provenance: provenanceOf([...frameworks.values()], rows.map((r) => ({ id: r.id, meta: r.meta }))), labels };
}

/** Options of {@link render} and {@link renderBytes}. */
export interface RenderOptions {
  /** CSV for Excel: BOM, CRLF (and Vietnamese unless `lang` is `en`). */
  readonly excel?: boolean;
  /** Language of officer-facing output (default `vi` for table, Markdown, XLSX, HTML and CSV for Excel). */
  readonly lang?: Lang;
}

/**
 * The format an output file name asks for; `undefined` for no name or an extension the tool cannot
 * write (the CLI makes that a usage error).
 */
export function formatFromName(file: string | undefined): Format | undefined {
  if (!file) return undefined;
  const name = basename(file).toLowerCase();
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const byExtension: Readonly<Record<string, Format>> = {
    json: 'json', ndjson: 'ndjson', jsonl: 'ndjson', csv: 'csv', md: 'md', markdown: 'md', html: 'html', htm: 'html', txt: 'table', xlsx: 'xlsx',
  };
  const extension = name.slice(dot + 1);
  return Object.hasOwn(byExtension, extension) ? byExtension[extension] : undefined;
}

/** The language a format is written in: `undefined` is the machine form (keys, dot decimals). */
export function languageOf(format: Format, options: RenderOptions = {}): Lang | undefined {
  switch (format) {
    case 'json':
    case 'ndjson':
      return undefined;
    case 'csv':
      return options.lang ?? (options.excel ? 'vi' : undefined);
    case 'md':
    case 'table':
    case 'html':
    case 'xlsx':
      return options.lang ?? 'vi';
  }
}

/** Header, rows and decimals as written: localised headers, and the row-source column where rows carry one. */
function prepared(t: Tabular, lang: Lang | undefined): { header: string[]; rows: (readonly Cell[])[]; decimals: (number | undefined)[] } {
  let keys = [...t.header];
  let rows: (readonly Cell[])[] = t.rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? c[lang ?? 'en'] : c)));
  const sources = t.provenance?.rows ?? [];
  const idColumn = keys.indexOf('id');
  if (sources.length && idColumn >= 0 && !keys.includes('source')) {
    const byId = new Map(sources.map((s) => [s.id, sourceCell(s)]));
    keys = [...keys, 'source'];
    rows = rows.map((r) => [...r, byId.get(String(r[idColumn])) ?? null]);
  }
  const decimals = keys.map((k, i) => t.decimals?.[i] ?? columnDecimals(k));
  validateTable(keys, rows);
  return { header: lang ? localizeHeaders(keys, lang, t.labels) : keys, rows, decimals };
}

function jsonWithProvenance(t: Tabular): unknown {
  if (!t.provenance) return t.json;
  if (Array.isArray(t.json)) return { provenance: t.provenance, rows: t.json };
  if (t.json !== null && typeof t.json === 'object') return { ...(t.json as object), provenance: t.provenance };
  return { provenance: t.provenance, value: t.json };
}

function markdownProvenance(p: Provenance, lang: Lang): { before: string; after: string } {
  const headline = provenanceHeadline(p, lang);
  const before = headline.map((l) => `> ${markdownText(l)}`).join('\n');
  const after = provenanceLines(p, lang)
    .slice(headline.length)
    .map((l) => (l.startsWith('  - ') ? `- ${markdownText(l.slice(4))}` : `\n**${markdownText(l)}**\n`))
    .join('\n');
  return { before: before + '\n\n', after: '\n' + after.replace(/^\n/, '') + '\n' };
}

/**
 * Renders a table in a text format. `xlsx` is bytes, written asynchronously by write-excel-file:
 * use {@link renderBytes} (or {@link renderOutput} for any format); `render` refuses it.
 */
export function render(t: Tabular, format: Format, options: RenderOptions = {}): string {
  const lang = languageOf(format, options);
  switch (format) {
    case 'xlsx':
      throw new Error('xlsx is binary: use renderBytes or renderOutput');
    case 'json':
      return JSON.stringify(jsonWithProvenance(t), null, 2) + '\n';
    case 'ndjson':
      return (Array.isArray(t.json) ? t.json : [t.json]).map((x) => JSON.stringify(x) + '\n').join('');
    case 'csv': {
      const p = prepared(t, lang);
      return toCsv(p.header, p.rows, { excel: options.excel, lang, decimals: p.decimals, provenance: t.provenance });
    }
    case 'md': {
      const p = prepared(t, lang);
      const prov = t.provenance ? markdownProvenance(t.provenance, lang ?? 'en') : { before: '', after: '' };
      const heading = t.heading ? t.heading.split(/\r?\n/).map(markdownText).join('  \n') + '\n\n' : '';
      return prov.before + heading + renderMarkdown(p.header, p.rows, { lang, decimals: p.decimals }) + prov.after;
    }
    case 'html':
      if (!t.html) throw new Error('this output has no HTML report');
      return t.html({ lang: lang ?? 'vi', provenance: t.provenance });
    case 'table': {
      const l = lang ?? 'vi';
      const p = prepared(t, l);
      const headline = t.provenance ? provenanceHeadline(t.provenance, l) : [];
      const footer = t.provenance ? provenanceLines(t.provenance, l).slice(headline.length) : [];
      const top = [...headline, ...(t.heading ? [t.heading] : [])].join('\n');
      return (
        (top ? `${terminalLines(top)}\n\n` : '') +
        renderTable(p.header, p.rows, { lang: l, decimals: p.decimals }) +
        (footer.length ? `\n${terminalLines(footer.join('\n'))}\n` : '')
      );
    }
  }
}

/** Renders a table as an `.xlsx` workbook (see format/xlsx.ts for the sheets). */
export async function renderBytes(t: Tabular, options: RenderOptions = {}): Promise<Uint8Array> {
  const lang = languageOf('xlsx', options) ?? 'vi';
  const p = prepared(t, lang);
  return toXlsx({ header: p.header, rows: p.rows, decimals: p.decimals, provenance: t.provenance }, { lang });
}

/** Renders in any format: text for the text formats, bytes for `xlsx`. */
export async function renderOutput(t: Tabular, format: Format, options: RenderOptions = {}): Promise<string | Uint8Array> {
  return format === 'xlsx' ? renderBytes(t, options) : render(t, format, options);
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
