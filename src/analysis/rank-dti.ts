/** Ranking provinces by their DTI results, nationally and within groups (e.g. the six regions). */
import { readOnce } from '../assessment/snapshot.js';
import * as X from '../arithmetic/decimal.js';
import { findProvince, REGIONS, type RegionId } from '../framework/units/provinces.js';
import type { DtiResult } from '../score/score-dti.js';
import { dtiMeasureExact, dtiMeasureIds, type DtiMeasure } from './measure.js';
import { rankOptionsShape, rankValid, type RankOptions } from './rank.js';
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
  readonly rank: number | null;
  readonly of: number;
  readonly tied: boolean;
  readonly missing: boolean;
  readonly group?: string;
  readonly groupName?: { readonly vi: string; readonly en: string };
  readonly rankInGroup?: number | null;
  readonly ofInGroup?: number;
  /** "2/5 in Tây Nguyên" style text. */
  readonly label: string;
  readonly labelVi: string;
}

export interface RankDtiOptions extends RankOptions {
  /** What to rank by (default `value`). */
  readonly by?: DtiMeasure;
  /**
   * Also rank within groups: `'region'` (the six regions, looked up by province code or name),
   * `'group'` (each unit's `group`), or a function from unit id to group.
   */
  readonly groupBy?: 'region' | 'group' | ((id: string) => string | undefined);
}

const unitsCheck = /* @__PURE__ */ arrayOf(
  obj({ id: str(), result: nullable(custom<DtiResult>(() => undefined)), group: optional(str()) }, { extraKeys: true }),
);
const optionsCheck = /* @__PURE__ */ obj({
  ...rankOptionsShape,
  by: optional(str()),
  groupBy: optional(
    either<'region' | 'group', (id: string) => string | undefined>(
      '"region", "group" or a function',
      [(x) => typeof x === 'string', oneOf(['region', 'group'] as const)],
      [(x) => typeof x === 'function', func<(id: string) => string | undefined>()],
    ),
  ),
});

/**
 * Ranks DTI results by the DTI value, a pillar or a main indicator, nationally and within groups.
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
  const entries = units.map((u) => ({ id: u.id, score: u.result ? dtiMeasureExact(u.result, by) : null }));
  const national = rankValid(entries, options);
  const groupOf = (u: DtiUnit, i: number): string | undefined => {
    if (!options.groupBy) return undefined;
    if (options.groupBy === 'region') return findProvince(u.id)?.region;
    if (options.groupBy === 'group') return u.group;
    const g = options.groupBy(u.id);
    if (g !== undefined && typeof g !== 'string') {
      throwIfAny([makeIssue(['options', 'groupBy'], 'invalid_type', { expected: `string or undefined (returned for units.${i})`, received: g })]);
    }
    return g;
  };
  const groups = new Map<string, { id: string; score: string | null }[]>();
  const unitGroup = new Map<string, string | undefined>();
  for (let i = 0; i < units.length; i++) {
    const g = groupOf(units[i]!, i);
    unitGroup.set(units[i]!.id, g);
    if (g === undefined) continue;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(entries[i]!);
  }
  const inGroup = new Map<string, { rank: number | null; of: number }>();
  for (const members of groups.values()) {
    for (const r of rankValid(members, options)) inGroup.set(r.id, { rank: r.rank, of: members.length });
  }
  const decimals = by === 'total' ? 2 : 4;
  const ofAll = units.length;
  return national.map((r) => {
    const g = unitGroup.get(r.id);
    const gi = inGroup.get(r.id);
    const groupName = g && Object.prototype.hasOwnProperty.call(REGIONS, g) ? REGIONS[g as RegionId] : g ? { vi: g, en: g } : undefined;
    const score = r.score === null ? null : X.toRoundedNumber(X.exact(String(r.score)), decimals);
    const head = r.rank === null ? 'no result' : `${r.rank}/${ofAll}`;
    const headVi = r.rank === null ? 'chưa có số liệu' : `hạng ${r.rank}/${ofAll}`;
    return {
      id: r.id, score, rank: r.rank, of: ofAll, tied: r.tied, missing: r.missing,
      ...(g === undefined ? {} : { group: g, groupName, rankInGroup: gi?.rank ?? null, ofInGroup: gi?.of ?? 0 }),
      label: g && gi?.rank ? `${head}; ${gi.rank}/${gi.of} in ${groupName!.en}` : head,
      labelVi: g && gi?.rank ? `${headVi}; ${gi.rank}/${gi.of} trong ${groupName!.vi}` : headVi,
    };
  });
}
