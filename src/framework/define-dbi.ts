/**
 * The invariants of a DBI framework that its schema cannot state: unique ids, maxima that add up,
 * ordered levels and bands, rules that name only levels the framework has. Each broken invariant is
 * an issue whose path points into the framework file.
 *
 * @internal
 */
import type { ValidationIssue } from '../errors.js';
import { duplicates, exactSum, invariant, plain, sameNumber, type Path } from './define-issues.js';
import type { DbiFramework, DbiScale } from './schema.js';

/** Highest points of a scale. */
export function scaleMax(scale: DbiScale): number {
  return scale.kind === 'steps' ? Math.max(...scale.values) : scale.max;
}

function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  if (s.includes('e')) return 99;
  return s.length - s.indexOf('.') - 1;
}

function scaleIssues(scale: DbiScale, path: Path): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (scale.kind === 'steps') {
    for (let i = 1; i < scale.values.length; i++) {
      if (!(scale.values[i]! > scale.values[i - 1]!)) {
        issues.push(invariant([...path, 'values', i], 'các bậc điểm phải tăng dần, không trùng', 'the steps must be ascending without repeats', { received: scale.values[i] }));
      }
    }
  } else {
    if (!(scale.min < scale.max)) issues.push(invariant([...path, 'min'], `min (${scale.min}) phải nhỏ hơn max (${scale.max})`, `min (${scale.min}) must be below max (${scale.max})`));
    for (const key of ['min', 'max'] as const) {
      if (decimalsOf(scale[key]) > scale.decimals) {
        issues.push(invariant([...path, key], `${key} có nhiều chữ số thập phân hơn "decimals" (${scale.decimals})`, `${key} has more decimals than "decimals" (${scale.decimals})`));
      }
    }
  }
  return issues;
}

