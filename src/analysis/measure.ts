/** Picking one measure (a number and its exact string) out of a DTI or DBI result. */
import { readOnce } from '../assessment/snapshot.js';
import type { DbiResult } from '../score/score-dbi.js';
import type { DtiResult } from '../score/score-dti.js';
import type { DtiFramework, DtiPillarId } from '../framework/schema.js';
import { makeIssue, type ValidationIssue } from '../errors.js';
import { throwIfAny } from '../assessment/check.js';
import { inspectDtiResult } from '../assessment/dti-result-check.js';
import { inspectDbiResult } from '../assessment/dbi-result-check.js';

function checkBy(by: unknown, allowed: readonly string[], issues: ValidationIssue[]): void {
  if (issues.length === 0 && (typeof by !== 'string' || !allowed.includes(by))) {
    issues.push(makeIssue(['by'], 'invalid_option', { received: by, allowed: [...allowed] }));
  }
}

/**
 * What to read from a DTI result: the DTI `value`, a pillar value (`government`, `economy`,
 * `society`), a main-indicator value by id (`awareness` …), or `total` points.
 */
export type DtiMeasure = 'value' | 'total' | DtiPillarId | (string & {});

const PILLARS = new Set(['government', 'economy', 'society']);

/** The main-indicator ids a DTI measure may name on a framework. */
export function dtiMeasureIds(framework: DtiFramework): string[] {
  return framework.mainIndicators.map((m) => m.id);
}

/** The exact decimal string of a DTI measure, or `null` where the result has no such value. */
export function dtiMeasureExact(result: DtiResult, by: DtiMeasure): string | null {
  if (by === 'value') return result.exact.value;
  if (by === 'total') return result.exact.total;
  if (PILLARS.has(by)) return result.pillars[by as DtiPillarId].exact.value;
  const m = result.mainIndicators.find((x) => x.id === by);
  return m ? m.exact.value : null;
}

/**
 * The published (rounded) number of a DTI measure, or `null` (an unscored indicator, or one the
 * result does not hold). An unknown measure name is a `ValidationError` (`invalid_option`).
 *
 * @example
 * ```ts
 * const result = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63,
 *   cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
 * dtiMeasure(result, 'value'); // 0.3985
 * dtiMeasure(result, 'government'); // 0.4153
 * dtiMeasure(result, 'awareness'); // 0.74
 * ```
 */
export function dtiMeasure(result: DtiResult, by: DtiMeasure): number | null {
  result = readOnce(result, ['result']);
  const issues: ValidationIssue[] = [];
  const f = inspectDtiResult(result, ['result'], issues);
  checkBy(by, f ? ['value', 'total', ...PILLARS, ...dtiMeasureIds(f)] : [], issues);
  throwIfAny(issues);
  if (by === 'value') return result.value;
  if (by === 'total') return result.total;
  if (PILLARS.has(by)) return result.pillars[by as DtiPillarId].value;
  const m = result.mainIndicators.find((x) => x.id === by);
  return m ? m.value : null;
}

/** What to read from a DBI result: `total`, `percent`, `level`, or a pillar id (its points). */
export type DbiMeasure = 'total' | 'percent' | 'level' | (string & {});

/**
 * A DBI measure: `total`, `percent`, `level`, or a pillar's points by id; `null` where absent.
 *
 * @example
 * ```ts
 * const result = scoreDbi('dbi-2021-sme', { answers: Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3])) });
 * dbiMeasure(result, 'level'); // 3
 * dbiMeasure(result, 'customer'); // 39
 * ```
 */
export function dbiMeasure(result: DbiResult, by: DbiMeasure): number | null {
  result = readOnce(result, ['result']);
  const issues: ValidationIssue[] = [];
  const f = inspectDbiResult(result, ['result'], issues);
  checkBy(by, f ? ['total', 'percent', 'level', ...f.pillars.map((p) => p.id)] : [], issues);
  throwIfAny(issues);
  if (by === 'total') return result.total;
  if (by === 'percent') return result.percent;
  if (by === 'level') return result.level;
  const p = result.pillars.find((x) => x.id === by);
  return p ? p.points : null;
}
