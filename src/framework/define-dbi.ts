/**
 * The invariants of a DBI framework that its schema cannot state: unique ids, maxima that add up,
 * ordered levels and bands, rules that name only levels the framework has, consistent questions,
 * sectors and weights. Each broken invariant is an issue whose path points into the framework file.
 *
 * @internal
 */
import { viNumber, type ValidationIssue } from '../errors.js';
import { criterionMax } from './dbi-criterion.js';
import { duplicates, exactSum, invariant, plain, sameNumber, sumMismatch, type Path } from './define-issues.js';
import type { DbiAnswer, DbiComponent, DbiCriterion, DbiFramework, DbiLevelCap, DbiScale } from './schema.js';

/**
 * An id as a column header compares it: without case or diacritics (`đ` as `d`). Two criterion ids
 * equal in this form would be one column of a spreadsheet.
 */
function foldedId(id: string): string {
  return id.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** An id or letter that is not in Unicode NFC (typed on a system that decomposes `ă` into `a` and a breve). */
function notNfc(value: string, path: Path): ValidationIssue[] {
  return value === value.normalize('NFC')
    ? []
    : [invariant(path, `"${value}" phải ở dạng Unicode NFC (chữ có dấu dựng sẵn, như "ă", "đ")`, `"${value}" must be in Unicode NFC (precomposed letters such as "ă", "đ")`, { received: value })];
}

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
    scale.values.forEach((v, i) => {
      if (decimalsOf(v) > 4) issues.push(invariant([...path, 'values', i], 'điểm có quá 4 chữ số thập phân', 'points have more than 4 decimals', { received: v }));
    });
  } else {
    if (!(scale.min < scale.max)) issues.push(invariant([...path, 'min'], `min (${viNumber(scale.min)}) phải nhỏ hơn max (${viNumber(scale.max)})`, `min (${scale.min}) must be below max (${scale.max})`));
    for (const key of ['min', 'max'] as const) {
      if (decimalsOf(scale[key]) > scale.decimals) {
        issues.push(invariant([...path, key], `${key} có nhiều chữ số thập phân hơn "decimals" (${scale.decimals})`, `${key} has more decimals than "decimals" (${scale.decimals})`));
      }
    }
  }
  return issues;
}

