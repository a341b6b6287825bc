/**
 * What an output rests on: the framework's decision and status (official, or reconstructed from
 * secondary sources), the assumptions in force, the sources, and each row's data source. Every
 * writer (table, CSV, XLSX, JSON, Markdown, HTML) prints it, so that a reconstructed figure or an
 * illustrative row is never mistaken for an official one.
 */
import type { Localized } from '../../errors.js';
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
 * @example
 * ```ts
 * const p = provenanceOf(getFramework('dbi-2021-sme'), [{ id: 'DN001', meta: { source: 'minh họa' } }]);
 * p.frameworks[0].status; // 'reconstructed'
 * p.frameworks[0].assumptions.map((a) => a.id); // ['criterion-scale', 'level-rule', 'band-boundaries']
 * p.illustrative; // true
 * ```
 */
export function provenanceOf(framework: Framework | readonly Framework[], rows: readonly ProvenanceRow[] = []): Provenance {
  const list = (Array.isArray(framework) ? framework : [framework]) as readonly Framework[];
  const seen = new Set<string>();
  const frameworks = list.filter((f) => !seen.has(f.id) && seen.add(f.id)).map(frameworkProvenance);
  const sources: RowSource[] = [];
  for (const r of rows) {
    const source = (r.source ?? r.meta?.source)?.trim();
    if (source) sources.push({ id: r.id, source, illustrative: isIllustrative(source) });
  }
  return { frameworks, rows: sources, illustrative: sources.some((s) => s.illustrative) };
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
