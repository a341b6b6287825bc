/**
 * The invariants of a DTI framework that its schema cannot state: unique ids, each pillar once,
 * scored main indicators with positive maxima that add up to their pillars' maxima and to the
 * total. Each broken invariant is an issue whose path points into the framework file.
 *
 * @internal
 */
import type { ValidationIssue } from '../errors.js';
import { duplicates, exactSum, invariant, sameNumber, sumMismatch, type Path } from './define-issues.js';
import type { DtiFramework } from './schema.js';

/** Every invariant a DTI framework breaks, `[]` when none. Paths start at the framework's root. */
export function dtiInvariantIssues(f: DtiFramework): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  issues.push(...duplicates(f.mainIndicators.map((m, i) => [m.id, ['mainIndicators', i, 'id']] as const)));
  issues.push(...duplicates(f.mainIndicators.map((m, i) => [m.code, ['mainIndicators', i, 'code']] as const)));
  issues.push(...duplicates(f.pillars.map((p, i) => [p.id, ['pillars', i, 'id']] as const)));

  f.mainIndicators.forEach((m, i) => {
    const path: Path = ['mainIndicators', i];
    issues.push(...duplicates(m.pillars.map((p, k) => [p, [...path, 'pillars', k]] as const)));
    if (m.group === 'unscored') {
      if (m.max !== null && m.max !== 0) issues.push(invariant([...path, 'max'], 'chỉ số không tính điểm phải có điểm tối đa 0 hoặc null', 'an unscored indicator must have a maximum of 0 or null', { received: m.max }));
    } else if (m.max !== null && !(m.max > 0)) {
      issues.push(invariant([...path, 'max'], 'điểm tối đa của chỉ số tính điểm phải lớn hơn 0', 'a scored indicator needs a maximum above 0', { received: m.max }));
    }
  });

  if (f.inputKeys === 'mainIndicators') {
    const scored = f.mainIndicators.filter((m) => m.group !== 'unscored' && m.max !== null);
    if (scored.length === 0) issues.push(invariant(['mainIndicators'], 'không có chỉ số chính nào có điểm tối đa', 'no main indicator has a maximum'));
    const total = exactSum(scored.map((m) => m.max as number));
    if (!sameNumber(total, f.totalMax)) {
      issues.push(sumMismatch(['totalMax'], 'điểm tối đa các chỉ số chính', "the main indicators' maxima", total, f.totalMax));
    }
    f.pillars.forEach((p, i) => {
      const members = scored.filter((m) => m.pillars.includes(p.id));
      const sum = exactSum(members.map((m) => m.max as number));
      if (!sameNumber(sum, p.max)) {
        issues.push(sumMismatch(['pillars', i, 'max'], 'điểm tối đa các chỉ số chính của trụ cột', "the pillar's main indicators' maxima", sum, p.max));
      }
    });
  } else {
    const sum = exactSum(f.pillars.map((p) => p.max));
    if (!sameNumber(sum, f.totalMax)) {
      issues.push(sumMismatch(['totalMax'], 'điểm tối đa các trụ cột', 'the pillar maxima', sum, f.totalMax));
    }
  }
  return issues;
}
