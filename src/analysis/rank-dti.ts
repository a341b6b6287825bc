/**
 * Ranking provinces by their DTI results, nationally and within groups (e.g. the six regions).
 *
 * A rank is certain only when every unit of the ranking universe has a value. The universe is the
 * units given, or the one `options.universe` names (the 63 provinces of DTI 2020–2024, the 34 units
 * of the 2025 merger, or a list of ids); a unit of the universe without a result (`result: null`,
 * or not given at all) widens every rank's bounds, nationally and in its group: "2–5/5 trong Tây
 * Nguyên, 3 tỉnh chưa có số liệu".
 */
import { readOnce } from '../assessment/snapshot.js';
import * as X from '../arithmetic/decimal.js';
import { PROVINCES_34, PROVINCES_63, findProvince, REGIONS, type RegionId } from '../framework/units/provinces.js';
import type { DtiResult } from '../score/score-dti.js';
import { dtiMeasureExact, dtiMeasureIds, type DtiMeasure } from './measure.js';
import { rankOptionsShape, rankValid, type RankOptions, type Ranked } from './rank.js';
import { arrayOf, custom, duplicateIds, either, func, nullable, obj, oneOf, optional, str, throwIfAny } from '../assessment/check.js';
import { inspectDtiResult } from '../assessment/dti-result-check.js';
import { makeIssue, type ValidationIssue } from '../errors.js';

/** A unit to rank: its id and its DTI result (`null` when it has no result: ranked last, flagged). */
export interface DtiUnit {
  readonly id: string;
  readonly result: DtiResult | null;
  /** Group of the unit (used when `groupBy` is `'group'`). */
  readonly group?: string;
}

/** A unit's place nationally and in its group. */
export interface DtiRanking {
  readonly id: string;
  /** The ranked measure, as published (4 decimals for values, 2 for points); `null` if missing. */
  readonly score: number | null;
  /** The rank among the units with a value: the best possible rank where some have none. */
  readonly rank: number | null;
  /** The best and worst possible rank (1 and `of` for a unit without a value). */
  readonly best: number;
  readonly worst: number;
  /** `true` only when every unit of the universe has a value. */
  readonly certain: boolean;
  /** The number of units in the universe. */
  readonly of: number;
  /** Units of the universe without a value (given with `result: null`, or not given). */
  readonly withoutValue: number;
  readonly tied: boolean;
  readonly missing: boolean;
  readonly group?: string;
  readonly groupName?: { readonly vi: string; readonly en: string };
  readonly rankInGroup?: number | null;
  readonly bestInGroup?: number;
  readonly worstInGroup?: number;
  readonly ofInGroup?: number;
  readonly withoutValueInGroup?: number;
  /** "2–5/5 in Tây Nguyên, 3 provinces without data" style text; a single number only when certain. */
  readonly label: string;
  readonly labelVi: string;
}

/**
 * The units a ranking is among: the 63 provinces of DTI 2020–2024, the 34 units from 1 July 2025
 * (a unit is matched by its code or name, as `findProvince` reads it), or the ids of every unit.
 */
export type RankingUniverse = 'provinces-63' | 'provinces-34' | readonly string[];

export interface RankDtiOptions extends Omit<RankOptions, 'universe'> {
  /** What to rank by (default `value`). */
  readonly by?: DtiMeasure;
  /**
   * Also rank within groups: `'region'` (the six regions, looked up by province code or name),
   * `'group'` (each unit's `group`), or a function from unit id to group.
   */
  readonly groupBy?: 'region' | 'group' | ((id: string) => string | undefined);
  /**
   * Every unit the ranking is among, where `units` may not list them all; default: the units
   * given. Units of the universe not given have no value, as a unit with `result: null`. With
   * `groupBy: 'group'`, list every unit (their groups are not known otherwise).
   */
  readonly universe?: RankingUniverse;
}

const unitsCheck = /* @__PURE__ */ arrayOf(
  obj({ id: str(), result: nullable(custom<DtiResult>(() => undefined)), group: optional(str()) }, { extraKeys: true }),
);
const optionsCheck = /* @__PURE__ */ obj({
  ...rankOptionsShape,
  universe: optional(
    either<'provinces-63' | 'provinces-34', readonly string[]>(
      '"provinces-63", "provinces-34" or a list of unit ids',
      [(x) => typeof x === 'string', oneOf(['provinces-63', 'provinces-34'] as const)],
      [(x) => Array.isArray(x), arrayOf(str())],
    ),
  ),
  by: optional(str()),
  groupBy: optional(
    either<'region' | 'group', (id: string) => string | undefined>(
      '"region", "group" or a function',
      [(x) => typeof x === 'string', oneOf(['region', 'group'] as const)],
      [(x) => typeof x === 'function', func<(id: string) => string | undefined>()],
    ),
  ),
});

