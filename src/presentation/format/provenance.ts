/**
 * What an output rests on: the framework's decision and status (official, or reconstructed from
 * secondary sources), the assumptions in force, the sources, and each row's data source. Every
 * writer (table, CSV, XLSX, JSON, Markdown, HTML) prints it, so that a reconstructed figure or an
 * illustrative row is never mistaken for an official one.
 */
import { readOnce } from '../../assessment/snapshot.js';
import { ValidationError, makeIssue, type Localized, type ValidationIssue } from '../../errors.js';
import type { Framework, FrameworkStatus } from '../../framework/schema.js';
import type { Lang } from './locale.js';

/** One framework an output was scored on. */
export interface FrameworkProvenance {
  readonly id: string;
  readonly kind: 'dti' | 'dbi';
  readonly title: Localized;
  /** e.g. `922/QĐ-BTTTT` */
  readonly decision: string;
  /** ISO date of the decision. */
  readonly date: string;
  /** `official`: every fact scoring uses is confirmed; `reconstructed`: some are inferred or assumed. */
  readonly status: FrameworkStatus;
  readonly assumptions: readonly { readonly id: string; readonly status: string; readonly text: Localized }[];
  readonly sources: readonly { readonly id: string; readonly title: string; readonly url?: string }[];
}

/** A row's data source, as its `source` column gives it. */
export interface RowSource {
  readonly id: string;
  readonly source: string;
  /** The source says the figures are illustrative (`illustrative`, `minh họa`, `minh hoạ`). */
  readonly illustrative: boolean;
}

/** What an output rests on. */
export interface Provenance {
  readonly frameworks: readonly FrameworkProvenance[];
  /** Each row's data source, where rows carry one (a `source` column); empty otherwise. */
  readonly rows: readonly RowSource[];
  /** Whether any row is illustrative. */
  readonly illustrative: boolean;
}

/** A row as {@link provenanceOf} reads it: an id and a `source`, directly or in `meta`. */
export interface ProvenanceRow {
  readonly id: string;
  readonly source?: string;
  readonly meta?: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether a data-source value marks illustrative figures: `illustrative`, `minh họa`, `minh hoạ`
 * (either tone-mark placement), `minh hoa`, any case.
 *
 * @example
 * ```ts
 * isIllustrative('Minh hoạ'); // true
 * isIllustrative('dti.gov.vn 2022'); // false
 * ```
 */
export function isIllustrative(source: string): boolean {
  const s = source.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').trim().toLowerCase();
  return s === 'illustrative' || s === 'minh hoa' || s.startsWith('illustrative ') || s.startsWith('minh hoa ') || s.includes('(illustrative)') || s.includes('(minh hoa)');
}

function frameworkProvenance(f: Framework): FrameworkProvenance {
  return {
    id: f.id,
    kind: f.kind,
    title: { vi: f.title.vi, en: f.title.en },
    decision: f.legalBasis.decision,
    date: f.legalBasis.date,
    status: f.status,
    assumptions: f.assumptions.map((a) => ({ id: a.id, status: a.status, text: { vi: a.description.vi, en: a.description.en } })),
    sources: f.sources.map((s) => (s.url ? { id: s.id, title: s.title, url: s.url } : { id: s.id, title: s.title })),
  };
}

/**
 * Builds the provenance of an output from the framework (or frameworks) it was scored on and, where
 * rows carry a data source (`source`, or `meta.source`), each row's source.
 *
 * @throws {@link ValidationError} when a framework lacks what provenance reads (id, title, legal
 * basis, status, assumptions, sources) or a row is not `{ id, source?, meta? }`.
 * @example
 * ```ts
 * const p = provenanceOf(getFramework('dbi-2021-sme'), [{ id: 'DN001', meta: { source: 'minh họa' } }]);
 * p.frameworks[0].status; // 'reconstructed'
 * p.frameworks[0].assumptions.map((a) => a.id); // ['criterion-scale', 'three-option-criteria', 'level-rule', 'band-boundaries']
 * p.illustrative; // true
 * ```
 */
export function provenanceOf(framework: Framework | readonly Framework[], rows: readonly ProvenanceRow[] = []): Provenance {
  framework = readOnce(framework, ['framework']);
  rows = readOnce(rows, ['rows']);
  const list = checkFrameworks(framework);
  const seen = new Set<string>();
  const frameworks = list.filter((f) => !seen.has(f.id) && seen.add(f.id)).map(frameworkProvenance);
  const sources: RowSource[] = [];
  if (!Array.isArray(rows)) throw new ValidationError([makeIssue(['rows'], 'invalid_type', { expected: 'array of rows { id, source?, meta? }', received: rows })]);
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as unknown;
    if (!isRecord(r) || typeof r.id !== 'string') {
      issues.push(makeIssue(['rows', i], 'invalid_type', { expected: 'row { id: string, source?, meta? }', received: r }));
      continue;
    }
    const meta = r.meta;
    if (meta !== undefined && !isRecord(meta)) issues.push(makeIssue(['rows', i, 'meta'], 'invalid_type', { expected: 'object', received: meta }));
    const raw = r.source ?? (isRecord(meta) ? meta.source : undefined);
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string') {
      issues.push(makeIssue(['rows', i, 'source'], 'invalid_type', { expected: 'string', received: raw }));
      continue;
    }
    const source = raw.trim();
    if (source) sources.push({ id: r.id, source, illustrative: isIllustrative(source) });
  }
  if (issues.length) throw new ValidationError(issues.slice(0, 50));
  return { frameworks, rows: sources, illustrative: sources.some((s) => s.illustrative) };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isLocalized = (x: unknown) => isRecord(x) && typeof x.vi === 'string' && typeof x.en === 'string';

