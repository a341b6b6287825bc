/**
 * The rules a DTI framework must keep beyond its shape: the facts that scoring relies on to add up
 * (a pillar's maximum is the sum of its members' maxima, a main indicator's maximum is the sum of
 * its components' maxima, ids are unique). A framework file breaking one of them would score
 * without error and publish wrong values, so `defineFramework` rejects it with these issues.
 */
import * as X from '../../arithmetic/decimal.js';
import { makeIssue, type ValidationIssue } from '../../errors.js';
import type { DtiFramework } from '../schema.js';

function decimalsOf(n: number): number {
  const text = String(n);
  if (text.includes('e')) return Infinity;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Every broken invariant of a DTI framework whose shape is already valid (`dtiFrameworkSchema`),
 * with paths into the framework data (e.g. `mainIndicators.2.components.1.max`). Empty when the
 * framework is consistent.
 *
 * Checked: unique main-indicator, component and pillar ids; components only on scored main
 * indicators of a framework scored by main indicator; component maxima with at most 2 decimals
 * summing exactly to their main indicator's maximum; a main indicator's `componentCount`, where
 * given, equal to the number of components it lists; pillar maxima and the total maximum equal to
 * the sums of their members' maxima; the framework's `componentCount`, where every main indicator
 * gives one, equal to their sum.
 *
 * @example
 * ```ts
 * dtiInvariantIssues(dtiProvince2022); // []
 * const broken = { ...dtiProvince2022, totalMax: 900 };
 * dtiInvariantIssues(broken)[0].pathString; // 'totalMax'
 * ```
 */
export function dtiInvariantIssues(framework: DtiFramework): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, string>();
  const unique = (id: string, path: (string | number)[]) => {
    const first = seen.get(id);
    if (first !== undefined) issues.push(makeIssue(path, 'duplicate_id', { id, first }));
    else seen.set(id, path.join('.'));
  };

  const pillarSeen = new Map<string, string>();
  framework.pillars.forEach((p, i) => {
    const first = pillarSeen.get(p.id);
    if (first !== undefined) issues.push(makeIssue(['pillars', i, 'id'], 'duplicate_id', { id: p.id, first }));
    else pillarSeen.set(p.id, `pillars.${i}.id`);
  });

  framework.mainIndicators.forEach((m, i) => {
    unique(m.id, ['mainIndicators', i, 'id']);
    const components = m.components;
    if (!components) return;
    const at = ['mainIndicators', i, 'components'];
    if (framework.inputKeys !== 'mainIndicators') {
      issues.push(makeIssue(at, 'invalid_framework', {
        detail: `chỉ số thành phần chỉ dùng được khi nhập theo chỉ số chính (inputKeys "mainIndicators"), bộ chỉ số này nhập theo trụ cột`,
        detailEn: 'components need a framework scored by main indicator (inputKeys "mainIndicators"); this one takes pillar inputs',
      }));
    }
    if (m.group === 'unscored' || m.max === null || m.max === 0) {
      issues.push(makeIssue(at, 'invalid_framework', {
        detail: `chỉ số chính "${m.id}" không tính điểm hoặc không có điểm tối đa nên không thể có chỉ số thành phần tính điểm`,
        detailEn: `main indicator "${m.id}" is unscored or has no maximum, so it cannot have scored components`,
      }));
    }
    if (m.componentCount !== null && m.componentCount !== components.length) {
      issues.push(makeIssue(['mainIndicators', i, 'componentCount'], 'sum_mismatch', {
        what: `số chỉ số thành phần liệt kê của "${m.id}"`, whatEn: `components listed under "${m.id}"`,
        sum: components.length, expected: m.componentCount,
      }));
    }
    components.forEach((c, j) => {
      unique(c.id, [...at, j, 'id']);
      if (decimalsOf(c.max) > 2) {
        issues.push(makeIssue([...at, j, 'max'], 'too_many_decimals', { received: c.max, decimals: 2 }));
      }
    });
    if (m.max !== null && m.max > 0) {
      const sum = X.sum(components.map((c) => X.exact(c.max)));
      if (X.compare(sum, X.exact(m.max)) !== 0) {
        issues.push(makeIssue(['mainIndicators', i, 'max'], 'sum_mismatch', {
          what: `điểm tối đa các chỉ số thành phần của "${m.id}"`, whatEn: `the component maxima of "${m.id}"`,
          sum: X.toPlainString(sum), expected: m.max,
        }));
      }
    }
  });

  // Pillar and total maxima: what the value formulas divide by.
  const sumOf = (values: readonly number[]) => X.sum(values.map((v) => X.exact(v)));
  const check = (path: (string | number)[], actual: number, sum: X.Exact, what: string, whatEn: string) => {
    if (X.compare(X.exact(actual), sum) !== 0) {
      issues.push(makeIssue(path, 'sum_mismatch', { what, whatEn, sum: X.toPlainString(sum), expected: actual }));
    }
  };
  if (framework.inputKeys === 'mainIndicators') {
    const scored = framework.mainIndicators.filter((m) => m.max !== null);
    framework.pillars.forEach((p, i) => {
      const members = scored.filter((m) => m.pillars.includes(p.id)).map((m) => m.max as number);
      check(['pillars', i, 'max'], p.max, sumOf(members), `điểm tối đa các chỉ số chính của trụ cột "${p.id}"`, `the maxima of the main indicators in pillar "${p.id}"`);
    });
    check(['totalMax'], framework.totalMax, sumOf(scored.map((m) => m.max as number)), 'điểm tối đa các chỉ số chính', 'the main-indicator maxima');
  } else {
    check(['totalMax'], framework.totalMax, sumOf(framework.pillars.map((p) => p.max)), 'điểm tối đa các trụ cột', 'the pillar maxima');
  }

  const counts = framework.mainIndicators.map((m) => m.componentCount);
  if (framework.componentCount !== null && counts.every((c): c is number => c !== null)) {
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum !== framework.componentCount) {
      issues.push(makeIssue(['componentCount'], 'sum_mismatch', {
        what: 'số chỉ số thành phần của các chỉ số chính', whatEn: 'the main indicators’ component counts',
        sum, expected: framework.componentCount,
      }));
    }
  }
  return issues;
}