/** The universe's members (canonical keys: province codes, or the ids given) and a unit's key in it. */
function universeOf(universe: RankingUniverse): { members: readonly string[]; keyOf: (id: string) => string | undefined; name: string } {
  if (universe === 'provinces-63') return { members: PROVINCES_63.map((p) => p.code), keyOf: (id) => findProvince(id)?.code, name: 'the 63 provinces' };
  if (universe === 'provinces-34') {
    const codes = new Set(PROVINCES_34.map((p) => p.code));
    return { members: [...codes], keyOf: (id) => { const c = findProvince(id)?.code; return c !== undefined && codes.has(c) ? c : undefined; }, name: 'the 34 provinces of 2025' };
  }
  const ids = new Set(universe);
  return { members: [...ids], keyOf: (id) => (ids.has(id) ? id : undefined), name: 'the universe given' };
}

/** "2–5" or "2": a rank as it may be printed. */
function rankText(best: number, worst: number): string {
  return best === worst ? String(best) : `${best}–${worst}`;
}

/**
 * Ranks DTI results by the DTI value, a pillar or a main indicator, nationally and within groups.
 * Where units of the universe have no value, every rank is given with its bounds (`best`–`worst`)
 * and the labels say how many units lack one; a rank is a single number only when it is certain.
 *
 * @example
 * ```ts
 * const all = (v: number) => ({ values: { awareness: v, institutions: v, infrastructure: v, humanResources: v,
 *   cybersecurity: v, digitalGovernment: v, digitalEconomy: v, digitalSociety: v } });
 * // three illustrative units, grouped by region id (`groupBy: 'region'` looks real province codes up)
 * const units = [
 *   { id: 'A', group: 'centralHighlands', result: scoreDti('dti-province-2022', all(0.46)) },
 *   { id: 'B', group: 'centralHighlands', result: scoreDti('dti-province-2022', all(0.4)) },
 *   { id: 'C', group: 'southeast', result: scoreDti('dti-province-2022', all(0.64)) },
 * ];
 * const ranking = rankDti(units, { by: 'value', groupBy: 'group' });
 * ranking.find((r) => r.id === 'B')?.labelVi; // 'hạng 3/3; 2/2 trong Tây Nguyên'
 * ranking.find((r) => r.id === 'B')?.label; // '3/3; 2/2 in Central Highlands'
 * // Tây Nguyên among the 63 provinces, three of its five without a value: the ranks are bounded
 * const highlands = [{ id: '66', result: scoreDti('dti-province-2022', all(0.5)) }, { id: '68', result: scoreDti('dti-province-2022', all(0.6)) }];
 * rankDti(highlands, { groupBy: 'region', universe: 'provinces-63' }).find((r) => r.id === '66')?.labelVi;
 * // 'hạng 2–63/63, 61 tỉnh chưa có số liệu; 2–5/5 trong Tây Nguyên, 3 tỉnh chưa có số liệu'
 * ```
 */
