/**
 * Maturity levels from points, driven entirely by the framework's level rule (data, not `if`
 * chains): pillar levels by bands, the overall level by the total and a count of pillars (Decision
 * 1970) or by percentage bands, then every level condition (a cap: "no higher than level L while
 * any pillar is below x %"). One module for scoring, the batch tables, `why` and the gap planner.
 *
 * Every comparison is exact and on the unrounded figure: integer arithmetic on values in units of
 * 10^-decimals, or exact fractions for percentages (a pillar at 19.9996 % is below 20 % although it
 * is shown as 20.00).
 */
import { compareF, decimalF, fractionString, percentF, roundF, type Fraction } from '../arithmetic/fraction.js';
import { viNumber, type Localized } from '../errors.js';
import type { DbiFramework, DbiLevelCap, DbiLevelRule } from '../framework/schema.js';

type BandRule = Extract<DbiLevelRule, { kind: 'pillar-bands-and-count' }>;
type PercentRule = Extract<DbiLevelRule, { kind: 'total-percent-bands' }>;
/** A rule that gives levels. */
export type LevelRule = BandRule | PercentRule;

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

/** The smallest units strictly above the highest band below `level` (0 where no band is below it). */
export function pillarUnitsForLevel(rule: BandRule, level: number, maxUnits: number): number {
  const below = rule.pillarBands.filter((b) => b.level < level).map((b) => Math.round(b.upToPercent * 100));
  if (below.length === 0) return 0;
  return Math.floor((Math.max(...below) * maxUnits) / 10000) + 1;
}