function answerIssues(answer: DbiAnswer, path: Path): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (answer.kind === 'single' || answer.kind === 'multiple') {
    issues.push(...duplicates(answer.options.map((o, i) => [o.id, [...path, 'options', i, 'id']] as const)));
    issues.push(...duplicates(answer.options.flatMap((o, i) => (o.letter === undefined ? [] : [[o.letter, [...path, 'options', i, 'letter']] as const]))));
    const ids = new Map(answer.options.map((o, i) => [o.id, i]));
    answer.options.forEach((o, i) => {
      issues.push(...notNfc(o.id, [...path, 'options', i, 'id']));
      if (o.letter !== undefined) {
        issues.push(...notNfc(o.letter, [...path, 'options', i, 'letter']));
        const other = ids.get(o.letter);
        if (other !== undefined && other !== i) {
          issues.push(invariant([...path, 'options', i, 'letter'], `chữ "${o.letter}" là mã của phương án khác (${other + 1}): một câu trả lời "${o.letter}" sẽ không rõ chỉ phương án nào`, `the letter "${o.letter}" is the id of another option (${other + 1}): an answer "${o.letter}" would be ambiguous`, { received: o.letter }));
        }
      }
      if (decimalsOf(o.points) > 4) issues.push(invariant([...path, 'options', i, 'points'], 'điểm có quá 4 chữ số thập phân', 'points have more than 4 decimals', { received: o.points }));
      if (answer.kind === 'single' && o.exclusive !== undefined) {
        issues.push(invariant([...path, 'options', i, 'exclusive'], '"exclusive" chỉ dùng cho câu hỏi nhiều lựa chọn', '"exclusive" applies to multiple choice only'));
      }
    });
    if (answer.kind === 'multiple' && answer.cap !== undefined && decimalsOf(answer.cap) > 4) {
      issues.push(invariant([...path, 'cap'], 'mức trần có quá 4 chữ số thập phân', 'the cap has more than 4 decimals', { received: answer.cap }));
    }
    return issues;
  }
  // figure
  if (!(answer.min < answer.max)) issues.push(invariant([...path, 'min'], `min (${viNumber(answer.min)}) phải nhỏ hơn max (${viNumber(answer.max)})`, `min (${answer.min}) must be below max (${answer.max})`));
  for (const key of ['min', 'max'] as const) {
    if (decimalsOf(answer[key]) > answer.decimals) {
      issues.push(invariant([...path, key], `${key} có nhiều chữ số thập phân hơn "decimals" (${answer.decimals})`, `${key} has more decimals than "decimals" (${answer.decimals})`));
    }
  }
  const first = answer.thresholds[0]!;
  if (first.from !== answer.min || !first.inclusive) {
    issues.push(invariant([...path, 'thresholds', 0], `ngưỡng đầu tiên phải bắt đầu từ min (${viNumber(answer.min)}), tính cả min (inclusive: true)`, `the first threshold must start at min (${answer.min}), inclusive`));
  }
  answer.thresholds.forEach((t, i) => {
    const prev = answer.thresholds[i - 1];
    if (prev && !(t.from > prev.from)) issues.push(invariant([...path, 'thresholds', i, 'from'], 'các ngưỡng phải tăng dần', 'thresholds must be ascending', { received: t.from }));
    if (t.from > answer.max) issues.push(invariant([...path, 'thresholds', i, 'from'], `ngưỡng vượt quá max (${viNumber(answer.max)})`, `the threshold is above max (${answer.max})`, { received: t.from }));
    if (decimalsOf(t.points) > 4) issues.push(invariant([...path, 'thresholds', i, 'points'], 'điểm có quá 4 chữ số thập phân', 'points have more than 4 decimals', { received: t.points }));
  });
  return issues;
}

function criterionIssues(criterion: DbiCriterion, path: Path): ValidationIssue[] {
  const hasScale = criterion.scale !== undefined;
  const hasAnswer = criterion.answer !== undefined;
  if (hasScale === hasAnswer) {
    return [invariant(path, 'tiêu chí cần đúng một trong hai trường "scale" (chấm điểm trực tiếp) hoặc "answer" (câu hỏi)', 'a criterion needs exactly one of "scale" (answered in points) or "answer" (a question)')];
  }
  return [...notNfc(criterion.id, [...path, 'id']), ...(criterion.scale ? scaleIssues(criterion.scale, [...path, 'scale']) : answerIssues(criterion.answer!, [...path, 'answer']))];
}

/** Checks a list of criteria (a component's, or a part's own); returns their maxima where valid. */
function criteriaIssues(criteria: readonly DbiCriterion[], path: Path, ids: [string, Path][], issues: ValidationIssue[]): number[] {
  const maxima: number[] = [];
  criteria.forEach((criterion, ki) => {
    const kPath: Path = [...path, ki];
    ids.push([criterion.id, [...kPath, 'id']]);
    const own = criterionIssues(criterion, kPath);
    issues.push(...own);
    if (own.length === 0) maxima.push(criterionMax(criterion));
  });
  return maxima;
}

/**
 * Checks a part of the questionnaire (a pillar's, or a sector's): its components and criteria, and
 * the criteria directly under it; returns their maxima and counts.
 */