export function rankDti(units: readonly DtiUnit[], options: RankDtiOptions = {}): DtiRanking[] {
  units = readOnce(units, ['units']);
  options = readOnce(options, ['options']);
  const issues: ValidationIssue[] = [];
  unitsCheck(units, ['units'], issues);
  optionsCheck(options, ['options'], issues);
  throwIfAny(issues);
  issues.push(...duplicateIds(units.map((u) => u.id), ['units']));
  const measures = new Set(['value', 'total', 'government', 'economy', 'society']);
  for (let i = 0; i < units.length; i++) {
    const f = units[i]!.result === null ? undefined : inspectDtiResult(units[i]!.result, ['units', i, 'result'], issues);
    if (f) for (const id of dtiMeasureIds(f)) measures.add(id);
  }
  const by = options.by ?? 'value';
  if (issues.length === 0 && !measures.has(by)) issues.push(makeIssue(['options', 'by'], 'invalid_option', { received: by, allowed: [...measures] }, "by takes 'value', 'total', a pillar id or a main-indicator id of the results' framework."));
  throwIfAny(issues);

  // the universe: each given unit's place in it, and the members not given
  const universe = options.universe === undefined ? undefined : universeOf(options.universe);
  const absent: string[] = [];
  if (universe) {
    const seen = new Map<string, number>();
    units.forEach((u, i) => {
      const key = universe.keyOf(u.id);
      if (key === undefined) {
        issues.push(makeIssue(['units', i, 'id'], 'invalid_option', { detail: `"${u.id}" không thuộc tập xếp hạng (universe)`, detailEn: `"${u.id}" is not a unit of ${universe.name} (options.universe)` }));
      } else if (seen.has(key)) {
        issues.push(makeIssue(['units', i, 'id'], 'duplicate_id', { id: key, first: `units.${seen.get(key)}` }));
      } else seen.set(key, i);
    });
    for (const m of universe.members) if (!seen.has(m)) absent.push(m);
    if (issues.length === 0 && absent.length > 0 && options.groupBy === 'group') {
      issues.push(makeIssue(['options', 'universe'], 'invalid_option', {
        detail: `${absent.length} đơn vị của tập xếp hạng không có trong units; với groupBy 'group', hãy liệt kê mọi đơn vị (result: null nếu chưa có số liệu) để biết nhóm của chúng`,
        detailEn: `${absent.length} units of the universe are not in units; with groupBy 'group', list every unit (result: null where it has no value) so that their groups are known`,
      }));
    }
    throwIfAny(issues);
  }

  const entries = units.map((u) => ({ id: u.id, score: u.result ? dtiMeasureExact(u.result, by) : null }));
  const of = units.length + absent.length;
  const national = rankValid(entries, { ...options, universe: of });
  const groupOf = (id: string, group: string | undefined, i: number | undefined): string | undefined => {
    if (!options.groupBy) return undefined;
    if (options.groupBy === 'region') return findProvince(id)?.region;
    if (options.groupBy === 'group') return group;
    const g = options.groupBy(id);
    if (g !== undefined && typeof g !== 'string') {
      throwIfAny([makeIssue(['options', 'groupBy'], 'invalid_type', { expected: `string or undefined (returned for ${i === undefined ? `the unit ${id} of the universe` : `units.${i}`})`, received: g })]);
    }
    return g;
  };
  const groups = new Map<string, { members: { id: string; score: string | null }[]; absent: number }>();
  const unitGroup = new Map<string, string | undefined>();
  const groupEntry = (g: string) => {
    let e = groups.get(g);
    if (!e) groups.set(g, (e = { members: [], absent: 0 }));
    return e;
  };
  for (let i = 0; i < units.length; i++) {
    const g = groupOf(units[i]!.id, units[i]!.group, i);
    unitGroup.set(units[i]!.id, g);
    if (g !== undefined) groupEntry(g).members.push(entries[i]!);
  }
  for (const id of absent) {
    const g = groupOf(id, undefined, undefined);
    if (g !== undefined) groupEntry(g).absent += 1;
  }
  const inGroup = new Map<string, { r: Ranked; of: number; without: number }>();
  for (const { members, absent: away } of groups.values()) {
    const size = members.length + away;
    const without = away + members.filter((m) => m.score === null).length;
    for (const r of rankValid(members, { ...options, universe: size })) inGroup.set(r.id, { r, of: size, without });
  }
  const decimals = by === 'total' ? 2 : 4;
  const withoutValue = of - entries.filter((e) => e.score !== null).length;
  const count = (n: number, lang: 'vi' | 'en') => (n === 0 ? '' : lang === 'vi' ? `, ${n} tỉnh chưa có số liệu` : `, ${n} ${n === 1 ? 'province' : 'provinces'} without data`);
  return national.map((r) => {
    const g = unitGroup.get(r.id);
    const gi = inGroup.get(r.id);
    const groupName = g && Object.prototype.hasOwnProperty.call(REGIONS, g) ? REGIONS[g as RegionId] : g ? { vi: g, en: g } : undefined;
    const score = r.score === null ? null : X.toRoundedNumber(X.exact(String(r.score)), decimals);
    const head = r.rank === null ? 'no result' : `${rankText(r.best, r.worst)}/${of}${count(withoutValue, 'en')}`;
    const headVi = r.rank === null ? 'chưa có số liệu' : `hạng ${rankText(r.best, r.worst)}/${of}${count(withoutValue, 'vi')}`;
    const tail = gi && gi.r.rank !== null
      ? { en: `; ${rankText(gi.r.best, gi.r.worst)}/${gi.of} in ${groupName!.en}${count(gi.without, 'en')}`, vi: `; ${rankText(gi.r.best, gi.r.worst)}/${gi.of} trong ${groupName!.vi}${count(gi.without, 'vi')}` }
      : { en: '', vi: '' };
    return {
      id: r.id, score, rank: r.rank, best: r.best, worst: r.worst, certain: r.certain, of, withoutValue, tied: r.tied, missing: r.missing,
      ...(g === undefined || !gi ? (g === undefined ? {} : { group: g, groupName, rankInGroup: null, ofInGroup: 0 }) : {
        group: g, groupName,
        rankInGroup: gi.r.rank, bestInGroup: gi.r.best, worstInGroup: gi.r.worst, ofInGroup: gi.of, withoutValueInGroup: gi.without,
      }),
      label: `${head}${tail.en}`,
      labelVi: `${headVi}${tail.vi}`,
    };
  });
}