/** The least units of `maxUnits` whose share reaches `percent` (exact): `units × 100 ≥ percent × max`. */
export function unitsForPercent(percent: number, maxUnits: number): number {
  const { n, d } = decimalF(percent);
  const num = n * BigInt(maxUnits);
  const den = 100n * d;
  return Number((num + den - 1n) / den);
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
 * The overall level by the bands alone: the highest level whose total is strictly above its
 * threshold AND with enough pillars at that level or higher; the lowest band's level otherwise.
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

/** The overall level by the bands, with every condition spelled out (for explanations and gap analysis). */
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

/** The level a percentage band rule gives to a percentage (declared inclusivity, exact). */
export function percentLevelOf(bands: readonly { level: number; fromPercent: number; fromInclusive: boolean }[], pct: Fraction): number {
  let l = bands[0]!.level;
  for (const band of bands) {
    const cmp = compareF(pct, decimalF(band.fromPercent));
    if (cmp > 0 || (cmp === 0 && band.fromInclusive)) l = band.level;
  }
  return l;
}

/** The level a percentage band rule gives to `units` of `maxUnits` (exact). */
export function percentBandLevel(bands: readonly { level: number; fromPercent: number; fromInclusive: boolean }[], units: number, maxUnits: number): number {
  return percentLevelOf(bands, percentF(units, maxUnits));
}

/**
 * The level of every unit count 0…maxUnits under a percentage band rule, as a table: each band
 * starts at the least units whose share reaches its bound (exact, in big integers).
 */
export function percentBandTable(bands: readonly { level: number; fromPercent: number; fromInclusive: boolean }[], maxUnits: number): Int8Array {
  const table = new Int8Array(maxUnits + 1).fill(bands[0]!.level);
  const max = BigInt(maxUnits);
  for (const band of bands) {
    // units·100/max ≥ n/d  ⇔  units ≥ n·max / (100·d); strictly above for an exclusive bound
    const { n, d } = decimalF(band.fromPercent);
    const num = n * max;
    const den = 100n * d;
    const start = band.fromInclusive ? (num + den - 1n) / den : num / den + 1n;
    if (start <= max) table.fill(band.level, Number(start));
  }
  return table;
}

/** Whether a framework's rule gives levels (the 1970 bands, or percentage bands). */
export function hasLevels(framework: DbiFramework): framework is DbiFramework & { levelRule: LevelRule } {
  return framework.levelRule.kind !== 'none';
}

/** Whether a framework's rule is the 1970 rule (pillar bands and a count of pillars). */
export function hasLevelRule(framework: DbiFramework): framework is DbiFramework & { levelRule: BandRule } {
  return framework.levelRule.kind === 'pillar-bands-and-count';
}

// ---------------------------------------------------------------- the levels of a scored assessment

/** What the levels of an assessment are computed from (a model's aggregate). */
export interface LevelView {
  /** Each pillar's points in units. */
  readonly pillarUnits: ArrayLike<number>;
  /** Each pillar's applicable maximum in units; 0 where the pillar does not apply. */
  readonly pillarMaxUnits: ArrayLike<number>;
  readonly totalUnits: number;
  readonly factor: number;
  /** A pillar's percentage, exact; `null` where it does not apply. */
  readonly pillarPercent: (p: number) => Fraction | null;
  /** The overall percentage, exact. */
  readonly overallPercent: () => Fraction;
}

/** A level condition that holds: the pillars below its floor. */
export interface CapHolding {
  readonly cap: DbiLevelCap;
  /** Indexes of the pillars below the floor. */
  readonly pillars: readonly number[];
}

/** The levels of an assessment. */
export interface DbiLevels {
  /** `null` where the rule gives pillars no level, or the pillar does not apply. */
  readonly pillarLevels: readonly (number | null)[];
  readonly level: number | null;
  /** The level the bands give, before the level conditions. */
  readonly bandLevel: number | null;
  /** The level conditions that hold (whether or not they lowered the level). */
  readonly holding: readonly CapHolding[];
}

const NO_LEVELS = (n: number): DbiLevels => ({ pillarLevels: new Array<null>(n).fill(null), level: null, bandLevel: null, holding: [] });

/** Whether a pillar is below a condition's floor (a pillar that does not apply never is). */
function belowFloor(cap: DbiLevelCap, p: number, view: LevelView, pillarLevels: readonly (number | null)[]): boolean {
  if (!(view.pillarMaxUnits[p]! > 0)) return false;
  if (cap.anyPillarBelowLevel !== undefined) {
    const l = pillarLevels[p];
    return l !== null && l !== undefined && l < cap.anyPillarBelowLevel;
  }
  const pct = view.pillarPercent(p);
  return pct !== null && compareF(pct, decimalF(cap.anyPillarBelowPercent!)) < 0;
}

const capPillars = new WeakMap<DbiLevelCap, readonly number[] | null>();
/** The pillar indexes a condition looks at. */
function pillarsOfCap(f: DbiFramework, cap: DbiLevelCap): readonly number[] {
  let list = capPillars.get(cap);
  if (list === undefined) {
    list = cap.pillars ? cap.pillars.map((id) => f.pillars.findIndex((p) => p.id === id)).filter((i) => i >= 0) : null;
    capPillars.set(cap, list);
  }
  return list ?? f.pillars.map((_, i) => i);
}

/** The level conditions that hold, with the pillars below each floor. */
export function capsHolding(f: DbiFramework, view: LevelView, pillarLevels: readonly (number | null)[]): CapHolding[] {
  const rule = f.levelRule;
  if (rule.kind === 'none' || !rule.caps) return [];
  const out: CapHolding[] = [];
  for (const cap of rule.caps) {
    const below = pillarsOfCap(f, cap).filter((p) => belowFloor(cap, p, view, pillarLevels));
    if (below.length > 0) out.push({ cap, pillars: below });
  }
  return out;
}

/**
 * The pillar levels and the overall level of an assessment: the bands' level, lowered to `atMost`
 * of every level condition that holds.
 */
export function levelsOf(f: DbiFramework, view: LevelView): DbiLevels {
  const rule = f.levelRule;
  const P = f.pillars.length;
  if (rule.kind === 'none') return NO_LEVELS(P);
  const pillarLevels = new Array<number | null>(P);
  let bandLevel: number;
  if (rule.kind === 'pillar-bands-and-count') {
    const counted: number[] = [];
    for (let p = 0; p < P; p++) {
      const max = view.pillarMaxUnits[p]!;
      const l = max > 0 ? pillarLevelOf(rule, view.pillarUnits[p]!, max) : null;
      pillarLevels[p] = l;
      if (l !== null) counted.push(l);
    }
    bandLevel = overallLevelOf(rule, view.totalUnits, view.factor, counted);
  } else {
    for (let p = 0; p < P; p++) {
      const pct = rule.pillarLevels ? view.pillarPercent(p) : null;
      pillarLevels[p] = pct ? percentLevelOf(rule.bands, pct) : null;
    }
    bandLevel = percentLevelOf(rule.bands, view.overallPercent());
  }
  const holding = rule.caps ? capsHolding(f, view, pillarLevels) : [];
  let level = bandLevel;
  for (const h of holding) level = Math.min(level, h.cap.atMost);
  return { pillarLevels, level, bandLevel, holding };
}

// ---------------------------------------------------------------- words

const fmt = (n: number, lang: 'vi' | 'en') => (lang === 'vi' ? viNumber(n) : String(n));

/**
 * A percentage as reports print it (2 decimals, half-up), with the exact figure beside it where the
 * rounding hides a bound the level depends on (`20` shown, `19.9996` decided).
 */
export function percentNearBound(pct: Fraction, bound: number, lang: 'vi' | 'en'): string {
  const shown = roundF(pct, 2);
  if (shown !== bound || compareF(pct, decimalF(bound)) === 0) return `${fmt(shown, lang)}%`;
  const exact = exactText(fractionString(pct));
  return lang === 'vi' ? `${fmt(shown, lang)}% (chính xác ${viNumber(exact)}%)` : `${shown}% (exactly ${exact}%)`;
}

/**
 * An exact decimal as reports print it beside a rounded one: cut (never rounded, which could give
 * the bound again) after 6 decimals, with `…` where digits follow: `74.998561…`.
 */
export function exactText(exact: string): string {
  const dot = exact.indexOf('.');
  return dot < 0 || exact.length - dot - 1 <= 6 ? exact : `${exact.slice(0, dot + 7)}…`;
}

/** What a level condition asks, in words: "mọi trụ cột đạt từ 20% trở lên" / "every pillar at 20% or more". */
export function capFloorText(f: DbiFramework, cap: DbiLevelCap): Localized {
  const names = cap.pillars ? cap.pillars.map((id) => f.pillars.find((p) => p.id === id)) : null;
  const who = names
    ? { vi: `trụ cột ${names.map((p) => p?.name.vi ?? '?').join(', ')}`, en: `the pillar${names.length > 1 ? 's' : ''} ${names.map((p) => p?.name.en ?? '?').join(', ')}` }
    : { vi: 'mọi trụ cột', en: 'every pillar' };
  if (cap.anyPillarBelowLevel !== undefined) {
    return { vi: `${who.vi} đạt mức ${cap.anyPillarBelowLevel} trở lên`, en: `${who.en} at level ${cap.anyPillarBelowLevel} or higher` };
  }
  const x = cap.anyPillarBelowPercent!;
  return { vi: `${who.vi} đạt từ ${viNumber(x)}% trở lên`, en: `${who.en} at ${x}% or more` };
}

/** The pillars below a condition's floor now, in words: "Chiến lược 15%" / "Strategy 15%". */
export function capShortfallText(f: DbiFramework, h: CapHolding, view: LevelView, pillarLevels: readonly (number | null)[]): Localized {
  const part = (lang: 'vi' | 'en') =>
    h.pillars
      .map((p) => {
        const name = f.pillars[p]!.name[lang];
        if (h.cap.anyPillarBelowLevel !== undefined) return lang === 'vi' ? `${name} mức ${pillarLevels[p]}` : `${name} at level ${pillarLevels[p]}`;
        return `${name} ${percentNearBound(view.pillarPercent(p)!, h.cap.anyPillarBelowPercent!, lang)}`;
      })
      .join(', ');
  return { vi: part('vi'), en: part('en') };
}

/** A level condition in words: "không cao hơn mức 2 khi có trụ cột dưới 20%" / "no higher than level 2 while any pillar is below 20%". */
export function capText(f: DbiFramework, cap: DbiLevelCap): Localized {
  const names = cap.pillars?.map((id) => f.pillars.find((p) => p.id === id));
  const who = names
    ? { vi: `trụ cột ${names.map((p) => p?.name.vi ?? '?').join(', ')}`, en: `the pillar${names.length > 1 ? 's' : ''} ${names.map((p) => p?.name.en ?? '?').join(', ')}` }
    : { vi: 'có trụ cột', en: 'any pillar' };
  const verb = names ? { vi: '', en: names.length > 1 ? ' are' : ' is' } : { vi: '', en: ' is' };
  const floor = cap.anyPillarBelowLevel !== undefined
    ? { vi: `dưới mức ${cap.anyPillarBelowLevel}`, en: `below level ${cap.anyPillarBelowLevel}` }
    : { vi: `dưới ${viNumber(cap.anyPillarBelowPercent!)}%`, en: `below ${cap.anyPillarBelowPercent}%` };
  return {
    vi: `không cao hơn mức ${cap.atMost} khi ${who.vi}${verb.vi} ${floor.vi}`,
    en: `no higher than level ${cap.atMost} while ${who.en}${verb.en} ${floor.en}`,
  };
}

/** The exact percentages a pillar's share is compared with under a framework's rule and conditions. */
export function percentBounds(f: DbiFramework, scope: 'overall' | 'pillar'): number[] {
  const rule = f.levelRule;
  if (rule.kind === 'none') return [];
  const bounds: number[] = [];
  if (rule.kind === 'total-percent-bands') {
    if (scope === 'overall' || rule.pillarLevels) bounds.push(...rule.bands.map((b) => b.fromPercent));
  } else if (scope === 'pillar') bounds.push(...rule.pillarBands.map((b) => b.upToPercent));
  if (scope === 'pillar') for (const c of rule.caps ?? []) if (c.anyPillarBelowPercent !== undefined) bounds.push(c.anyPillarBelowPercent);
  return bounds;
}

/**
 * Whether a percentage printed with 2 decimals hides a bound the level is decided on: the rounded
 * figure equals a bound the exact figure is not (75.00 shown, 74.9996 or 75.0009 decided). Reports
 * then print the exact figure beside it.
 */
export function roundingHidesBound(f: DbiFramework, scope: 'overall' | 'pillar', exactPercent: string, shown: number): boolean {
  if (exactPercent === String(shown)) return false;
  return percentBounds(f, scope).includes(shown);
}
