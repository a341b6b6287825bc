/**
 * The invariants of a DTI framework that its schema cannot state: unique ids, each pillar once,
 * scored main indicators with positive maxima that add up to their pillars' maxima and to the
 * total, component maxima that add up to their main indicator's maximum. Each broken invariant is
 * an issue whose path points into the framework file.
 *
 * @internal
 */
import { makeIssue, type ValidationIssue } from '../errors.js';
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

  issues.push(...componentIssues(f));

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

function decimalsOf(n: number): number {
  const text = String(n);
  if (text.includes('e')) return Infinity;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The component-tree invariants: components only on scored main indicators of a framework scored
 * by main indicator; component ids unique across the framework (main-indicator ids included, so
 * that a gap list can name any item by its id) and codes unique; maxima with at most 2 decimals
 * summing exactly to the main indicator's maximum; a main indicator's `componentCount`, where
 * given, equal to the number it lists; the framework's `componentCount`, where every main indicator
 * gives one, equal to their sum.
 */
function componentIssues(f: DtiFramework): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids: (readonly [string, Path])[] = f.mainIndicators.map((m, i) => [m.id, ['mainIndicators', i, 'id']] as const);
  const codes: (readonly [string, Path])[] = [];
  f.mainIndicators.forEach((m, i) => {
    const components = m.components;
    if (!components) return;
    const at: Path = ['mainIndicators', i, 'components'];
    if (f.inputKeys !== 'mainIndicators') {
      issues.push(invariant(at,
        'chỉ số thành phần chỉ dùng được khi nhập theo chỉ số chính (inputKeys "mainIndicators"), bộ chỉ số này nhập theo trụ cột',
        'components need a framework scored by main indicator (inputKeys "mainIndicators"); this one takes pillar inputs'));
    }
    if (m.group === 'unscored' || m.max === null || m.max === 0) {
      issues.push(invariant(at,
        `chỉ số chính "${m.id}" không tính điểm hoặc không có điểm tối đa nên không thể có chỉ số thành phần tính điểm`,
        `main indicator "${m.id}" is unscored or has no maximum, so it cannot have scored components`));
    }
    if (m.componentCount !== null && m.componentCount !== components.length) {
      issues.push(invariant(['mainIndicators', i, 'componentCount'],
        `componentCount là ${m.componentCount} nhưng "${m.id}" liệt kê ${components.length} chỉ số thành phần`,
        `componentCount is ${m.componentCount} but "${m.id}" lists ${components.length} components`));
    }
    components.forEach((c, j) => {
      ids.push([c.id, [...at, j, 'id']]);
      codes.push([c.code, [...at, j, 'code']]);
      if (decimalsOf(c.max) > 2) issues.push(makeIssue([...at, j, 'max'], 'too_many_decimals', { received: c.max, decimals: 2 }));
    });
    if (m.max !== null && m.max > 0) {
      const sum = exactSum(components.map((c) => c.max));
      if (!sameNumber(sum, m.max)) {
        issues.push(sumMismatch(['mainIndicators', i, 'max'], `điểm tối đa các chỉ số thành phần của "${m.id}"`, `the component maxima of "${m.id}"`, sum, m.max));
      }
    }
  });
  // main-indicator duplicates are reported above; here only the components' clashes
  issues.push(...duplicates(ids).filter((x) => x.path.includes('components')));
  issues.push(...duplicates(codes));

  const counts = f.mainIndicators.map((m) => m.componentCount);
  if (f.componentCount !== null && counts.every((c): c is number => c !== null)) {
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum !== f.componentCount) {
      issues.push(sumMismatch(['componentCount'], 'số chỉ số thành phần của các chỉ số chính', "the main indicators' component counts", exactSum([sum]), f.componentCount));
    }
  }
  return issues;
}
