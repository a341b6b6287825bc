/** Picking one measure (a number and its exact string) out of a DTI or DBI result. */
import type { DbiResult } from '../score/score-dbi.js';
import type { DtiResult } from '../score/score-dti.js';
import type { DtiPillarId } from '../framework/schema.js';

/**
 * What to read from a DTI result: the DTI `value`, a pillar value (`government`, `economy`,
 * `society`), a main-indicator value by id (`awareness` …), or `total` points.
 */
export type DtiMeasure = 'value' | 'total' | DtiPillarId | (string & {});

const PILLARS = new Set(['government', 'economy', 'society']);

/** The exact decimal string of a DTI measure, or `null` where the result has no such value. */
export function dtiMeasureExact(result: DtiResult, by: DtiMeasure): string | null {
  if (by === 'value') return result.exact.value;
  if (by === 'total') return result.exact.total;
  if (PILLARS.has(by)) return result.pillars[by as DtiPillarId].exact.value;
  const m = result.mainIndicators.find((x) => x.id === by);
  return m ? m.exact.value : null;
}

/**
 * The published (rounded) number of a DTI measure, or `null`.
 *
 * @example
 * ```ts
 * dtiMeasure(result, 'value'); // 0.3985
 * dtiMeasure(result, 'government'); // 0.4153
 * dtiMeasure(result, 'awareness'); // 0.74
 * ```
 */
export function dtiMeasure(result: DtiResult, by: DtiMeasure): number | null {
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
 * dbiMeasure(result, 'level'); // 3
 * dbiMeasure(result, 'customer'); // 39
 * ```
 */
export function dbiMeasure(result: DbiResult, by: DbiMeasure): number | null {
  if (by === 'total') return result.total;
  if (by === 'percent') return result.percent;
  if (by === 'level') return result.level;
  const p = result.pillars.find((x) => x.id === by);
  return p ? p.points : null;
}
