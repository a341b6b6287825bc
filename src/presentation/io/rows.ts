/**
 * Turning file rows (CSV, spreadsheet, JSON, NDJSON) into framework inputs. Each row names its unit
 * in an id column; the other columns are indicator or criterion ids or Vietnamese names (compared
 * without case, spacing or diacritics, see headers.ts), metadata (name, district, sector, size,
 * year, source …), row numbers and notes (set aside), or other information (kept with the row).
 * Decimal commas (`41,6`) are read as decimal points.
 *
 * Text is read as the officer sees it: every information cell (id, name, district …) in its
 * canonical form (NFC, one ordinary space between words, no invisible character; see
 * `canonicalText`), so that two spellings a reader cannot tell apart are one unit and one group, and
 * every output is written in NFC. A totals or average row ("Tổng cộng", "Cộng", "Trung bình" …) is
 * not a unit: it is set aside with its line. A province list without an id column names its units
 * by name: `findProvince` gives each its code.
 */
import { CliError } from './cli-error.js';
import { parseCsv } from './csv.js';
import { MAX_JSON_DEPTH, tooDeep } from './json-limits.js';
import { findHeaderRow, frameworkColumnIds, frameworkColumns, headerKey, planColumns, type ColumnPlan } from './headers.js';
import { makeIssue, type ValidationIssue } from '../../errors.js';
import { canonicalText } from '../../analysis/text-key.js';
import { DTI_FRAMEWORKS } from '../../framework/dti/index.js';
import type { Framework } from '../../framework/schema.js';
import { findProvince } from '../../framework/units/provinces.js';
import { setOwn } from '../../own-key.js';

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
      // setOwn: a column headed `__proto__` assigned with `=` set nothing, and the writers then met
      // Object.prototype as its cell (the run ended in "expected string, number or null")
      if (v !== '') setOwn(cells, plan.key[i]!, v);
    } else setOwn(meta, plan.key[i]!, typeof v === 'string' ? canonicalText(v) : String(v));
  }
  return { line, id: meta.id ?? '', framework: meta.framework || undefined, meta, cells };
}

const objectPlans = new Map<string, ColumnPlan>();
const scoringPlans = new WeakMap<(header: string) => boolean, Map<string, ColumnPlan>>();
/**
 * Builds a row from a JSON object: `points` / `values` / `answers` objects are explicit inputs; the
 * other keys are read as a header row would be.
 */
