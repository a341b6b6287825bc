/**
 * What changed between two results of the same kind (two runs, two years, a what-if): points,
 * values, levels and, when given, ranks. Differences are exact.
 */
import { readOnce } from '../assessment/snapshot.js';
import * as X from '../arithmetic/decimal.js';
import { makeIssue, type ValidationIssue } from '../errors.js';
import { custom, isPlainObject, nullable, num, obj, optional, throwIfAny, type Infer, type Path, isArray } from '../assessment/check.js';
import { inspectDtiResult } from '../assessment/dti-result-check.js';
import { inspectDbiResult } from '../assessment/dbi-result-check.js';

const rankCheck = /* @__PURE__ */ nullable(num({ integer: true, min: 1 }));
const optionsCheck = /* @__PURE__ */ obj({
  rank: optional(
    custom<readonly [number | null, number | null]>((value, path, issues) => {
      if (!isArray(value) || value.length !== 2) {
        issues.push(makeIssue(path, 'invalid_type', { expected: '[rank before, rank after] (each a rank or null)', received: value }));
        return;
      }
      rankCheck(value[0], [...path, 0], issues);
      rankCheck(value[1], [...path, 1], issues);
    }),
  ),
});

/** Options of {@link compareResults}: `rank`, the unit's rank before and after (each a rank or `null`). */
export type CompareOptions = Infer<typeof optionsCheck>;

function inspect(result: unknown, path: Path, issues: ValidationIssue[]): 'dti' | 'dbi' | undefined {
  const kind = isPlainObject(result) ? result.kind : undefined;
  if (kind === 'dbi') return inspectDbiResult(result, path, issues) ? 'dbi' : undefined;
  return inspectDtiResult(result, path, issues) ? 'dti' : undefined;
}
import type { DbiResult } from '../score/score-dbi.js';
import type { DtiResult } from '../score/score-dti.js';

/** One changed figure. */
export interface Change {
  /** Which figure: `value`, `total`, `pillars.government.value`, `mainIndicators.awareness.points`, `level`, `rank` … */
  readonly field: string;
  readonly from: number | null;
  readonly to: number | null;
  /** `to − from`, rounded as the figure is published; `null` where either side is missing. */
  readonly delta: number | null;
}

/**
 * Lists every figure that differs between `a` and `b` (same kind of result).
 *
 * @example
 * ```ts
 * const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54,
 *   digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
 * const before = scoreDti('dti-province-2022', { points });
 * const after = scoreDti('dti-province-2022', { points: { ...points, awareness: 90 } });
 * const changes = compareResults(before, after, { rank: [17, 12] });
 * changes[1]; // { field: 'value', from: 0.3985, to: 0.4145, delta: 0.016 }
 * changes[changes.length - 1]; // { field: 'rank', from: 17, to: 12, delta: -5 }
 * ```
 */
export function compareResults(
  a: DtiResult | DbiResult,
  b: DtiResult | DbiResult,
  options: CompareOptions = {},
): Change[] {
  a = readOnce(a, ['a']);
  b = readOnce(b, ['b']);
  options = readOnce(options, ['options']);
  const issues: ValidationIssue[] = [];
  const ka = inspect(a, ['a'], issues);
  const kb = inspect(b, ['b'], issues);
  if (ka && kb && ka !== kb) issues.push(makeIssue(['b', 'kind'], 'wrong_framework_kind', { id: b.framework.id, actual: kb, expected: ka }));
  optionsCheck(options, ['options'], issues);
  throwIfAny(issues);
  const changes: Change[] = [];
  const push = (field: string, from: string | number | null, to: string | number | null, decimals: number) => {
    if (from === null || to === null) {
      if (from !== to) changes.push({ field, from: from === null ? null : Number(from), to: to === null ? null : Number(to), delta: null });
      return;
    }
    const d = X.subtract(X.exact(String(to)), X.exact(String(from)));
    if (X.isZero(d)) return;
    changes.push({
      field,
      from: X.toRoundedNumber(X.exact(String(from)), decimals),
      to: X.toRoundedNumber(X.exact(String(to)), decimals),
      delta: X.toRoundedNumber(d, decimals),
    });
  };
  if (a.kind === 'dti' && b.kind === 'dti') {
    push('total', a.exact.total, b.exact.total, 2);
    push('value', a.exact.value, b.exact.value, 4);
    for (const id of ['government', 'economy', 'society'] as const) {
      push(`pillars.${id}.value`, a.pillars[id].exact.value, b.pillars[id].exact.value, 4);
    }
    for (const m of a.mainIndicators) {
      const other = b.mainIndicators.find((x) => x.id === m.id);
      if (!other) continue;
      push(`mainIndicators.${m.id}.points`, m.exact.points, other.exact.points, 2);
      push(`mainIndicators.${m.id}.value`, m.exact.value, other.exact.value, 4);
    }
  } else if (a.kind === 'dbi' && b.kind === 'dbi') {
    push('total', a.exact.total, b.exact.total, 2);
    push('percent', a.exact.percent, b.exact.percent, 2);
    push('level', a.level, b.level, 0);
    for (const p of a.pillars) {
      const other = b.pillars.find((x) => x.id === p.id);
      if (!other) continue;
      push(`pillars.${p.id}.points`, p.exact.points, other.exact.points, 2);
      push(`pillars.${p.id}.level`, p.level, other.level, 0);
    }
  }
  if (options.rank) push('rank', options.rank[0], options.rank[1], 0);
  return changes;
}