function componentsIssues(
  components: readonly DbiComponent[],
  path: Path,
  ids: [string, Path][],
  issues: ValidationIssue[],
  direct: readonly DbiCriterion[] = [],
  directPath: Path = [],
): { criterionMaxima: number[]; componentMaxima: (number | null)[]; criteria: number } {
  const criterionMaxima: number[] = criteriaIssues(direct, directPath, ids, issues);
  const componentMaxima: (number | null)[] = [];
  let criteria = direct.length;
  components.forEach((component, ci) => {
    const cPath: Path = [...path, ci];
    ids.push([component.id, [...cPath, 'id']]);
    componentMaxima.push(component.max);
    criteria += component.criteria.length;
    const maxima = criteriaIssues(component.criteria, [...cPath, 'criteria'], ids, issues);
    criterionMaxima.push(...maxima);
    if (component.criteria.length > 0) {
      if (component.criterionCount !== null && component.criterionCount !== component.criteria.length) {
        issues.push(invariant([...cPath, 'criterionCount'], `criterionCount là ${component.criterionCount} nhưng có ${component.criteria.length} tiêu chí`, `criterionCount is ${component.criterionCount} but ${component.criteria.length} criteria are listed`));
      }
      const sum = exactSum(maxima);
      if (component.max !== null && maxima.length === component.criteria.length && !sameNumber(sum, component.max)) {
        issues.push(sumMismatch([...cPath, 'max'], 'điểm tối đa các tiêu chí', "the criteria's maxima", sum, component.max));
      }
    }
  });
  return { criterionMaxima, componentMaxima, criteria };
}