export function objectRow(o: unknown, line: number, columns?: Readonly<Record<string, string>>, scores?: (header: string) => boolean, spellings?: Spellings): InputRow {
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
  if (spellings) {
    plan.role.forEach((role, i) => {
      const v = values[i];
      if ((role === 'meta' || role === 'info') && typeof v === 'string') spellings.note(plan!.header[i]!, v.trim(), line);
    });
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
  // JSON within the command line's nesting bound (a deeper value overflowed the row reader's stack)
  const parsed = (json: string): unknown => {
    const value = JSON.parse(json) as unknown;
    if (tooDeep(value)) throw new CliError(1, `giá trị JSON lồng sâu quá ${MAX_JSON_DEPTH} cấp`, `a JSON value nested deeper than ${MAX_JSON_DEPTH} levels`);
    return value;
  };
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) {
    return text.replace(/^\uFEFF/, '').split(/\r?\n/).flatMap((l, i) => (l.trim() === '' ? [] : [objectRow(parsed(l), i + 1, undefined, scores)]));
  }
  if (lower.endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const data = parsed(trimmed);
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

// ---------------------------------------------------------------- reading a record as the officer sees it

/** A row set aside (not a unit: a totals row, a second submission kept out by `--duplicates`), with its line. */
export interface SetAsideRow {
  readonly line: number;
  readonly id: string;
  /** What the row is, for the notice: `dòng tổng cộng "Tổng cộng"` / `a totals row "Tổng cộng"`. */
  readonly why: { readonly vi: string; readonly en: string };
  /** A totals row's label as written ("Tổng cộng"). */
  readonly label?: string;
}

/** A totals or average row, set aside with its line and label. */
export function totalsSetAside(line: number, label: string): SetAsideRow {
  const shown = label.length > 60 ? `${label.slice(0, 60)}…` : label;
  return { line, id: '', label, why: { vi: `dòng tổng cộng hoặc trung bình ("${shown}")`, en: `a totals or average row ("${shown}")` } };
}

// labels of totals and average rows: phrases that may be followed by anything ("Tổng cộng toàn tỉnh"),
// and single words that stand alone or before a qualifier ("Cộng", "Cộng huyện Krông Pắc") but not
// in a name ("Tổng công ty …", "Cộng đồng …", "Công ty …" are enterprises)
const TOTALS_PHRASES = ['tổng cộng', 'tổng số', 'trung bình', 'bình quân', 'toàn tỉnh', 'cả tỉnh', 'tong cong', 'tong so', 'trung binh', 'binh quan', 'toan tinh', 'grand total', 'sub-total', 'subtotal', 'sub total'];
const TOTALS_WORDS = ['tổng', 'cộng', 'tong', 'cong', 'total', 'totals', 'sum', 'average', 'mean', 'overall'];
const QUALIFIER = /^(toàn|cả|chung|các|huyện|quận|thị xã|thành phố|tp|tỉnh|xã|phường|nhóm|ngành|khu vực|vùng|toan|ca|chung|cac|huyen|quan|thi xa|thanh pho|tinh|xa|phuong|nhom|nganh|khu vuc|vung|all|of|for|province|district|group)(?=$|[\s:,.(-])/u;

/**
 * Whether a cell labels a totals or average row ("Tổng cộng", "TỔNG CỘNG:", "Cộng", "Tổng số",
 * "Trung bình", "Bình quân", "Toàn tỉnh", "Total", "Average" …), compared without case or spacing.
 */
export function isTotalsLabel(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  // every label begins with one of these letters (an id or a name almost never does: cheap to refuse)
  let i = 0;
  while (i < cell.length && cell.charCodeAt(i) <= 32) i++;
  const first = cell.charCodeAt(i) | 0x20;
  if (first !== 0x74 && first !== 0x63 && first !== 0x62 && first !== 0x73 && first !== 0x61 && first !== 0x6d && first !== 0x6f && first !== 0x67) return false;
  const t = canonicalText(cell).toLowerCase().replace(/\s*\([^)]*\)\s*$/u, '').replace(/[\s:;.,*]+$/u, '');
  if (t === '') return false;
  for (const p of TOTALS_PHRASES) {
    if (!t.startsWith(p)) continue;
    const rest = t.slice(p.length);
    // "tong cong ty": a corporation (Tổng công ty) written without diacritics
    if (p === 'tong cong' && /^ ty\b/u.test(rest)) continue;
    if (rest === '' || /^[\s:,.(-]/u.test(rest)) return true;
  }
  for (const w of TOTALS_WORDS) {
    if (t === w) return true;
    if (t.startsWith(`${w} `) && QUALIFIER.test(t.slice(w.length + 1))) return true;
  }
  return false;
}

/**
 * Values of information columns written in a form a reader cannot tell from another (NFD, doubled
 * or non-breaking spaces …), read in their canonical form: what a notice lists, once per value.
 */
export class Spellings {
  // column → canonical value → lines (the first few), how many, and the last line noted
  private readonly byColumn = new Map<string, Map<string, { lines: number[]; count: number; last: number }>>();
  private noted = 0;
  /** Notes a value as written (trimmed); does nothing when it is already canonical. */
  note(column: string, written: string, line: number): string {
    const canonical = canonicalText(written);
    if (canonical === written) return written;
    let values = this.byColumn.get(column);
    if (!values) this.byColumn.set(column, (values = new Map()));
    const seen = values.get(canonical);
    if (seen) {
      // a file read twice (--duplicates last) notes its lines again: a line is counted once
      if (line <= seen.last) return canonical;
      seen.last = line;
      seen.count++;
      if (seen.lines.length < 5) seen.lines.push(line);
    } else if (this.noted < 1000) {
      this.noted++;
      values.set(canonical, { lines: [line], count: 1, last: line });
    }
    return canonical;
  }
  /** The values read in their canonical form, by column (the columns given, or all). */
  list(columns?: readonly string[]): { column: string; value: string; lines: readonly number[]; count: number }[] {
    const out: { column: string; value: string; lines: readonly number[]; count: number }[] = [];
    for (const [column, values] of this.byColumn) {
      if (columns && !columns.includes(column)) continue;
      for (const [value, seen] of values) out.push({ column, value, lines: seen.lines, count: seen.count });
    }
    return out;
  }
}

/** The header of the id column a province list without one gets: its units are named by `findProvince`. */
export const ID_BY_NAME = 'Mã tỉnh theo tên';

/**
 * The plan of a province list that names its units without an id column: a column is added for
 * the id `findProvince` gives each name (the records get its value as they are read, see
 * {@link RecordReader}). Any other plan is returned as it is. A list is a province list when the
 * file has a name column and scores a DTI framework's columns.
 */
export function withIdsByName(plan: ColumnPlan): ColumnPlan {
  if (plan.key.some((k, i) => k === 'id' && plan.role[i] === 'meta')) return plan;
  const nameAt = plan.key.findIndex((k, i) => k === 'name' && plan.role[i] === 'meta');
  if (nameAt < 0) return plan;
  const dti = plan.key.some((k, i) => plan.role[i] === 'cell' && isDtiColumn(k));
  if (!dti) return plan;
  return { ...plan, header: [...plan.header, ID_BY_NAME], role: [...plan.role, 'meta'], key: [...plan.key, 'id'] };
}

/** Whether a column scores a bundled DTI framework (by input id or Vietnamese name). */
function isDtiColumn(key: string): boolean {
  return DTI_FRAMEWORKS.some((f) => frameworkColumns(f).has(headerKey(key)));
}

/**
 * A province's id from its name (`findProvince`), for a unit given without an id; else the issue
 * on the name field, naming the id the officer can add (Mã tỉnh). `where` says what lacks the id:
 * the file (a column) or the row (a JSON row's key).
 */
export function provinceIdByName(name: unknown, field: string, where: 'file' | 'row'): string | ValidationIssue {
  const code = typeof name === 'string' && name !== '' ? (findProvince(name)?.code ?? '') : '';
  if (code !== '') return code;
  const shown = typeof name === 'string' ? name.slice(0, 80) : '';
  const lacks = where === 'file'
    ? { vi: 'tệp không có cột Mã tỉnh nên các tỉnh được nhận theo tên', en: 'the file has no id column, Mã tỉnh, so units are identified by name', fix: { vi: 'thêm cột Mã tỉnh', en: 'add a Mã tỉnh column' } }
    : { vi: 'dòng không có "id" (Mã tỉnh) nên tỉnh được nhận theo tên', en: 'the row has no "id" (Mã tỉnh), so the unit is identified by name', fix: { vi: 'thêm "id"', en: 'add an "id"' } };
  return {
    path: [field], pathString: field, code: 'unknown_key', params: { key: shown },
    message: {
      vi: `không nhận ra tỉnh/thành "${shown}" (${lacks.vi}): sửa tên hoặc ${lacks.fix.vi}`,
      en: `no province is named "${shown}" (${lacks.en}): correct the name or ${lacks.fix.en}`,
    },
  };
}

/**
 * A JSON row of a province list without an id (no `id` / `Mã tỉnh` key), as a file without an id
 * column is read ({@link withIdsByName}): the id `findProvince` gives its name, or the issue on its
 * name. A row with an id, without a name, or with no DTI input (`points`, `values` or a DTI
 * framework's keys) is returned as it is.
 */
export function withIdByName(row: InputRow): InputRow | ValidationIssue {
  if (row.meta.id !== undefined || row.meta.name === undefined) return row;
  const dti = row.explicit?.points !== undefined || row.explicit?.values !== undefined || Object.keys(row.cells).some(isDtiColumn);
  if (!dti) return row;
  const id = provinceIdByName(row.meta.name, 'name', 'row');
  return typeof id === 'string' ? { ...row, id, meta: { ...row.meta, id } } : id;
}

/**
 * Reads a file's records as the officer sees them, before they are scored: `="0101"` (how a
 * spreadsheet keeps leading zeros in CSV) as `0101`, information cells in their canonical form
 * (noted in `spellings` where that changed them), a totals or average row set aside, and a
 * province's id from its name where the plan added an id column ({@link withIdsByName}).
 */
export class RecordReader {
  private readonly text: number[] = [];
  /** Columns whose values are too varied for a cache of their canonical forms (ids, names). */
  private readonly varied = new Set<number>();
  private readonly idAt: number;
  private readonly nameAt: number;
  private readonly byName: boolean;
  /** Per information column, the canonical form of the values seen (a district column repeats a few names). */
  private readonly cache = new Map<number, Map<string, string>>();
  constructor(private readonly plan: ColumnPlan, private readonly spellings?: Spellings) {
    plan.role.forEach((role, i) => {
      if (role === 'meta' || role === 'info') this.text.push(i);
    });
    this.byName = plan.header[plan.header.length - 1] === ID_BY_NAME;
    this.idAt = plan.key.findIndex((k, i) => k === 'id' && plan.role[i] === 'meta');
    this.nameAt = plan.key.findIndex((k, i) => k === 'name' && plan.role[i] === 'meta');
  }

  /** The record's fields as they are scored, or why the row is set aside. */
  read(fields: readonly unknown[], line: number): { fields: readonly unknown[] } | { setAside: SetAsideRow } | { reject: ValidationIssue } {
    let out: unknown[] | undefined;
    const set = (i: number, v: unknown) => {
      (out ??= [...fields])[i] = v;
    };
    for (const i of this.text) {
      const given = fields[i];
      if (typeof given !== 'string' || given === '') continue;
      let f = given;
      if (f.length > 3 && f.charCodeAt(0) === 61 && /^="[^"]*"$/.test(f)) set(i, (f = f.slice(2, -1)));
      let c: string | undefined;
      const cache = this.varied.has(i) ? undefined : (this.cache.get(i) ?? this.cache.set(i, new Map()).get(i)!);
      c = cache?.get(f);
      if (c === undefined) {
        const trimmed = f.trim();
        c = this.spellings ? this.spellings.note(this.plan.header[i]!, trimmed, line) : canonicalText(trimmed);
        if (cache) {
          // a column of distinct values (ids, names) gains nothing from a cache
          if (cache.size >= 256) {
            this.varied.add(i);
            this.cache.delete(i);
          } else cache.set(f, c);
        }
      } else if (this.spellings && c !== f.trim()) this.spellings.note(this.plan.header[i]!, f.trim(), line);
      if (c !== f) set(i, c);
    }
    const row = out ?? fields;
    const label = this.totalsLabel(row);
    if (label !== undefined) {
      return { setAside: totalsSetAside(line, label) };
    }
    if (this.byName) {
      const code = provinceIdByName(this.nameAt >= 0 ? row[this.nameAt] : undefined, this.plan.header[this.nameAt] ?? 'name', 'file');
      if (typeof code !== 'string') return { reject: code };
      return { fields: [...row.slice(0, this.plan.header.length - 1), code] };
    }
    return { fields: row };
  }

  /** The label of a totals or average row: in its id, its name or its first cell, where it has no id of its own. */
  private totalsLabel(row: readonly unknown[]): string | undefined {
    const id = this.idAt >= 0 && !this.byName ? row[this.idAt] : undefined;
    const hasId = typeof id === 'number' || (typeof id === 'string' && id.trim() !== '');
    if (hasId && !isTotalsLabel(id)) return undefined;
    if (hasId) return String(id).trim();
    const name = this.nameAt >= 0 ? row[this.nameAt] : undefined;
    if (isTotalsLabel(name)) return String(name).trim();
    const first = row.find((c) => c !== null && c !== undefined && String(c).trim() !== '');
    return isTotalsLabel(first) ? String(first).trim() : undefined;
  }
}
