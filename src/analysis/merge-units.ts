/**
 * Merged provinces, as published for DTI 2024: "the DTI of a province after the merger is computed
 * and ranked from the simple average of the main indicators of the provinces before the merger".
 * Each main indicator's points are averaged (unweighted) over the old units, then the DTI and the
 * pillars are scored from those means. Averaging points is the same as averaging values (points =
 * value × maximum) and keeps a single unit's merge the identity.
 */
import * as X from '../arithmetic/decimal.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { dtiFrameworkOf, scoreDti, type DtiResult } from '../score/score-dti.js';
import { dtiInputUnits } from '../assessment/dti-input.js';

/** A merged unit with the old units it was computed from. */
export interface MergedUnit {
  readonly id: string;
  readonly result: DtiResult;
  readonly from: readonly string[];
}

/**
 * Computes the DTI of merged units from the pre-merger units' results.
 *
 * @param units - old units with their DTI results (all on one framework).
 * @param mapping - new unit id → old unit ids (e.g. {@link MERGER_2025}).
 * @throws {@link ValidationError} when an old unit is missing or the frameworks differ.
 * @example
 * ```ts
 * const merged = mergeUnits(units2024, { '48': ['48', '49'] });
 * merged[0].result.value; // 0.7069  (Đà Nẵng 0.8335 and Quảng Nam 0.5803)
 * ```
 */
export function mergeUnits(
  units: readonly { readonly id: string; readonly result: DtiResult }[],
  mapping: Readonly<Record<string, readonly string[]>>,
): MergedUnit[] {
  const byId = new Map(units.map((u) => [u.id, u.result]));
  const issues: ValidationIssue[] = [];
  for (const [newId, olds] of Object.entries(mapping)) {
    if (!Array.isArray(olds) || olds.length === 0) issues.push(makeIssue(['mapping', newId], 'missing_input', { fields: 'old unit ids' }));
    else for (const old of olds) if (!byId.has(old)) issues.push(makeIssue(['mapping', newId, old], 'missing_key', { key: old }));
  }
  const frameworks = new Set(units.map((u) => u.result.framework.id));
  if (frameworks.size > 1) {
    issues.push(makeIssue(['units'], 'invalid_option', {
      detail: `các đơn vị dùng nhiều bộ chỉ số: ${[...frameworks].join(', ')}`, detailEn: `units use several frameworks: ${[...frameworks].join(', ')}`,
    }));
  }
  if (issues.length) throw new ValidationError(issues);

  return Object.entries(mapping).map(([newId, olds]) => {
    const results = olds.map((o) => byId.get(o)!);
    const framework = dtiFrameworkOf(results[0]!);
    const pointsOf = (r: DtiResult, id: string): X.Exact => {
      if (framework.inputKeys === 'pillars') return X.exact(r.pillars[id as 'government'].exact.points);
      return X.exact(r.mainIndicators.find((m) => m.id === id)?.exact.points ?? '0');
    };
    const points = Object.fromEntries(
      dtiInputUnits(framework).map((u) => [u.id, X.toPlainString(X.divide(X.sum(results.map((r) => pointsOf(r, u.id))), results.length))]),
    );
    return { id: newId, from: [...olds], result: scoreDti(framework, { points }) };
  });
}
