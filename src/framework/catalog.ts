/** The catalog of every bundled framework, DTI and DBI. */
import { ValidationError, makeIssue } from '../errors.js';
import { DBI_FRAMEWORKS } from './dbi/index.js';
import { DTI_FRAMEWORKS } from './dti/index.js';
import type { BundledFramework, FrameworkId } from './ids.js';
import type { Framework, FrameworkStatus, LegalBasis } from './schema.js';

/** One line of the catalog. */
export interface FrameworkSummary {
  readonly id: string;
  readonly kind: 'dti' | 'dbi';
  readonly title: Framework['title'];
  readonly shortTitle: Framework['shortTitle'];
  readonly legalBasis: LegalBasis;
  readonly years: readonly number[];
  readonly status: FrameworkStatus;
  /** Whether scoring gives a maturity level (DBI) or a value (always, for DTI). */
  readonly givesLevel: boolean;
}

/**
 * Lists every bundled framework: id, titles, legal basis, years and status.
 *
 * @example
 * ```ts
 * for (const f of listFrameworks()) console.log(f.id, f.legalBasis.decision, f.status);
 * // dti-province-2020 1726/QĐ-BTTTT official …
 * ```
 */
export function listFrameworks(filter: { kind?: 'dti' | 'dbi' } = {}): FrameworkSummary[] {
  const all: Framework[] = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS];
  return all
    .filter((f) => filter.kind === undefined || f.kind === filter.kind)
    .map((f) => ({
      id: f.id,
      kind: f.kind,
      title: f.title,
      shortTitle: f.shortTitle,
      legalBasis: f.legalBasis,
      years: f.years,
      status: f.status,
      givesLevel: f.kind === 'dti' || f.levelRule.kind !== 'none',
    }));
}

/**
 * Returns the frozen framework data for an id.
 *
 * @throws {@link ValidationError} with code `unknown_framework` for an unknown id.
 * @example
 * ```ts
 * const dti = getFramework('dti-province-2022');
 * dti.pillars.map((p) => `${p.name.vi}: ${p.max}`); // ['Chính quyền số: 700', …]
 * ```
 */
export function getFramework<const Id extends FrameworkId | (string & {})>(
  id: Id extends FrameworkId ? Id : string extends Id ? Id : FrameworkId,
): Id extends FrameworkId ? BundledFramework<Id> : Framework;
export function getFramework(id: string): Framework {
  const found = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].find((f) => f.id === id);
  if (found) return found;
  throw new ValidationError([
    makeIssue(['framework'], 'unknown_framework', {
      id,
      known: [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].map((f) => f.id).join(', '),
    }),
  ]);
}

/**
 * The framework in force for an assessment year, by kind (and, for DBI, enterprise size).
 *
 * @example
 * ```ts
 * frameworkForYear('dti', 2022).id; // 'dti-province-2022'
 * frameworkForYear('dbi', 2022, 'sme').id; // 'dbi-2021-sme'
 * ```
 */
export function frameworkForYear(kind: 'dti' | 'dbi', year: number, enterpriseSize?: 'sme' | 'large' | 'group'): Framework | undefined {
  const list: readonly Framework[] = kind === 'dti' ? DTI_FRAMEWORKS : DBI_FRAMEWORKS;
  return list.find(
    (f) => f.years.includes(year) && (f.kind === 'dti' || enterpriseSize === undefined || f.enterpriseSize === enterpriseSize),
  );
}