/** Every invariant a DBI framework breaks, `[]` when none. Paths start at the framework's root. */
export function dbiInvariantIssues(f: DbiFramework): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids: [string, Path][] = [];
  const codes: [string, Path][] = [];
  let componentTotal = 0;
  let criterionTotal = 0;
  f.pillars.forEach((pillar, pi) => {
    const pPath: Path = ['pillars', pi];
    ids.push([pillar.id, [...pPath, 'id']]);
    codes.push([pillar.code, [...pPath, 'code']]);
    const componentMaxima: number[] = [];
    const criterionMaxima: number[] = [];
    componentTotal += pillar.components.length;
    pillar.components.forEach((component, ci) => {
      const cPath: Path = [...pPath, 'components', ci];
      ids.push([component.id, [...cPath, 'id']]);
      if (component.max !== null) componentMaxima.push(component.max);
      const maxima: number[] = [];
      criterionTotal += component.criteria.length;
      component.criteria.forEach((criterion, ki) => {
        const kPath: Path = [...cPath, 'criteria', ki];
        ids.push([criterion.id, [...kPath, 'id']]);
        issues.push(...scaleIssues(criterion.scale, [...kPath, 'scale']));
        maxima.push(scaleMax(criterion.scale));
      });
      criterionMaxima.push(...maxima);
      if (component.criteria.length > 0) {
        if (component.criterionCount !== null && component.criterionCount !== component.criteria.length) {
          issues.push(invariant([...cPath, 'criterionCount'], `criterionCount là ${component.criterionCount} nhưng có ${component.criteria.length} tiêu chí`, `criterionCount is ${component.criterionCount} but ${component.criteria.length} criteria are listed`));
        }
        const sum = exactSum(maxima);
        if (component.max !== null && !sameNumber(sum, component.max)) {
          issues.push(invariant([...cPath, 'max'], `điểm tối đa ${component.max} khác tổng điểm tối đa các tiêu chí (${plain(sum)})`, `the maximum ${component.max} differs from the sum of its criteria's maxima (${plain(sum)})`));
        }
      }
    });
    const allComponentMaxima = pillar.components.length > 0 && componentMaxima.length === pillar.components.length;
    if (allComponentMaxima && pillar.max !== null) {
      const sum = exactSum(componentMaxima);
      if (!sameNumber(sum, pillar.max)) {
        issues.push(invariant([...pPath, 'max'], `điểm tối đa ${pillar.max} khác tổng điểm tối đa các chỉ số thành phần (${plain(sum)})`, `the maximum ${pillar.max} differs from the sum of its components' maxima (${plain(sum)})`));
      }
    }
    if (f.inputLevel === 'criterion') {
      if (criterionMaxima.length === 0) {
        issues.push(invariant([...pPath, 'components'], 'bộ chỉ số chấm theo tiêu chí nhưng trụ cột không có tiêu chí nào', 'the framework is scored by criterion but this pillar lists no criterion'));
      } else {
        const sum = exactSum(criterionMaxima);
        if (pillar.max === null) {
          issues.push(invariant([...pPath, 'max'], `cần điểm tối đa của trụ cột (tổng các tiêu chí là ${plain(sum)})`, `the pillar maximum is required (its criteria add up to ${plain(sum)})`));
        } else if (!sameNumber(sum, pillar.max)) {
          issues.push(invariant([...pPath, 'max'], `điểm tối đa ${pillar.max} khác tổng điểm tối đa các tiêu chí (${plain(sum)})`, `the maximum ${pillar.max} differs from the sum of its criteria's maxima (${plain(sum)})`));
        }
      }
    } else if (pillar.max !== null && decimalsOf(pillar.max) > f.pillarInputDecimals) {
      issues.push(invariant([...pPath, 'max'], `điểm tối đa có nhiều chữ số thập phân hơn pillarInputDecimals (${f.pillarInputDecimals})`, `the maximum has more decimals than pillarInputDecimals (${f.pillarInputDecimals})`));
    }
  });
  issues.push(...duplicates(ids), ...duplicates(codes));

  const pillarMaxima = f.pillars.map((p) => p.max);
  const known = pillarMaxima.every((m) => m !== null);
  const pillarSum = exactSum(pillarMaxima.filter((m): m is number => m !== null));
  if (f.totalMax !== null && known && !sameNumber(pillarSum, f.totalMax)) {
    issues.push(invariant(['totalMax'], `totalMax là ${f.totalMax} nhưng tổng điểm tối đa các trụ cột là ${plain(pillarSum)}`, `totalMax is ${f.totalMax} but the pillar maxima add up to ${plain(pillarSum)}`));
  }
  if (componentTotal > 0 && f.componentCount !== null && f.componentCount !== componentTotal) {
    issues.push(invariant(['componentCount'], `componentCount là ${f.componentCount} nhưng có ${componentTotal} chỉ số thành phần`, `componentCount is ${f.componentCount} but ${componentTotal} components are listed`));
  }
  if (criterionTotal > 0 && f.criterionCount !== null && f.criterionCount !== criterionTotal) {
    issues.push(invariant(['criterionCount'], `criterionCount là ${f.criterionCount} nhưng có ${criterionTotal} tiêu chí`, `criterionCount is ${f.criterionCount} but ${criterionTotal} criteria are listed`));
  }

  // levels: unique and ascending, so that "the highest level" is well defined
  const levels = f.levels.map((l) => l.level);
  issues.push(...duplicates(levels.map((l, i) => [String(l), ['levels', i, 'level']] as const)));
  for (let i = 1; i < levels.length; i++) {
    if (levels[i]! < levels[i - 1]!) issues.push(invariant(['levels', i, 'level'], 'các mức phải theo thứ tự tăng dần', 'levels must be in ascending order', { received: levels[i] }));
  }
  const levelSet = new Set(levels);
  const listed = levels.join(', ') || '—';
  const mustExist = (level: number, path: Path) => {
    if (!levelSet.has(level)) {
      issues.push(invariant(path, `mức ${level} không có trong danh sách "levels" (${listed})`, `level ${level} is not among the framework's "levels" (${listed})`, { received: level }));
    }
  };

  const rule = f.levelRule;
  if (rule.kind === 'pillar-bands-and-count') {
    rule.pillarBands.forEach((band, i) => {
      mustExist(band.level, ['levelRule', 'pillarBands', i, 'level']);
      const prev = rule.pillarBands[i - 1];
      if (prev && !(band.level > prev.level)) issues.push(invariant(['levelRule', 'pillarBands', i, 'level'], 'mức của các dải phải tăng dần', 'band levels must be ascending', { received: band.level }));
      if (prev && !(band.upToPercent > prev.upToPercent)) issues.push(invariant(['levelRule', 'pillarBands', i, 'upToPercent'], 'cận trên của các dải phải tăng dần', 'band upper bounds must be ascending', { received: band.upToPercent }));
    });
    const last = rule.pillarBands.length - 1;
    if (rule.pillarBands[last]!.upToPercent !== 100) {
      issues.push(invariant(['levelRule', 'pillarBands', last, 'upToPercent'], 'dải cuối cùng phải kết thúc ở 100%', 'the last band must end at 100%', { received: rule.pillarBands[last]!.upToPercent }));
    }
    rule.overall.forEach((cond, i) => {
      const path: Path = ['levelRule', 'overall', i];
      mustExist(cond.level, [...path, 'level']);
      const prev = rule.overall[i - 1];
      if (prev && !(cond.level > prev.level)) issues.push(invariant([...path, 'level'], 'các mức tổng thể phải tăng dần', 'overall levels must be ascending', { received: cond.level }));
      if (prev && cond.totalAbove < prev.totalAbove) issues.push(invariant([...path, 'totalAbove'], 'ngưỡng tổng điểm phải tăng dần theo mức', 'total thresholds must ascend with the level', { received: cond.totalAbove }));
      if (cond.minPillarsAtLevel > f.pillars.length) {
        issues.push(invariant([...path, 'minPillarsAtLevel'], `cần ${cond.minPillarsAtLevel} trụ cột nhưng bộ chỉ số chỉ có ${f.pillars.length}`, `asks for ${cond.minPillarsAtLevel} pillars but the framework has ${f.pillars.length}`, { received: cond.minPillarsAtLevel }));
      }
      if (known && f.pillars.length > 0 && !(cond.totalAbove < Number(plain(pillarSum)))) {
        issues.push(invariant([...path, 'totalAbove'], `ngưỡng ${cond.totalAbove} không thấp hơn tổng điểm tối đa ${plain(pillarSum)}: mức này không thể đạt`, `the threshold ${cond.totalAbove} is not below the maximum ${plain(pillarSum)}: the level is unreachable`, { received: cond.totalAbove }));
      }
    });
  }
  return issues;
}
