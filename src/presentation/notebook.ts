/**
 * Display helpers for notebooks and consoles: results as flat rows (what `console.table` and data
 * frame libraries take, so nothing prints as `[Object]`) and as a small escaped HTML card for rich
 * output (tslab's `display.html`, Deno's `Deno.jupyter.html`, Observable's `html`).
 */
import { readOnce } from '../assessment/snapshot.js';
import { arrayOf, custom, isPlainObject, obj, oneOf, optional, str, throwIfAny, type Path } from '../assessment/check.js';
import { inspectDbiResult } from '../assessment/dbi-result-check.js';
import { inspectDtiResult } from '../assessment/dti-result-check.js';
import { makeIssue, type ValidationIssue } from '../errors.js';
import { formatNumber } from './format/locale.js';
import { statusText } from './format/provenance.js';
import type { DbiResult } from '../score/score-dbi.js';
import type { DtiResult } from '../score/score-dti.js';

/** A scored result of either index. */
export type AnyResult = DtiResult | DbiResult;

/**
 * What {@link toTable} takes per row: a result, or an entry that carries one (`{ id, district,
 * result }`, as `summarize` takes) with optional `answers` (DBI) whose values become columns.
 */
export type TableEntry = AnyResult | { readonly result: AnyResult; readonly answers?: Readonly<Record<string, unknown>>; readonly [meta: string]: unknown };

/** One flat row: every value a string, a number, a boolean or `null`. */
export type TableRow = Record<string, string | number | boolean | null>;