/** Every invariant a DBI framework breaks, `[]` when none. Paths start at the framework's root. */
export function dbiInvariantIssues(f: DbiFramework): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids: [string, Path][] = [];
  const codes: [string, Path][] = [];
  let componentTotal = 0;
  let criterionTotal = 0;
  const sectorCriterionIds: [string, Path][] = [];
  const sectorPillars = f.pillars.map((p, i) => [p, i] as const).filter(([p]) => p.sectorSpecific === true);
  f.pillars.forEach((pillar, pi) => {
    const pPath: Path = ['pillars', pi];
    ids.push([pillar.id, [...pPath, 'id']]);
    codes.push([pillar.code, [...pPath, 'code']]);
    componentTotal += pillar.components.length;
    if (pillar.sectorSpecific) {
      if (pillar.components.length > 0) issues.push(invariant([...pPath, 'components'], 'trụ cột theo ngành lấy chỉ số thành phần từ "sectors"; danh sách này phải để trống', 'the sector pillar takes its components from "sectors"; leave this list empty'));
      if (pillar.criteria !== undefined) issues.push(invariant([...pPath, 'criteria'], 'trụ cột theo ngành lấy tiêu chí từ "sectors"; bỏ trường này', 'the sector pillar takes its criteria from "sectors"; leave this field out'));
      if (pillar.max !== null) issues.push(invariant([...pPath, 'max'], 'điểm tối đa của trụ cột theo ngành là của từng ngành ("sectors"); để null', 'the sector pillar\'s maximum is each sector\'s ("sectors"); set it to null'));
      return;
    }
    const direct = pillar.criteria ?? [];
    const { criterionMaxima, componentMaxima, criteria } = componentsIssues(pillar.components, [...pPath, 'components'], ids, issues, direct, [...pPath, 'criteria']);
    criterionTotal += criteria;
    const knownComponents = componentMaxima.filter((m): m is number => m !== null);
    const directMaxima = direct.map((c) => criterionMax(c));
    if (pillar.components.length > 0 && knownComponents.length === pillar.components.length && pillar.max !== null && criterionMaxima.length === criteria) {
      const sum = exactSum([...knownComponents, ...directMaxima]);
      if (!sameNumber(sum, pillar.max)) issues.push(sumMismatch([...pPath, 'max'], 'điểm tối đa các chỉ số thành phần', "the components' maxima", sum, pillar.max));
    }
    if (f.inputLevel === 'criterion') {
      if (criteria === 0) {
        issues.push(invariant([...pPath, 'components'], 'bộ chỉ số chấm theo tiêu chí nhưng trụ cột không có tiêu chí nào', 'the framework is scored by criterion but this pillar lists no criterion'));
      } else if (criterionMaxima.length === criteria) {
        const sum = exactSum(criterionMaxima);
        if (pillar.max === null) {
          issues.push(invariant([...pPath, 'max'], `cần điểm tối đa của trụ cột (tổng các tiêu chí là ${viNumber(plain(sum))})`, `the pillar maximum is required (its criteria add up to ${plain(sum)})`));
        } else if (!sameNumber(sum, pillar.max)) {
          issues.push(sumMismatch([...pPath, 'max'], 'điểm tối đa các tiêu chí của trụ cột', "the pillar's criteria maxima", sum, pillar.max));
        }
      }
    } else if (pillar.max !== null && decimalsOf(pillar.max) > f.pillarInputDecimals) {
      issues.push(invariant([...pPath, 'max'], `điểm tối đa có nhiều chữ số thập phân hơn pillarInputDecimals (${f.pillarInputDecimals})`, `the maximum has more decimals than pillarInputDecimals (${f.pillarInputDecimals})`));
    }
  });

  // sectors: one sector pillar, each sector's criteria unique beside the common ones
  if (f.sectors) {
    if (sectorPillars.length !== 1) {
      issues.push(invariant(['sectors'], `cần đúng một trụ cột có "sectorSpecific": true (có ${sectorPillars.length})`, `exactly one pillar must be "sectorSpecific": true (found ${sectorPillars.length})`));
    }
    if (f.inputLevel !== 'criterion') issues.push(invariant(['inputLevel'], 'phần theo ngành cần nhập theo tiêu chí ("criterion")', 'sector parts need criterion-level input ("criterion")'));
    if (f.totalMax !== null) issues.push(invariant(['totalMax'], 'tổng điểm tối đa khác nhau theo ngành: để null', 'the maximum differs by sector: set totalMax to null'));
    issues.push(...duplicates(f.sectors.map((s, i) => [s.id, ['sectors', i, 'id']] as const)));
    f.sectors.forEach((sector, si) => {
      const sectorIds: [string, Path][] = [];
      const { criterionMaxima, criteria } = componentsIssues(sector.components, ['sectors', si, 'components'], sectorIds, issues, sector.criteria ?? [], ['sectors', si, 'criteria']);
      componentTotal += sector.components.length;
      criterionTotal += criteria;
      sectorCriterionIds.push(...sectorIds.filter(([, path]) => path.includes('criteria')));
      // ids must not clash with the common part's (they are answer keys beside it)
      issues.push(...duplicates([...ids, ...sectorIds]).filter((i) => i.path[0] === 'sectors'));
      if (criteria === 0) issues.push(invariant(['sectors', si, 'components'], 'phần của ngành không có tiêu chí nào', 'the sector part lists no criterion'));
      else if (criterionMaxima.length === criteria) {
        const sum = exactSum(criterionMaxima);
        if (!sameNumber(sum, sector.max)) issues.push(sumMismatch(['sectors', si, 'max'], 'điểm tối đa các tiêu chí của ngành', "the sector's criteria maxima", sum, sector.max));
      }
    });
  } else if (sectorPillars.length > 0) {
    issues.push(invariant(['pillars', sectorPillars[0]![1], 'sectorSpecific'], 'trụ cột theo ngành cần danh sách "sectors"', 'a sector pillar needs a "sectors" list'));
  }
  if (f.sectorRules && !f.sectors) issues.push(invariant(['sectorRules'], '"sectorRules" chỉ dùng khi có phần theo ngành ("sectors")', '"sectorRules" applies only with sector parts ("sectors")'));
  issues.push(...duplicates(ids), ...duplicates(codes));
  // criterion ids are column headers too, compared without case or diacritics: "7.2.đ" and "7.2.d" would be one column
  const criterionIds = ids.filter(([, path]) => path.includes('criteria'));
  const folded = new Map<string, string>();
  for (const [id, path] of [...criterionIds, ...sectorCriterionIds]) {
    const key = foldedId(id);
    const before = folded.get(key);
    if (before === undefined) folded.set(key, id);
    else if (before !== id) {
      issues.push(invariant(path, `mã "${id}" trùng với "${before}" khi bỏ dấu và chữ hoa (tiêu đề cột so sánh như vậy)`, `id "${id}" is the same as "${before}" once case and diacritics are ignored (as column headers are compared)`, { received: id }));
    }
  }

  const pillarMaxima = f.pillars.map((p) => p.max);
  const known = pillarMaxima.every((m) => m !== null);
  const pillarSum = exactSum(pillarMaxima.filter((m): m is number => m !== null));
  if (f.totalMax !== null && known && !sameNumber(pillarSum, f.totalMax)) {
    issues.push(sumMismatch(['totalMax'], 'điểm tối đa các trụ cột', 'the pillar maxima', pillarSum, f.totalMax));
  }
  // one meaning with or without sectors: every part counted (the common part and each sector's)
  const parts = f.sectors ? ' (kể cả phần của mọi ngành)' : '';
  const partsEn = f.sectors ? ' (every sector\'s part included)' : '';
  if (componentTotal > 0 && f.componentCount !== null && f.componentCount !== componentTotal) {
    issues.push(invariant(['componentCount'], `componentCount là ${f.componentCount} nhưng có ${componentTotal} chỉ số thành phần${parts}`, `componentCount is ${f.componentCount} but ${componentTotal} components are listed${partsEn}`));
  }
  if (criterionTotal > 0 && f.criterionCount !== null && f.criterionCount !== criterionTotal) {
    issues.push(invariant(['criterionCount'], `criterionCount là ${f.criterionCount} nhưng có ${criterionTotal} tiêu chí${parts}`, `criterionCount is ${f.criterionCount} but ${criterionTotal} criteria are listed${partsEn}`));
  }

  // aggregation
  const aggregation = f.aggregation?.kind ?? 'sum';
  if (f.aggregation?.kind === 'weighted') {
    const pillarIds = new Set(f.pillars.map((p) => p.id));
    f.aggregation.weights.forEach((w, i) => {
      if (!pillarIds.has(w.pillar)) issues.push(invariant(['aggregation', 'weights', i, 'pillar'], `không có trụ cột "${w.pillar}"`, `there is no pillar "${w.pillar}"`, { received: w.pillar }));
    });
    issues.push(...duplicates(f.aggregation.weights.map((w, i) => [w.pillar, ['aggregation', 'weights', i, 'pillar']] as const)));
    const weighted = new Set(f.aggregation.weights.map((w) => w.pillar));
    const missing = f.pillars.filter((p) => !weighted.has(p.id)).map((p) => p.id);
    if (missing.length > 0) issues.push(invariant(['aggregation', 'weights'], `thiếu trọng số của trụ cột: ${missing.join(', ')}`, `no weight for the pillars: ${missing.join(', ')}`, { missing }));
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
    if (aggregation !== 'sum' || f.sectors) {
      issues.push(invariant(['levelRule', 'kind'], 'quy tắc "pillar-bands-and-count" so tổng điểm với ngưỡng điểm: chỉ dùng với aggregation "sum" và không có phần theo ngành', 'the "pillar-bands-and-count" rule compares the total in points: use it with "sum" aggregation and no sector parts'));
    }
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
      if (known && !(cond.totalAbove < Number(plain(pillarSum)))) {
        issues.push(invariant([...path, 'totalAbove'], `ngưỡng ${viNumber(cond.totalAbove)} không thấp hơn tổng điểm tối đa ${viNumber(plain(pillarSum))}: mức này không thể đạt`, `the threshold ${cond.totalAbove} is not below the maximum ${plain(pillarSum)}: the level is unreachable`, { received: cond.totalAbove }));
      }
    });
  } else if (rule.kind === 'total-percent-bands') {
    rule.bands.forEach((band, i) => {
      const path: Path = ['levelRule', 'bands', i];
      mustExist(band.level, [...path, 'level']);
      const prev = rule.bands[i - 1];
      if (prev && !(band.level > prev.level)) issues.push(invariant([...path, 'level'], 'mức của các dải phải tăng dần', 'band levels must be ascending', { received: band.level }));
      if (prev && !(band.fromPercent > prev.fromPercent)) issues.push(invariant([...path, 'fromPercent'], 'cận dưới của các dải phải tăng dần', 'band lower bounds must be ascending', { received: band.fromPercent }));
    });
    const first = rule.bands[0]!;
    if (first.fromPercent !== 0 || !first.fromInclusive) {
      issues.push(invariant(['levelRule', 'bands', 0], 'dải đầu tiên phải bắt đầu từ 0%, tính cả 0 (fromInclusive: true)', 'the first band must start at 0%, inclusive (fromInclusive: true)'));
    }
    const last = rule.bands.length - 1;
    const top = rule.bands[last]!;
    if (top.fromPercent === 100 && !top.fromInclusive) {
      issues.push(invariant(['levelRule', 'bands', last, 'fromInclusive'], 'dải cao nhất bắt đầu từ 100% phải tính cả 100% (nếu không, không thể đạt)', 'a top band from 100% must include 100% (otherwise it is unreachable)'));
    }
  }
  if (rule.kind !== 'none' && rule.caps) {
    const ruleLevels = rule.kind === 'pillar-bands-and-count' ? rule.overall.map((o) => o.level) : rule.bands.map((b) => b.level);
    const pillarLevels = rule.kind === 'pillar-bands-and-count' ? rule.pillarBands.map((b) => b.level) : rule.pillarLevels ? rule.bands.map((b) => b.level) : [];
    rule.caps.forEach((cap, i) => issues.push(...capIssues(f, cap, ['levelRule', 'caps', i], ruleLevels, pillarLevels, mustExist)));
  }
  return issues;
}

