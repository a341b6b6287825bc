/**
 * Reading a DBI assessment into the model's units, for every framework: points on a scale, option
 * ids or letters, lists of them, figures, "not applicable", and the enterprise's sector with the
 * framework's declared sector rules. Each broken rule is an issue whose message names the rule
 * ("option a is exclusive (Không sử dụng)", "7.2.1 belongs to the sector Thương mại").
 *
 * Frameworks answered in points only (no question, no "n/a", no sector) are read by
 * {@link validateDbiInput} (with its quick path), the others here; both give integer units of the
 * same model, which scoring, levels, gap analysis and the batch path share.
 *
 * @internal
 */
import * as X from '../arithmetic/hybrid.js';
import { toUnits } from '../arithmetic/scaled.js';
import { ValidationError, makeIssue, pathToString, type IssueCode, type Localized, type ValidationIssue } from '../errors.js';
import { findOption } from '../framework/dbi-criterion.js';
import type { DbiAnswerOption, DbiFramework, DbiSector } from '../framework/schema.js';
import { compileDbi, dbiInputIssues, validateDbiInput, type CompiledDbi, type DbiItem } from './dbi-input.js';
import { checkNumeric, type NumericInput } from './numeric.js';

/**
 * The answer that marks a criterion not applicable, where the framework allows it (`notApplicable`
 * on the criterion): the criterion then leaves every denominator.
 *
 * @example
 * ```ts
 * NOT_APPLICABLE; // 'n/a'
 * // the answer of a criterion that a framework file marks `"notApplicable": true`:
 * // scoreDbi(defineFramework(file), { answers: { '1.1.1': NOT_APPLICABLE, '1.1.2': 3 } })
 * ```
 */
export const NOT_APPLICABLE = 'n/a';

/** One answer: points or a figure (number or decimal string), an option id or letter, a list of them, or `"n/a"`. */
export type DbiAnswerInput = NumericInput | readonly string[];

/** Something the reading of an assessment did that its reader should know (answers ignored, a sector not listed). */
export interface DbiNotice {
  /**
   * `ignored_answers`: answers to another sector's questions, ignored as the framework's
   * `sectorRules` say; `unlisted_sector`: the enterprise's sector has no part of its own, and it is
   * scored on the common part.
   */
  readonly code: 'ignored_answers' | 'unlisted_sector';
  /** The criteria concerned (`ignored_answers`). */
  readonly criteria?: readonly string[];
  readonly message: Localized;
}

/** An assessment read: the model of its sector and each answer slot's points in units (`null`: "n/a"). */
export interface ReadAssessment {
  readonly model: CompiledDbi;
  /** In the order of `model.items`. */
  readonly units: readonly (number | null)[];
  /** The sector named, where it is not one of the framework's and the framework scores it on the common part. */
  readonly unlistedSector?: string;
  readonly notices: readonly DbiNotice[];
}

/** An issue whose message names the rule it breaks (the generic message of the code would not). */
function ruleIssue(path: readonly (string | number)[], code: IssueCode, params: Record<string, unknown>, message: Localized): ValidationIssue {
  return { path: [...path], pathString: pathToString(path), code, message, params };
}

const show = (v: unknown): string => (typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : typeof v === 'number' ? String(v) : Array.isArray(v) ? '[…]' : typeof v);