function isResult(x: TableEntry): x is AnyResult {
  return (x as { kind?: unknown }).kind === 'dti' || (x as { kind?: unknown }).kind === 'dbi';
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The figures of a result as ordered `[column, value]` pairs: totals, then levels, then pillars. */
function figures(r: AnyResult): [string, string | number | null][] {
  if (r.kind === 'dti') {
    return [
      ['framework', r.framework.id],
      ['total', r.total],
      ['max', r.max],
      ['value', r.value],
      ['government', r.pillars.government.value],
      ['economy', r.pillars.economy.value],
      ['society', r.pillars.society.value],
      ...r.mainIndicators.map((m): [string, number] => [m.id, m.points]),
    ];
  }
  const out: [string, string | number | null][] = [
    ['framework', r.framework.id],
    ['total', r.total],
    ['max', r.max],
    ['percent', r.percent],
    ['level', r.level],
  ];
  for (const p of r.pillars) {
    out.push([p.id, p.points]);
    if (p.level !== null) out.push([`${p.id}.level`, p.level]);
  }
  return out;
}

/** A result handed back to a display helper: checked as every analysis checks one (kind, figures that add up). */
function inspectResult(value: unknown, path: Path, issues: ValidationIssue[]): void {
  if (isPlainObject(value) && value.kind === 'dbi') inspectDbiResult(value, path, issues);
  else inspectDtiResult(value, path, issues);
}

/** An entry of {@link toTable}: a result, or `{ result, answers?, …meta }`. */
const entryCheck = /* @__PURE__ */ custom<TableEntry>((value, path, issues) => {
  if (isPlainObject(value) && value.kind === undefined && 'result' in value) {
    inspectResult(value.result, [...path, 'result'], issues);
    if (value.answers !== undefined && !isPlainObject(value.answers)) {
      issues.push(makeIssue([...path, 'answers'], 'invalid_type', { expected: 'object', received: value.answers }));
    }
  } else {
    inspectResult(value, path, issues);
  }
});

const toHtmlOptionsCheck = /* @__PURE__ */ obj({ lang: optional(oneOf(['vi', 'en'] as const)), title: optional(str()) });

/**
 * Results (or entries carrying one) as flat rows for `console.table`, CSV writers and data frame
 * libraries. Columns, the same in every row (`null` where a row has no such figure): the entry's
 * own scalar fields (`id`, `name`, `district` …) first, then `framework`, totals and levels, then
 * pillars (DTI: pillar values then main-indicator points; DBI: pillar points and levels), then the
 * entry's `answers` by criterion id, in the order first met.
 *
 * @example
 * ```ts
 * const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
 * const rows = toTable([{ id: 'DN001', district: 'Buôn Hồ', result: scoreDbi('dbi-2021-sme', { answers }) }]);
 * Object.keys(rows[0]).slice(0, 8); // ['id', 'district', 'framework', 'total', 'max', 'percent', 'level', 'customer']
 * rows[0].total; // 192
 * console.table(rows);
 * ```
 */
export function toTable(entries: readonly TableEntry[]): TableRow[] {
  entries = readOnce(entries, ['entries']);
  const issues: ValidationIssue[] = [];
  arrayOf(entryCheck)(entries, ['entries'], issues);
  throwIfAny(issues);
  const columns = new Map<string, true>();
  const built = entries.map((entry) => {
    const row = new Map<string, string | number | boolean | null>();
    const result = isResult(entry) ? entry : entry.result;
    if (!isResult(entry)) {
      for (const [k, v] of Object.entries(entry)) {
        if (k !== 'result' && k !== 'answers' && isScalar(v)) row.set(k, v);
      }
    }
    for (const [k, v] of figures(result)) if (!row.has(k)) row.set(k, v);
    const answers = isResult(entry) ? undefined : entry.answers;
    if (answers && typeof answers === 'object') {
      for (const [k, v] of Object.entries(answers)) if (!row.has(k) && isScalar(v)) row.set(k, v);
    }
    for (const k of row.keys()) columns.set(k, true);
    return row;
  });
  // meta columns of any row come before every figure column
  const metaKeys = new Set<string>();
  for (const entry of entries) {
    if (isResult(entry)) continue;
    for (const [k, v] of Object.entries(entry)) if (k !== 'result' && k !== 'answers' && isScalar(v)) metaKeys.add(k);
  }
  const order = [...metaKeys, ...[...columns.keys()].filter((k) => !metaKeys.has(k))];
  return built.map((row) => {
    const out: TableRow = {};
    for (const k of order) out[k] = row.has(k) ? (row.get(k) as string | number | boolean | null) : null;
    return out;
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// C0/C1 controls (an ESC that recolours a terminal the HTML is printed to) and bidirectional
// overrides (U+202E makes 'a\u202Eb' read backwards, a spoofed name) are dropped, as the report does;
// tab, line feed and carriage return are kept (plain white space in HTML).
const UNSAFE = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

function esc(text: unknown): string {
  return String(text).replace(UNSAFE, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Options of {@link toHtml}. */
export interface ToHtmlOptions {
  /** A heading above the card (escaped), e.g. the unit's name. */
  readonly title?: string;
  /** Language of the labels; default Vietnamese. */
  readonly lang?: 'vi' | 'en';
}

const LABELS = {
  vi: { total: 'Tổng điểm', value: 'Giá trị', percent: 'Tỷ lệ', level: 'Mức', pillar: 'Trụ cột', points: 'Điểm', max: 'Tối đa', noLevel: 'Không xếp mức' },
  en: { total: 'Total', value: 'Value', percent: 'Share', level: 'Level', pillar: 'Pillar', points: 'Points', max: 'Max', noLevel: 'No level' },
} as const;

/**
 * A result as a small self-contained HTML card (inline styles, every text escaped): the framework
 * with its decision and status (official, or reconstructed in both languages, in red), the headline
 * figures and a table of pillars. Numbers are written in the card's language: decimal commas in
 * Vietnamese (`398,49`, `0,3985`), points in English; 0–1 values with the 4 published decimals.
 * For rich output in notebooks.
 *
 * @example
 * ```ts
 * const r = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63,
 *   cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
 * const html = toHtml(r, { title: 'Đắk Lắk <2021>' });
 * html.includes('Đắk Lắk &lt;2021&gt;'); // true
 * html.includes('<b>398,49</b>');       // true
 * toHtml(r, { lang: 'en' }).includes('<b>0.3985</b>'); // true
 * ```
 */
export function toHtml(result: AnyResult, options: ToHtmlOptions = {}): string {
  result = readOnce(result, ['result']);
  options = readOnce(options, ['options']);
  const issues: ValidationIssue[] = [];
  inspectResult(result, ['result'], issues);
  toHtmlOptionsCheck(options, ['options'], issues);
  throwIfAny(issues);
  const lang = options.lang ?? 'vi';
  const t = LABELS[lang];
  // numbers in the card's language; 0–1 values (DTI values) with their 4 published decimals
  const n = (v: number, decimals?: number) => formatNumber(v, lang, decimals);
  const cell = (v: unknown, decimals?: number) => `<td>${esc(typeof v === 'number' ? n(v, decimals) : (v ?? '—'))}</td>`;
  const head = (cols: readonly string[]) => `<tr>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  let headline: string;
  let rows: string;
  if (result.kind === 'dti') {
    headline = `${t.total}: <b>${esc(n(result.total))}</b> / ${esc(n(result.max))} · ${t.value}: <b>${esc(n(result.value, 4))}</b>`;
    rows = head([t.pillar, t.points, t.max, t.value]) +
      [result.pillars.government, result.pillars.economy, result.pillars.society]
        .map((p) => `<tr>${cell(p.name[lang])}${cell(p.points)}${cell(p.max)}${cell(p.value, 4)}</tr>`)
        .join('');
  } else {
    const level = result.level === null ? t.noLevel : `${t.level} ${result.level}${result.levelName ? ` — ${result.levelName[lang]}` : ''}`;
    headline = `${t.total}: <b>${esc(n(result.total))}</b> / ${esc(n(result.max))} · ${t.percent}: <b>${esc(n(result.percent))}%</b> · ${esc(level)}`;
    rows = head([t.pillar, t.points, t.max, `${t.percent} (%)`, t.level]) +
      result.pillars.map((p) => `<tr>${cell(p.name[lang])}${cell(p.points)}${cell(p.max)}${cell(p.percent)}${cell(p.level)}</tr>`).join('');
  }
  const title = options.title === undefined ? '' : `<h3 style="margin:0 0 .3em">${esc(options.title)}</h3>`;
  return (
    `<div class="vndi-card" style="font-family:sans-serif;border:1px solid #ccc;border-radius:6px;padding:.6em .9em;display:inline-block">` +
    `${title}<div style="color:#555">${esc(result.framework.id)} (${esc(result.framework.decision)}) — ` +
    // a reconstructed framework is the warning that matters most: in both languages, in red
    `<span class="vndi-status"${result.framework.status === 'official' ? '' : ' style="color:#a11"'}>${esc(statusText(result.framework.status, lang))}</span></div>` +
    `<div style="margin:.3em 0">${headline}</div>` +
    `<table style="border-collapse:collapse">${rows}</table></div>`
  );
}