/** Checks the parts of a framework that provenance reads; a bad one is a ValidationError naming the path. */
function checkFrameworks(framework: unknown): Framework[] {
  const list: unknown[] = [];
  if (Array.isArray(framework)) for (let i = 0; i < framework.length; i++) list.push(framework[i]);
  else list.push(framework);
  const issues: ValidationIssue[] = [];
  if (list.length === 0) issues.push(makeIssue(['framework'], 'missing_input', { fields: ['framework'] }));
  list.forEach((f, i) => {
    const path = Array.isArray(framework) ? ['framework', i] : ['framework'];
    const bad = (key: string, expected: string, received: unknown) => issues.push(makeIssue([...path, key], 'invalid_type', { expected, received }));
    if (!isRecord(f)) return void issues.push(makeIssue(path, 'invalid_type', { expected: 'framework object', received: f }));
    if (typeof f.id !== 'string') bad('id', 'string', f.id);
    if (f.kind !== 'dti' && f.kind !== 'dbi') bad('kind', '"dti" or "dbi"', f.kind);
    if (!isLocalized(f.title)) bad('title', '{ vi, en }', f.title);
    if (!isRecord(f.legalBasis) || typeof f.legalBasis.decision !== 'string' || typeof f.legalBasis.date !== 'string') bad('legalBasis', '{ decision, date }', f.legalBasis);
    if (f.status !== 'official' && f.status !== 'reconstructed') bad('status', '"official" or "reconstructed"', f.status);
    if (!Array.isArray(f.assumptions) || !f.assumptions.every((a) => isRecord(a) && typeof a.id === 'string' && typeof a.status === 'string' && isLocalized(a.description))) {
      bad('assumptions', 'array of { id, status, description: { vi, en } }', f.assumptions);
    }
    if (!Array.isArray(f.sources) || !f.sources.every((x) => isRecord(x) && typeof x.id === 'string' && typeof x.title === 'string' && (x.url === undefined || typeof x.url === 'string'))) {
      bad('sources', 'array of { id, title, url? }', f.sources);
    }
  });
  if (issues.length) throw new ValidationError(issues.slice(0, 50));
  return list as Framework[];
}

/**
 * Checks a provenance given by a caller (to a writer) before it is printed: a ValidationError, never
 * a TypeError halfway through a file.
 *
 * @example
 * ```ts
 * checkProvenance(provenanceOf(getFramework('dti-province-2022'))); // passes
 * checkProvenance({ frameworks: 1 }); // throws ValidationError
 * ```
 */
export function checkProvenance(p: unknown, path: readonly (string | number)[] = ['provenance']): asserts p is Provenance {
  const ok =
    isRecord(p) &&
    Array.isArray(p.frameworks) &&
    p.frameworks.every(
      (f) =>
        isRecord(f) && typeof f.id === 'string' && typeof f.decision === 'string' && typeof f.date === 'string' && isLocalized(f.title) &&
        (f.status === 'official' || f.status === 'reconstructed') &&
        Array.isArray(f.assumptions) && f.assumptions.every((a) => isRecord(a) && typeof a.id === 'string' && typeof a.status === 'string' && isLocalized(a.text)) &&
        Array.isArray(f.sources) && f.sources.every((x) => isRecord(x) && typeof x.id === 'string' && typeof x.title === 'string' && (x.url === undefined || typeof x.url === 'string')),
    ) &&
    Array.isArray(p.rows) &&
    p.rows.every((r) => isRecord(r) && typeof r.id === 'string' && typeof r.source === 'string' && typeof r.illustrative === 'boolean') &&
    typeof p.illustrative === 'boolean';
  if (!ok) throw new ValidationError([makeIssue(path, 'invalid_type', { expected: 'provenance from provenanceOf()', received: p })]);
}

