/**
 * Turning file rows (CSV, JSON, NDJSON) into framework inputs. Each row names its unit in an `id`
 * column; the other columns are indicator or criterion ids, or their exact Vietnamese names, or
 * metadata (name, district, sector, size, year, region, group, framework). Decimal commas
 * (`41,6`) are read as decimal points.
 */
import { parseCsv } from './csv.js';
import { makeIssue, type ValidationIssue } from '../../errors.js';
import type { Framework } from '../../framework/schema.js';

/** One row of an input file, before it is scored. */
export interface InputRow {
  /** Line number in the file (1-based); for JSON arrays, the element index + 1. */
  readonly line: number;
  readonly id: string;
  readonly framework?: string;
  /** Metadata columns (name, district, sector, size, year …). */
  readonly meta: Readonly<Record<string, string>>;
  /** Scores keyed by column (ids or names, mapped later), or an explicit input object. */
  readonly cells: Readonly<Record<string, string | number>>;
  readonly explicit?: { readonly points?: Record<string, unknown>; readonly values?: Record<string, unknown>; readonly answers?: Record<string, unknown> };
}

const META_ALIASES: Record<string, string> = {
  id: 'id', 'mã': 'id', ma: 'id', code: 'id',
  name: 'name', 'tên': 'name', ten: 'name', 'tỉnh': 'name', 'doanh nghiệp': 'name',
  framework: 'framework', 'bộ chỉ số': 'framework',
  year: 'year', 'năm': 'year',
  district: 'district', 'huyện': 'district', 'quận/huyện': 'district', 'xã': 'district',
  sector: 'sector', 'ngành': 'sector', 'lĩnh vực': 'sector',
  size: 'size', 'quy mô': 'size',
  region: 'region', 'vùng': 'region',
  group: 'group', 'nhóm': 'group',
  // where a row's figures come from (a citation, or `illustrative` / `minh họa`)
  source: 'source', 'nguồn': 'source', citation: 'citation', 'trích dẫn': 'citation',
};

function metaKey(header: string): string | undefined {
  return META_ALIASES[header.normalize('NFC').trim().toLowerCase()];
}

/** Reads a file's text as rows; the format comes from the extension or the content. */
export function readRows(text: string, filename = ''): InputRow[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const lower = filename.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) {
    return text.split(/\r?\n/).flatMap((l, i) => (l.trim() === '' ? [] : [objectRow(JSON.parse(l), i + 1)]));
  }
  if (lower.endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const data = JSON.parse(trimmed) as unknown;
    const list = Array.isArray(data) ? data : [data];
    return list.map((o, i) => objectRow(o, i + 1));
  }
  const records = parseCsv(text);
  const header = records[0]?.fields.map((h) => h.normalize('NFC').trim()) ?? [];
  return records.slice(1).map((r) => {
    const meta: Record<string, string> = {};
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      const v = (r.fields[i] ?? '').trim();
      const m = metaKey(h);
      if (m) meta[m] = v;
      else if (h !== '' && v !== '') cells[h] = v;
    });
    return { line: r.line, id: meta.id ?? '', framework: meta.framework || undefined, meta, cells };
  });
}

function objectRow(o: unknown, line: number): InputRow {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    return { line, id: '', meta: {}, cells: { '(row)': String(o) } };
  }
  const rec = o as Record<string, unknown>;
  const meta: Record<string, string> = {};
  const cells: Record<string, string | number> = {};
  let explicit: InputRow['explicit'];
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'points' || k === 'values' || k === 'answers') {
      explicit = { ...explicit, [k]: v as Record<string, unknown> };
      continue;
    }
    const m = metaKey(k);
    if (m) meta[m] = String(v);
    else if (k === 'source' || k === 'citation') meta[k] = String(v);
    else cells[k] = v as string | number;
  }
  return { line, id: meta.id ?? '', framework: meta.framework, meta, cells, explicit };
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

/** Maps a column header to a framework key (id or exact Vietnamese name). */
export function columnIndex(framework: Framework): Map<string, string> {
  const index = new Map<string, string>();
  const add = (id: string, vi?: string) => {
    index.set(id, id);
    if (vi) index.set(vi.normalize('NFC'), id);
  };
  if (framework.kind === 'dti') {
    if (framework.inputKeys === 'pillars') for (const p of framework.pillars) add(p.id, p.name.vi);
    else for (const m of framework.mainIndicators) if (m.max !== null) add(m.id, m.name.vi);
  } else if (framework.inputLevel === 'pillar') {
    for (const p of framework.pillars) add(p.id, p.name.vi);
  } else {
    for (const c of framework.pillars.flatMap((p) => p.components.flatMap((k) => k.criteria))) add(c.id, c.name.vi);
  }
  return index;
}

/** Builds a record keyed by framework ids from a row's cells, reporting unknown columns. */
export function mapCells(row: InputRow, framework: Framework, prefix: string): { record: Record<string, string | number>; issues: ValidationIssue[] } {
  const index = columnIndex(framework);
  const record: Record<string, string | number> = {};
  const issues: ValidationIssue[] = [];
  for (const [header, raw] of Object.entries(row.cells)) {
    const id = index.get(header.normalize('NFC').trim());
    if (!id) issues.push(makeIssue([prefix, header], 'unknown_key', { key: header, framework: framework.id }));
    else record[id] = cellValue(raw);
  }
  return { record, issues };
}