/** The options as an answer may name them: `"id" (a)`, or `"id"` where there is no letter. */
function optionNames(options: readonly DbiAnswerOption[]): string {
  return options.map((o) => (o.letter !== undefined && o.letter !== o.id ? `"${o.id}" (${o.letter})` : `"${o.id}"`)).join(', ');
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Each sector's criteria by id, for the answers that belong to another sector. */
const sectorCriteria = new WeakMap<DbiFramework, Map<string, DbiSector>>();
function sectorOfCriterion(f: DbiFramework): Map<string, DbiSector> {
  let m = sectorCriteria.get(f);
  if (!m) {
    m = new Map();
    for (const s of f.sectors ?? []) for (const c of [...(s.criteria ?? []), ...s.components.flatMap((k) => k.criteria)]) if (!m.has(c.id)) m.set(c.id, s);
    sectorCriteria.set(f, m);
  }
  return m;
}

const sectorList = (f: DbiFramework, lang: 'vi' | 'en') => (f.sectors ?? []).map((s) => `${s.id} (${s.name[lang]})`).join(', ');

/**
 * The sector an assessment names, by the framework's rules: its part, or `null` with the name kept
 * where an unlisted sector is scored on the common part.
 */
export function sectorOf(f: DbiFramework, given: unknown, path: readonly (string | number)[] = ['sector']): { sector: DbiSector | null; unlisted?: string } {
  if (!f.sectors) {
    if (given !== undefined) throw new ValidationError([makeIssue(path, 'unknown_key', { key: 'sector', framework: f.id })]);
    return { sector: null };
  }
  const known = f.sectors.map((s) => s.id);
  if (given === undefined) {
    throw new ValidationError([ruleIssue(path, 'missing_key', { key: 'sector', allowed: known }, {
      vi: `Thiếu ngành của doanh nghiệp ("sector"): bộ chỉ số ${f.id} có phần theo ngành (các ngành: ${sectorList(f, 'vi')})`,
      en: `The enterprise's sector ("sector") is missing: framework ${f.id} has sector parts (sectors: ${sectorList(f, 'en')})`,
    })]);
  }
  if (typeof given !== 'string' || given.trim() === '') {
    throw new ValidationError([ruleIssue(path, 'invalid_type', { expected: 'sector id (string)', received: given }, {
      vi: `Ngành phải là mã ngành (chuỗi), nhận được ${show(given)} (các ngành: ${sectorList(f, 'vi')})`,
      en: `The sector must be a sector id (a string), received ${show(given)} (sectors: ${sectorList(f, 'en')})`,
    })]);
  }
  const found = f.sectors.find((s) => s.id === given);
  if (found) return { sector: found };
  if (f.sectorRules?.unlistedSector === 'common-part-only') return { sector: null, unlisted: given };
  throw new ValidationError([ruleIssue(path, 'not_on_scale', { received: given, allowed: known }, {
    vi: `Ngành ${given} không có trong bộ chỉ số ${f.id} (các ngành: ${sectorList(f, 'vi')}); quy tắc của bộ chỉ số là từ chối doanh nghiệp ngành khác`,
    en: `Sector ${given} is not one of ${f.id}'s sectors (${sectorList(f, 'en')}); the framework's rule refuses enterprises of other sectors`,
  })]);
}

/** One answer read: its points in units, or `null` for "not applicable", or the issue. */
export function readAnswer(model: CompiledDbi, item: DbiItem, value: unknown, path: readonly (string | number)[]): number | null | ValidationIssue {
  const c = item.criterion;
  if (value === NOT_APPLICABLE) {
    if (c?.notApplicable) return null;
    return ruleIssue(path, 'invalid_type', { expected: 'an answer ("n/a" is not allowed for this criterion)', received: value }, {
      vi: `Tiêu chí ${item.id} không cho phép trả lời "không áp dụng" (n/a)`,
      en: `Criterion ${item.id} does not allow "not applicable" (n/a)`,
    });
  }
  const answer = c?.answer;
  if (!answer || answer.kind === 'figure') {
    // points on a scale, or a figure on its range
    const rule = answer ? { min: answer.min, max: answer.max, decimals: answer.decimals } : item.rule;
    const problem = checkNumeric(value, rule);
    if (problem) return makeIssue(path, problem.code, { key: item.id, ...problem.params });
    if (!answer) {
      const units = toUnits(typeof value === 'string' ? value.trim() : (value as number), model.decimals);
      return units === undefined ? makeIssue(path, 'too_many_decimals', { received: value, decimals: model.decimals }) : units;
    }
    const figure = X.exact(typeof value === 'string' ? value.trim() : (value as number));
    let points = answer.thresholds[0]!.points;
    for (const t of answer.thresholds) {
      const cmp = X.compare(figure, X.exact(t.from));
      if (cmp > 0 || (cmp === 0 && t.inclusive)) points = t.points;
    }
    return Math.round(points * model.factor);
  }
  const pointsUnits = (p: number) => Math.round(p * model.factor);
  const names = optionNames(answer.options);
  const notAnOption = (at: readonly (string | number)[], given: string) =>
    ruleIssue(at, 'not_on_scale', { received: given, allowed: answer.options.map((o) => o.id) }, {
      vi: `"${given}" không phải phương án của tiêu chí ${item.id} (các phương án: ${names})`,
      en: `"${given}" is not an option of criterion ${item.id} (options: ${names})`,
    });
  if (answer.kind === 'single') {
    if (typeof value !== 'string') {
      return ruleIssue(path, 'invalid_type', { expected: 'option id (string)', received: value }, {
        vi: `Tiêu chí ${item.id} là câu hỏi một lựa chọn: cần mã hoặc chữ cái của một phương án (${names}), nhận được ${show(value)}`,
        en: `Criterion ${item.id} is single choice: give one option's id or letter (${names}), received ${show(value)}`,
      });
    }
    const option = findOption(answer.options, value);
    return option ? pointsUnits(option.points) : notAnOption(path, value);
  }
  // multiple choice
  if (!Array.isArray(value)) {
    return ruleIssue(path, 'invalid_type', { expected: 'array of option ids', received: value }, {
      vi: `Tiêu chí ${item.id} là câu hỏi nhiều lựa chọn: cần danh sách phương án, ví dụ ["b", "c"] (trong ô bảng tính: "b; c"), nhận được ${show(value)}`,
      en: `Criterion ${item.id} is multiple choice: give a list of options, e.g. ["b", "c"] (in a spreadsheet cell: "b; c"), received ${show(value)}`,
    });
  }
  let sum = 0;
  const seen = new Map<string, number>();
  for (let i = 0; i < value.length; i++) {
    const given: unknown = value[i];
    if (typeof given !== 'string') {
      return ruleIssue([...path, i], 'invalid_type', { expected: 'option id (string)', received: given }, {
        vi: `Mỗi phương án chọn ở tiêu chí ${item.id} phải là mã hoặc chữ cái của phương án (${names}), nhận được ${show(given)}`,
        en: `Each option chosen for criterion ${item.id} must be an option's id or letter (${names}), received ${show(given)}`,
      });
    }
    const option = findOption(answer.options, given);
    if (!option) return notAnOption([...path, i], given);
    const before = seen.get(option.id);
    if (before !== undefined) {
      return ruleIssue([...path, i], 'duplicate_id', { id: option.id, first: pathToString([...path, before]) }, {
        vi: `Phương án ${given} của tiêu chí ${item.id} được chọn hai lần`,
        en: `Option ${given} of criterion ${item.id} is chosen twice`,
      });
    }
    if (option.exclusive && value.length > 1) {
      return ruleIssue([...path, i], 'conflicting_input', { fields: [option.id, ...value.filter((v) => v !== given).map(String)] }, {
        vi: `Phương án ${given} là phương án loại trừ (${option.text.vi}): không chọn cùng phương án khác của tiêu chí ${item.id}`,
        en: `Option ${given} is exclusive (${option.text.en}): it cannot be chosen with another option of criterion ${item.id}`,
      });
    }
    seen.set(option.id, i);
    sum += pointsUnits(option.points);
  }
  return answer.cap === undefined ? sum : Math.min(sum, pointsUnits(answer.cap));
}

/**
 * Reads an assessment (`{ answers }`, and `sector` where the framework has sector parts) into the
 * units of its sector's model, checking every answer.
 *
 * @throws {@link ValidationError} listing every broken rule; `NotScorableError` where a pillar
 *   maximum is not published.
 */
export function readDbiAssessment(f: DbiFramework, input: unknown): ReadAssessment {
  const base = compileDbi(f); // throws NotScorableError where maxima are missing
  if (base.pointsOnly) {
    const valid = validateDbiInput(base, input);
    const units = new Array<number>(base.items.length);
    for (let i = 0; i < units.length; i++) {
      const raw = valid.answers[base.items[i]!.id] as NumericInput;
      units[i] = typeof raw === 'number' && Number.isInteger(raw) ? raw * base.factor : (toUnits(typeof raw === 'string' ? raw.trim() : raw, base.decimals) as number);
    }
    return { model: base, units, notices: [] };
  }
  const { issues, ...read } = readAnswers(f, base, input);
  // the error lists the first MAX_ISSUES of them (dbiAssessmentIssues gives them all)
  if (issues.length) throw new ValidationError(issues);
  return read;
}

/**
 * Every broken rule of a DBI assessment, uncut (a {@link ValidationError} lists the first
 * MAX_ISSUES): for a caller bounded otherwise, such as one row of a file whose officer needs each
 * problem. Empty when the assessment scores.
 *
 * @throws `NotScorableError` where a pillar maximum is not published.
 */
export function dbiAssessmentIssues(f: DbiFramework, input: unknown): ValidationIssue[] {
  const base = compileDbi(f);
  try {
    if (base.pointsOnly) {
      if (!isPlainObject(input)) return [makeIssue([], 'invalid_type', { expected: 'object { answers }', received: input })];
      return dbiInputIssues(base, input);
    }
    return [...readAnswers(f, base, input).issues];
  } catch (e) {
    // the shape of the assessment itself (not an object, its sector): those few issues are the list
    if (e instanceof ValidationError) return [...e.issues];
    throw e;
  }
}

/** The answers of a questionnaire assessment read, with every broken rule of its answers (throws for its shape). */
function readAnswers(f: DbiFramework, base: CompiledDbi, input: unknown): ReadAssessment & { readonly issues: readonly ValidationIssue[] } {
  if (!isPlainObject(input)) throw new ValidationError([makeIssue([], 'invalid_type', { expected: 'object { answers }', received: input })]);
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(input)) if (key !== 'answers' && key !== 'sector') issues.push(makeIssue([key], 'unknown_key', { key, framework: f.id }));
  if (issues.length) throw new ValidationError(issues);
  const { sector, unlisted } = sectorOf(f, input.sector);
  const answers = input.answers;
  if (!isPlainObject(answers)) throw new ValidationError([makeIssue(['answers'], 'invalid_type', { expected: 'object', received: answers })]);
  const model = sector === null ? base : compileDbi(f, sector);
  const notices: DbiNotice[] = [];
  const ignored: string[] = [];
  const elsewhere = f.sectors ? sectorOfCriterion(f) : null;
  for (const key of Object.keys(answers)) {
    if (model.index.has(key)) continue;
    const owner = elsewhere?.get(key);
    if (!owner) {
      issues.push(makeIssue(['answers', key], 'unknown_key', { key, framework: f.id }));
    } else if (f.sectorRules?.otherSectorAnswers === 'ignore') {
      ignored.push(key);
    } else {
      const own = sector ? { vi: `ngành ${sector.name.vi} của doanh nghiệp`, en: `the enterprise's sector ${sector.name.en}` } : { vi: `ngành ${unlisted} của doanh nghiệp (không có phần riêng)`, en: `the enterprise's sector ${unlisted} (which has no part of its own)` };
      issues.push(ruleIssue(['answers', key], 'unknown_key', { key, framework: f.id, sector: owner.id }, {
        vi: `${key} thuộc phần của ngành ${owner.name.vi}, không thuộc ${own.vi}`,
        en: `${key} belongs to the sector ${owner.name.en}, not to ${own.en}`,
      }));
    }
  }
  const units = model.items.map((item) => {
    if (!Object.prototype.hasOwnProperty.call(answers, item.id)) {
      issues.push(makeIssue(['answers', item.id], 'missing_key', { key: item.id }));
      return null;
    }
    const r = readAnswer(model, item, answers[item.id], ['answers', item.id]);
    if (r !== null && typeof r === 'object') {
      issues.push(r);
      return null;
    }
    return r;
  });
  if (issues.length) return { model, units, notices, issues };
  if (unlisted !== undefined) {
    notices.push({
      code: 'unlisted_sector',
      message: {
        vi: `Ngành ${unlisted} không có phần riêng trong bộ chỉ số: doanh nghiệp được chấm trên phần chung (trụ cột theo ngành không áp dụng)`,
        en: `Sector ${unlisted} has no part of its own in the framework: the enterprise is scored on the common part (the sector pillar does not apply)`,
      },
    });
  }
  if (ignored.length) {
    notices.push({
      code: 'ignored_answers',
      criteria: ignored,
      message: {
        vi: `Đã bỏ qua câu trả lời cho câu hỏi của ngành khác: ${ignored.join(', ')}`,
        en: `Answers to another sector's questions were ignored: ${ignored.join(', ')}`,
      },
    });
  }
  return { model, units, notices, issues, ...(unlisted === undefined ? {} : { unlistedSector: unlisted }) };
}