/** The invariants of one level condition (a cap). */
function capIssues(f: DbiFramework, cap: DbiLevelCap, path: Path, ruleLevels: readonly number[], pillarLevels: readonly number[], mustExist: (level: number, path: Path) => void): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  mustExist(cap.atMost, [...path, 'atMost']);
  const top = Math.max(...ruleLevels);
  if (cap.atMost >= top) {
    issues.push(invariant([...path, 'atMost'], `mức ${cap.atMost} không thấp hơn mức cao nhất của quy tắc (${top}): điều kiện này không giới hạn gì`, `level ${cap.atMost} is not below the rule's highest level (${top}): the condition caps nothing`, { received: cap.atMost }));
  }
  const byPercent = cap.anyPillarBelowPercent !== undefined;
  const byLevel = cap.anyPillarBelowLevel !== undefined;
  if (byPercent === byLevel) {
    issues.push(invariant(path, 'điều kiện cần đúng một trong hai trường "anyPillarBelowPercent" hoặc "anyPillarBelowLevel"', 'a condition needs exactly one of "anyPillarBelowPercent" or "anyPillarBelowLevel"'));
  } else if (byPercent && decimalsOf(cap.anyPillarBelowPercent!) > 4) {
    issues.push(invariant([...path, 'anyPillarBelowPercent'], 'tỷ lệ có quá 4 chữ số thập phân', 'the percentage has more than 4 decimals', { received: cap.anyPillarBelowPercent }));
  } else if (byLevel) {
    if (pillarLevels.length === 0) {
      issues.push(invariant([...path, 'anyPillarBelowLevel'], 'quy tắc không cho mức của từng trụ cột (cần "pillarLevels": true): hãy dùng "anyPillarBelowPercent"', 'the rule gives no pillar levels (it needs "pillarLevels": true): use "anyPillarBelowPercent"'));
    } else if (!pillarLevels.includes(cap.anyPillarBelowLevel!)) {
      issues.push(invariant([...path, 'anyPillarBelowLevel'], `trụ cột không có mức ${cap.anyPillarBelowLevel} (các mức trụ cột: ${pillarLevels.join(', ')})`, `no pillar has a level ${cap.anyPillarBelowLevel} (pillar levels: ${pillarLevels.join(', ')})`, { received: cap.anyPillarBelowLevel }));
    }
  }
  if (cap.pillars) {
    const known = new Set(f.pillars.map((p) => p.id));
    cap.pillars.forEach((id, k) => {
      if (!known.has(id)) issues.push(invariant([...path, 'pillars', k], `không có trụ cột "${id}"`, `there is no pillar "${id}"`, { received: id }));
    });
    issues.push(...duplicates(cap.pillars.map((id, k) => [id, [...path, 'pillars', k]] as const)));
  }
  return issues;
}
