/** Strengths and weaknesses of one unit against a cohort: its indicators ranked by percentile. */
import { ratioHalfUp } from '../arithmetic/scaled.js';
import type { Localized } from '../errors.js';
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
  return r.pillars.map((p) => ({ id: p.id, name: p.name, value: p.percent }));
}

/**
 * Top and bottom indicators of a unit by percentile within a cohort (DTI main indicators, or DBI
 * pillars by percent of their maximum).
 *
 * @example
 * ```ts
 * const sw = strengthsAndWeaknesses(dakLak, allProvinces, { top: 2 });
 * sw.strengths.map((s) => s.name.vi); // ['Nhận thức số', 'An toàn thông tin mạng']
 * ```
 */
export function strengthsAndWeaknesses(
  unit: DtiResult | DbiResult,
  cohort: readonly (DtiResult | DbiResult)[],
  options: { readonly top?: number } = {},
): StrengthsAndWeaknesses {
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
    .sort((a, b) => b.percentile - a.percentile || a.id.localeCompare(b.id));
  return {
    strengths: all.slice(0, Math.min(top, all.length)),
    weaknesses: [...all].reverse().slice(0, Math.min(top, all.length)),
    all,
  };
}
