/** Strengths and weaknesses of one unit against a cohort: its indicators ranked by percentile. */
import { readOnce } from '../assessment/snapshot.js';
import { ratioHalfUp } from '../arithmetic/scaled.js';
import { makeIssue, type Localized, type ValidationIssue } from '../errors.js';
import { compareCodePoints, isPlainObject, num, obj, optional, throwIfAny, type Infer, type Path, isArray } from '../assessment/check.js';
import { inspectDtiResult } from '../assessment/dti-result-check.js';
import { inspectDbiResult } from '../assessment/dbi-result-check.js';
import type { DbiResult } from '../score/score-dbi.js';
import type { DtiResult } from '../score/score-dti.js';

/** One indicator's standing in the cohort. */
export interface Standing {
  readonly id: string;
  readonly name: Localized;
  /** The unit's value (0–1 for DTI indicators, percent for DBI pillars). */
  readonly value: number;
  /**
   * Mid-rank percentile in the cohort (0–100, 1 decimal): the share of cohort values below the
   * unit's, plus half of those equal to it.
   */
  readonly percentile: number;
}

export interface StrengthsAndWeaknesses {
  readonly strengths: readonly Standing[];
  readonly weaknesses: readonly Standing[];
  /** Every indicator, highest percentile first. */
  readonly all: readonly Standing[];
}

function indicatorsOf(r: DtiResult | DbiResult): { id: string; name: Localized; value: number }[] {
  if (r.kind === 'dti') {
    if (r.mainIndicators.length === 0) return Object.values(r.pillars).map((p) => ({ id: p.id, name: p.name, value: p.value }));
    return r.mainIndicators.filter((m) => m.group !== 'unscored' && m.value !== null).map((m) => ({ id: m.id, name: m.name, value: m.value as number }));
  }
  // a pillar answered all "not applicable" has no percentage to compare (its 0 means nothing)
  return r.pillars.filter((p) => !p.notApplicable).map((p) => ({ id: p.id, name: p.name, value: p.percent }));
}

const optionsCheck = /* @__PURE__ */ obj({ top: optional(num({ integer: true, min: 0 })) });
/** Options of {@link strengthsAndWeaknesses}: `top`, how many strengths and weaknesses to list (default 3). */
export type StrengthsOptions = Infer<typeof optionsCheck>;

/** Checks a DTI or DBI result of the expected kind (the unit's kind for the cohort). */
function inspect(result: unknown, kind: unknown, path: Path, issues: ValidationIssue[]): void {
  const k = isPlainObject(result) ? result.kind : undefined;
  if (kind !== undefined && k !== kind && (k === 'dti' || k === 'dbi')) {
    issues.push(makeIssue([...path, 'kind'], 'wrong_framework_kind', { id: frameworkIdOf(result), actual: k, expected: kind }));
  } else if (k === 'dbi') inspectDbiResult(result, path, issues);
  else inspectDtiResult(result, path, issues);
}

function frameworkIdOf(result: unknown): string {
  const id = (result as { framework?: { id?: unknown } }).framework?.id;
  return typeof id === 'string' ? id : '?';
}

/**
 * Top and bottom indicators of a unit by percentile within a cohort (DTI main indicators, or DBI
 * pillars by percent of their maximum). Equal percentiles are ordered by id in code-point order,
 * the same in every locale.
 *
 * @example
 * ```ts
 * import provinces from 'vn-digital-index/fixtures/dti-2021';
 * // Đắk Lắk (the first row, its published 2021 points) among the 63 units of the sample file
 * const all = provinces.map((p) => scoreDti(p.framework, { points: p.points ?? {} }));
 * const sw = strengthsAndWeaknesses(all[0]!, all, { top: 2 });
 * sw.strengths.map((s) => s.name.vi); // ['Nhận thức số', 'An toàn thông tin mạng']
 * sw.weaknesses.map((s) => s.name.vi); // ['Nhân lực số', 'Thể chế số']
 * ```
 */
export function strengthsAndWeaknesses(
  unit: DtiResult | DbiResult,
  cohort: readonly (DtiResult | DbiResult)[],
  options: StrengthsOptions = {},
): StrengthsAndWeaknesses {
  unit = readOnce(unit, ['unit']);
  cohort = readOnce(cohort, ['cohort']);
  options = readOnce(options, ['options']);
  const issues: ValidationIssue[] = [];
  inspect(unit, undefined, ['unit'], issues);
  if (!isArray(cohort)) issues.push(makeIssue(['cohort'], 'invalid_type', { expected: 'array', received: cohort }));
  else for (let i = 0; i < cohort.length && issues.length < 20; i++) inspect(cohort[i], unit?.kind, ['cohort', i], issues);
  optionsCheck(options, ['options'], issues);
  throwIfAny(issues);
  const top = options.top ?? 3;
  const cohortValues = new Map<string, number[]>();
  for (const r of cohort) {
    for (const x of indicatorsOf(r)) {
      if (!cohortValues.has(x.id)) cohortValues.set(x.id, []);
      cohortValues.get(x.id)!.push(x.value);
    }
  }
  const all = indicatorsOf(unit)
    .map((x) => {
      const values = cohortValues.get(x.id) ?? [];
      const below = values.filter((v) => v < x.value).length;
      const equal = values.filter((v) => v === x.value).length;
      // (below + equal/2) / n × 100, rounded half-up to 1 decimal in integers
      const percentile = values.length === 0 ? 50 : ratioHalfUp((2 * below + equal) * 100, 2 * values.length, 1);
      return { id: x.id, name: x.name, value: x.value, percentile };
    })
    .sort((a, b) => b.percentile - a.percentile || compareCodePoints(a.id, b.id));
  return {
    strengths: all.slice(0, Math.min(top, all.length)),
    weaknesses: [...all].reverse().slice(0, Math.min(top, all.length)),
    all,
  };
}
