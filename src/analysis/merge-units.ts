/**
 * Merged provinces, as published for DTI 2024: "the DTI of a province after the merger is computed
 * and ranked from the simple average of the main indicators of the provinces before the merger".
 * Each main indicator's points are averaged (unweighted) over the old units, then the DTI and the
 * pillars are scored from those means. Averaging points is the same as averaging values (points =
 * value × maximum) and keeps a single unit's merge the identity.
 */
import { readOnce } from '../assessment/snapshot.js';
import * as X from '../arithmetic/decimal.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { scoreDti, type DtiResult } from '../score/score-dti.js';
import { dtiInputUnits } from '../assessment/dti-input.js';
import { arrayOf, custom, duplicateIds, isPlainObject, obj, str, throwIfAny, isArray } from '../assessment/check.js';
import { inspectDtiResult } from '../assessment/dti-result-check.js';
import type { DtiFramework } from '../framework/schema.js';

const unitsCheck = /* @__PURE__ */ arrayOf(obj({ id: str(), result: custom<DtiResult>(() => undefined) }, { extraKeys: true }));

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
 * @throws {@link ValidationError} when an old unit is missing, an id appears twice (in `units`, or
 *   in one merge), a result does not add up, or the frameworks differ.
 * @example
 * ```ts
 * // DTI 2024: Đà Nẵng 0.8335 and Quảng Nam 0.5803 (as published; here each main indicator at that value)
 * const at = (v: number) => ({ values: Object.fromEntries(dtiProvince2025.mainIndicators.map((m) => [m.id, v])) });
 * const units = [
 *   { id: '48', result: scoreDti('dti-province-2025', at(0.8335)) },
 *   { id: '49', result: scoreDti('dti-province-2025', at(0.5803)) },
 * ];
 * mergeUnits(units, { '48': ['48', '49'] })[0]?.result.value; // 0.7069 (the new Đà Nẵng, as published)
 * ```
 */
export function mergeUnits(
  units: readonly { readonly id: string; readonly result: DtiResult }[],
  mapping: Readonly<Record<string, readonly string[]>>,
): MergedUnit[] {
  units = readOnce(units, ['units']);
  mapping = readOnce(mapping, ['mapping']);
  const issues: ValidationIssue[] = [];
  unitsCheck(units, ['units'], issues);
  if (!isPlainObject(mapping)) issues.push(makeIssue(['mapping'], 'invalid_type', { expected: 'object { newId: oldIds[] }', received: mapping }));
  throwIfAny(issues);
  issues.push(...duplicateIds(units.map((u) => u.id), ['units']));
  const frameworkOf = new Map<string, DtiFramework>();
  for (let i = 0; i < units.length; i++) {
    const f = inspectDtiResult(units[i]!.result, ['units', i, 'result'], issues);
    if (f) frameworkOf.set(units[i]!.id, f);
    if (issues.length > 20) break;
  }
  throwIfAny(issues);
  const byId = new Map(units.map((u) => [u.id, u.result]));
  for (const newId of Object.keys(mapping)) {
    const olds = mapping[newId] as unknown;
    if (!isArray(olds) || olds.length === 0) {
      issues.push(makeIssue(['mapping', newId], isArray(olds) ? 'missing_input' : 'invalid_type', { fields: ['old unit ids'], expected: 'non-empty array of unit ids', received: olds }));
      continue;
    }
    issues.push(...duplicateIds(olds, ['mapping', newId], 'id').map((x) => ({ ...x, path: x.path.slice(0, -1), pathString: x.path.slice(0, -1).join('.') })));
    olds.forEach((old: unknown, j) => {
      if (typeof old !== 'string') issues.push(makeIssue(['mapping', newId, j], 'invalid_type', { expected: 'unit id string', received: old }));
      else if (!byId.has(old)) issues.push(makeIssue(['mapping', newId, old], 'missing_key', { key: old, index: j }));
    });
  }
  const frameworks = new Set([...frameworkOf.values()]);
  if (frameworks.size > 1) {
    const ids = [...new Set([...frameworks].map((f) => f.id))];
    issues.push(makeIssue(['units'], 'invalid_option', {
      detail: `các đơn vị dùng nhiều bộ chỉ số: ${ids.join(', ')}`, detailEn: `units use several frameworks: ${ids.join(', ')}`, frameworks: ids,
    }));
  }
  if (issues.length) throw new ValidationError(issues);

  return Object.entries(mapping).map(([newId, olds]) => {
    const results = olds.map((o) => byId.get(o)!);
    const framework = frameworkOf.get(olds[0]!)!;
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