/**
 * A framework's status in words: `chính thức / official` or `tái lập / reconstructed`.
 *
 * @example
 * ```ts
 * statusText('reconstructed'); // 'tái lập / reconstructed'
 * statusText('official', 'vi'); // 'chính thức'
 * ```
 */
export function statusText(status: FrameworkStatus, lang?: Lang): string {
  const words = status === 'official' ? { vi: 'chính thức', en: 'official' } : { vi: 'tái lập', en: 'reconstructed' };
  // a reconstructed status is always shown in both languages: it is the warning that matters most
  if (lang === undefined || status === 'reconstructed') return `${words.vi} / ${words.en}`;
  return words[lang];
}

/** The visible mark of an illustrative row's source. */
export const ILLUSTRATIVE_MARK = 'minh họa / illustrative';

/**
 * A row's source as shown in a table cell: the mark `minh họa / illustrative` for illustrative
 * figures, else the source as given.
 *
 * @example
 * ```ts
 * sourceCell({ id: 'X', source: 'Illustrative', illustrative: true }); // 'minh họa / illustrative'
 * ```
 */
export function sourceCell(row: RowSource): string {
  return row.illustrative ? ILLUSTRATIVE_MARK : row.source;
}

/** The words of the provenance block, in one language. */
const WORDS = {
  vi: { framework: 'Bộ chỉ số', status: 'Tình trạng', assumptions: 'Giả định đang áp dụng', sources: 'Nguồn', none: 'không có', illustrative: 'Có dòng số liệu MINH HỌA (không phải số liệu công bố)' },
  en: { framework: 'Framework', status: 'Status', assumptions: 'Assumptions in force', sources: 'Sources', none: 'none', illustrative: 'Some rows hold ILLUSTRATIVE figures (not published data)' },
} as const;

/**
 * The one-line statement per framework: id, decision (date) and status.
 *
 * @example
 * ```ts
 * provenanceHeadline(provenanceOf(getFramework('dbi-2021-sme')), 'vi');
 * // ['Bộ chỉ số: dbi-2021-sme — Quyết định 1970/QĐ-BTTTT (2021-12-13) — Tình trạng: tái lập / reconstructed']
 * ```
 */
export function provenanceHeadline(p: Provenance, lang: Lang): string[] {
  const w = WORDS[lang];
  const decision = lang === 'vi' ? 'Quyết định' : 'Decision';
  const lines = p.frameworks.map((f) => `${w.framework}: ${f.id} — ${decision} ${f.decision} (${f.date}) — ${w.status}: ${statusText(f.status, lang)}`);
  if (p.illustrative) lines.push(`${w.illustrative} — ${ILLUSTRATIVE_MARK}`);
  return lines;
}

/**
 * The whole provenance as lines of text: the headline, then each framework's assumptions in force
 * and its sources. Used by the text writers (table, CSV trailer, Markdown, XLSX sources sheet).
 *
 * @example
 * ```ts
 * provenanceLines(provenanceOf(getFramework('dti-province-2022')), 'en')[0];
 * // 'Framework: dti-province-2022 — Decision 922/QĐ-BTTTT (2022-05-20) — Status: official'
 * ```
 */
export function provenanceLines(p: Provenance, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines = provenanceHeadline(p, lang);
  for (const f of p.frameworks) {
    const prefix = p.frameworks.length > 1 ? `${f.id} — ` : '';
    lines.push(`${prefix}${w.assumptions}:${f.assumptions.length ? '' : ` ${w.none}`}`);
    for (const a of f.assumptions) lines.push(`  - ${a.id}: ${a.text[lang]}`);
    lines.push(`${prefix}${w.sources}:`);
    for (const s of f.sources) lines.push(`  - ${s.id}: ${s.title}${s.url ? ` <${s.url}>` : ''}`);
  }
  return lines;
}
