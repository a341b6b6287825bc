/**
 * Maturity levels from points, driven entirely by the framework's level rule (data, not `if`
 * chains). All comparisons are exact integer arithmetic on values in units of 10^-decimals.
 */
import type { DbiFramework, DbiLevelRule } from '../framework/schema.js';

type BandRule = Extract<DbiLevelRule, { kind: 'pillar-bands-and-count' }>;

export interface CompiledRule {
  /** Band upper bounds in hundredths of a percent, ascending, with their levels. */
  readonly bands: readonly { readonly level: number; readonly upToBasis: number }[];
  /** Overall conditions, highest level first. */
  readonly overall: readonly { readonly level: number; readonly totalAbove: number; readonly minPillarsAtLevel: number }[];
  readonly baseLevel: number;
}

const cache = new WeakMap<BandRule, CompiledRule>();

/** A level rule prepared once: bands ascending, overall conditions highest level first. */
export function compileRule(rule: BandRule): CompiledRule {
  let c = cache.get(rule);
  if (!c) {
    const bands = [...rule.pillarBands]
      .sort((a, b) => a.upToPercent - b.upToPercent)
      .map((b) => ({ level: b.level, upToBasis: Math.round(b.upToPercent * 100) }));
    c = {
      bands,
      overall: [...rule.overall].sort((a, b) => b.level - a.level),
      baseLevel: bands[0]?.level ?? 0,
    };
    cache.set(rule, c);
  }
  return c;
}

/**
 * The level of one pillar: the first band whose upper bound (inclusive) the pillar's share reaches
 * no further than. `pointsUnits` and `maxUnits` are in the same units.
 */
export function pillarLevelOf(rule: BandRule, pointsUnits: number, maxUnits: number): number {
  const { bands } = compileRule(rule);
  // share ≤ upTo%  ⇔  points × 10000 ≤ upToBasis × max   (upToBasis in hundredths of a percent)
  const lhs = pointsUnits * 10000;
  for (const band of bands) if (lhs <= band.upToBasis * maxUnits) return band.level;
  return bands[bands.length - 1]?.level ?? 0;
}

/** Why the overall level is what it is, and what the next level asks for. */
export interface OverallLevelDetail {
  readonly level: number;
  /** For each level of the rule: whether its total and pillar-count conditions hold. */
  readonly conditions: readonly {
    readonly level: number;
    readonly totalAbove: number;
    readonly totalMet: boolean;
    readonly minPillarsAtLevel: number;
    readonly pillarsAtLevel: number;
    readonly pillarsMet: boolean;
  }[];
}

/**
 * The overall level: the highest level whose total is strictly above its threshold AND with enough
 * pillars at that level or higher; the lowest band's level otherwise.
 */
export function overallLevelOf(rule: BandRule, totalUnits: number, factor: number, pillarLevels: ArrayLike<number>): number {
  const { overall, baseLevel } = compileRule(rule);
  for (const cond of overall) {
    if (totalUnits <= cond.totalAbove * factor) continue;
    let count = 0;
    for (let i = 0; i < pillarLevels.length; i++) if ((pillarLevels[i] as number) >= cond.level) count++;
    if (count >= cond.minPillarsAtLevel) return cond.level;
  }
  return baseLevel;
}

/** The overall level with every condition spelled out (for explanations and gap analysis). */
export function overallLevelDetail(rule: BandRule, totalUnits: number, factor: number, pillarLevels: readonly number[]): OverallLevelDetail {
  const { overall } = compileRule(rule);
  const conditions = [...overall]
    .sort((a, b) => a.level - b.level)
    .map((cond) => {
      const pillarsAtLevel = pillarLevels.filter((l) => l >= cond.level).length;
      return {
        level: cond.level,
        totalAbove: cond.totalAbove,
        totalMet: totalUnits > cond.totalAbove * factor,
        minPillarsAtLevel: cond.minPillarsAtLevel,
        pillarsAtLevel,
        pillarsMet: pillarsAtLevel >= cond.minPillarsAtLevel,
      };
    });
  return { level: overallLevelOf(rule, totalUnits, factor, pillarLevels), conditions };
}

/** Whether a framework's rule gives levels. */
export function hasLevelRule(framework: DbiFramework): framework is DbiFramework & { levelRule: BandRule } {
  return framework.levelRule.kind === 'pillar-bands-and-count';
}
