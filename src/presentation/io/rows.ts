/**
 * Turning file rows (CSV, spreadsheet, JSON, NDJSON) into framework inputs. Each row names its unit
 * in an id column; the other columns are indicator or criterion ids or Vietnamese names (compared
 * without case, spacing or diacritics, see headers.ts), metadata (name, district, sector, size,
 * year, source …), row numbers and notes (set aside), or other information (kept with the row).
 * Decimal commas (`41,6`) are read as decimal points.
 */
import { parseCsv } from './csv.js';
import { findHeaderRow, frameworkColumnIds, frameworkColumns, headerKey, planColumns, type ColumnPlan } from './headers.js';
import { makeIssue, type ValidationIssue } from '../../errors.js';
import type { Framework } from '../../framework/schema.js';

/** One row of an input file, before it is scored. */
export interface InputRow {
  /** Line number in the file (1-based, as a spreadsheet numbers its rows); for JSON arrays, the element index + 1. */
  readonly line: number;
  readonly id: string;
  readonly framework?: string;
  /** Every non-scoring column: metadata by field (name, district, source …) and other columns by header. */
  readonly meta: Readonly<Record<string, string>>;
  /** Scores keyed by column (ids or names, mapped later), or an explicit input object. */
  readonly cells: Readonly<Record<string, string | number>>;
  readonly explicit?: { readonly points?: Record<string, unknown>; readonly values?: Record<string, unknown>; readonly answers?: Record<string, unknown> };
}

/** Builds a row from a record's fields under a column plan. */
export function rowFromFields(plan: ColumnPlan, fields: readonly unknown[], line: number): InputRow {
  const meta: Record<string, string> = {};
  const cells: Record<string, string | number> = {};
  for (let i = 0; i < plan.role.length; i++) {
    const role = plan.role[i];
    if (role === 'ignore') continue;
    const raw = fields[i];
    const v = typeof raw === 'number' ? raw : raw === null || raw === undefined ? '' : String(raw).trim();
    if (role === 'cell') {
      if (v !== '') cells[plan.key[i]!] = v;
    } else meta[plan.key[i]!] = String(v);
  }
  return { line, id: meta.id ?? '', framework: meta.framework || undefined, meta, cells };
}

const objectPlans = new Map<string, ColumnPlan>();
const scoringPlans = new WeakMap<(header: string) => boolean, Map<string, ColumnPlan>>();
/**
 * Builds a row from a JSON object: `points` / `values` / `answers` objects are explicit inputs; the
 * other keys are read as a header row would be.
 */
export function objectRow(o: unknown, line: number, columns?: Readonly<Record<string, string>>, scores?: (header: string) => boolean): InputRow {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    return { line, id: '', meta: {}, cells: { '(row)': String(o) } };
  }
  const rec = o as Record<string, unknown>;
  let explicit: { -readonly [K in keyof NonNullable<InputRow['explicit']>]: Record<string, unknown> } | undefined;
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'points' || k === 'values' || k === 'answers') (explicit ??= {})[k] = v as Record<string, unknown>;
    else {
      keys.push(k);
      values.push(typeof v === 'number' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : v);
    }
  }
  const signature = JSON.stringify([keys, columns ?? null]);
  let plans = objectPlans;
  if (scores) {
    let own = scoringPlans.get(scores);
    if (!own) scoringPlans.set(scores, (own = new Map()));
    plans = own;
  }
  let plan = plans.get(signature);
  if (!plan) {
    plan = planColumns(keys, columns, scores);
    if (plans.size > 1000) plans.clear();
    plans.set(signature, plan);
  }
  const row = rowFromFields(plan, values, line);
  return explicit ? { ...row, explicit } : row;
}

/**
 * Reads a whole file's text as rows (CSV with its header row found under any title rows, JSON, or
 * NDJSON); the format comes from the extension or the content. The command line streams instead
 * (see source.ts); this is the in-memory form of the same reading. `scores` names the columns a
 * framework file scores, as the command line's `--framework-file` does (see `ReadOptions.scores`);
 * with `framework`, a CSV whose two columns give one of its inputs is refused, as the command line
 * refuses it.
 */
export function readRows(text: string, filename = '', scores?: (header: string) => boolean, framework?: Framework): InputRow[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const lower = filename.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) {
    return text.replace(/^\uFEFF/, '').split(/\r?\n/).flatMap((l, i) => (l.trim() === '' ? [] : [objectRow(JSON.parse(l), i + 1, undefined, scores)]));
  }
  if (lower.endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const data = JSON.parse(trimmed) as unknown;
    const list = Array.isArray(data) ? data : [data];
    return list.map((o, i) => objectRow(o, i + 1, undefined, scores));
  }
  const records = parseCsv(text);
  const at = Math.max(0, findHeaderRow(records.map((r) => r.fields)));
  const plan = planColumns(records[at]?.fields ?? [], {}, scores);
  if (framework) frameworkColumnIds(plan, framework);
  return records.slice(at + 1).filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => rowFromFields(plan, r.fields, r.line));
}

/** Reads a cell as a number-or-decimal-string input, accepting a decimal comma. */
export function cellValue(v: string | number): string | number {
  if (typeof v === 'number') return v;
  const t = v.trim();
  // "41,6" → "41.6"; "1.234,5" (thousands dots) → "1234.5"
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(t)) return t.replace(/\./g, '').replace(',', '.');
  if (/^[+-]?\d*,\d+$/.test(t)) return t.replace(',', '.');
  return t;
}

/** Maps a column header to a framework key (id or Vietnamese name, compared by `headerKey`). */
export function columnIndex(framework: Framework): Map<string, string> {
  return frameworkColumns(framework);
}

/** Builds a record keyed by framework ids from a row's cells, reporting unknown columns. */
export function mapCells(
  row: InputRow,
  framework: Framework,
  prefix: string,
  index: ReadonlyMap<string, string> = frameworkColumns(framework),
): { record: Record<string, string | number>; issues: ValidationIssue[] } {
  const record: Record<string, string | number> = {};
  const issues: ValidationIssue[] = [];
  const from = new Map<string, string>();
  for (const [header, raw] of Object.entries(row.cells)) {
    const id = index.get(headerKey(header));
    if (!id) issues.push(makeIssue([prefix, header], 'unknown_key', { key: header, framework: framework.id }));
    else if (from.has(id)) issues.push(makeIssue([prefix, id], 'conflicting_input', { fields: `"${from.get(id)}", "${header}"` }));
    else {
      from.set(id, header);
      record[id] = cellValue(raw);
    }
  }
  return { record, issues };
}
