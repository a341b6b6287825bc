/**
 * Frameworks a caller writes: a framework file (JSON, the format of schema.ts and
 * schema/framework.schema.json) checked for shape and invariants, then deep-frozen. Every function
 * of the library accepts the result exactly as it accepts a bundled framework.
 *
 * Functions take a framework object only once it has been checked here (or by an override helper):
 * an unchecked object is refused with the reason (see registry.ts), so that the scoring and ranking
 * paths never carry the schema checks (zod) and pay nothing per call for a framework.
 */
import { MAX_ISSUES, ValidationError, capIssues, makeIssue, toSafe, type SafeResult, type ValidationIssue } from '../errors.js';
import { dbiInvariantIssues } from './define-dbi.js';
import { dtiInvariantIssues } from './define-dti.js';
import { frameworkZodIssue, type Path } from './define-issues.js';
import { deepFreeze } from './freeze.js';
import { markDefined } from './registry.js';
import { DBI_FRAMEWORKS } from './dbi/index.js';
import { DTI_FRAMEWORKS } from './dti/index.js';

export { isDefinedFramework } from './registry.js';
import { MAX_URL_LENGTH, frameworkSchema, type DbiFramework, type DtiFramework, type Framework } from './schema.js';
import { setOwn } from '../own-key.js';


function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The file without its `"$schema"` (an editor hint, not framework data). */
function withoutSchemaKey(data: Record<string, unknown>): { rest: Record<string, unknown>; issues: ValidationIssue[] } {
  if (!Object.prototype.hasOwnProperty.call(data, '$schema')) return { rest: data, issues: [] };
  const { $schema, ...rest } = data;
  return {
    rest,
    issues:
      typeof $schema !== 'string'
        ? [makeIssue(['$schema'], 'invalid_type', { expected: 'string', received: $schema })]
        : $schema.length > MAX_URL_LENGTH
          ? [makeIssue(['$schema'], 'invalid_framework', { detail: `cần số ký tự ≤ ${MAX_URL_LENGTH}`, detailEn: `the number of characters must be ≤ ${MAX_URL_LENGTH}`, received: $schema.length })]
          : [],
  };
}

/**
 * Bounds of a framework file: the largest official set has under 200 criteria and every object of
 * the format has at most 22 fields, so these leave room for any real file (the bundled ones hold at
 * most 1 200 values, lists of at most 21 items) while refusing at once, with one issue, what would
 * make the schema check run for long or out of memory (a sparse array of length 2³²−1, a million
 * criteria, a million unknown keys, a 5 MB key). Documented in docs/framework-format.md.
 */
export const MAX_FRAMEWORK_DEPTH = 32;
export const MAX_FRAMEWORK_ARRAY = 1_000;
export const MAX_FRAMEWORK_KEYS = 64;
export const MAX_FRAMEWORK_KEY_LENGTH = 64;
export const MAX_FRAMEWORK_VALUES = 50_000;

class FileLimit {
  constructor(readonly path: Path, readonly vi: string, readonly en: string) {}
}

const UNREADABLE_VI = 'một thuộc tính không đọc được (getter hoặc Proxy ném lỗi)';
const UNREADABLE_EN = 'a property cannot be read (a getter or Proxy threw)';

/**
 * The file as plain data, each property read once (a getter that answers differently on a second
 * read cannot pass the check with one value and be frozen with another; one that throws, or a
 * Proxy, is an issue at its path), within the bounds above. A cycle is cut by the depth bound.
 * The path is one stack, copied only for an issue: the copy costs one step per value.
 */
function plainCopy(data: unknown): unknown {
  let values = 0;
  const path: (string | number)[] = [];
  const limit = (vi: string, en: string, at: Path = path) => new FileLimit([...at], vi, en);
  const read = (x: object, key: string | number): unknown => {
    try {
      return (x as Record<string | number, unknown>)[key];
    } catch {
      throw limit(UNREADABLE_VI, UNREADABLE_EN, [...path, key]);
    }
  };
  const copy = (x: unknown): unknown => {
    if (++values > MAX_FRAMEWORK_VALUES) throw limit(`tệp có hơn ${MAX_FRAMEWORK_VALUES} giá trị`, `the file holds more than ${MAX_FRAMEWORK_VALUES} values`, []);
    if (typeof x !== 'object' || x === null) return x;
    if (path.length >= MAX_FRAMEWORK_DEPTH) throw limit(`lồng sâu quá ${MAX_FRAMEWORK_DEPTH} mức (hoặc tự tham chiếu)`, `nested deeper than ${MAX_FRAMEWORK_DEPTH} levels (or cyclic)`);
    try {
      if (Array.isArray(x)) {
        const length = x.length;
        if (length > MAX_FRAMEWORK_ARRAY) throw limit(`danh sách có ${length} phần tử, tối đa ${MAX_FRAMEWORK_ARRAY}`, `a list of ${length} items; at most ${MAX_FRAMEWORK_ARRAY}`);
        const out: unknown[] = [];
        for (let i = 0; i < length; i++) {
          const item = read(x, i);
          path.push(i);
          out.push(copy(item));
          path.pop();
        }
        return out;
      }
      if (!isPlainObject(x)) return x; // rejected by the schema with its type
      const keys = Object.keys(x);
      if (keys.length > MAX_FRAMEWORK_KEYS) throw limit(`đối tượng có ${keys.length} khóa, tối đa ${MAX_FRAMEWORK_KEYS}`, `an object with ${keys.length} keys; at most ${MAX_FRAMEWORK_KEYS}`);
      const out = Object.create(Object.getPrototypeOf(x) as object | null) as Record<string, unknown>;
      for (const key of keys) {
        if (key.length > MAX_FRAMEWORK_KEY_LENGTH) throw limit(`một khóa dài ${key.length} ký tự, tối đa ${MAX_FRAMEWORK_KEY_LENGTH}`, `a key of ${key.length} characters; at most ${MAX_FRAMEWORK_KEY_LENGTH}`);
        const item = read(x, key);
        path.push(key);
        const value = copy(item);
        path.pop();
        setOwn(out, key, value);
      }
      return out;
    } catch (error) {
      if (error instanceof FileLimit) throw error;
      throw limit(UNREADABLE_VI, UNREADABLE_EN);
    }
  };
  return copy(data);
}

/** Plain data equal, key order aside (a framework file against a bundled framework). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * What a framework file may not claim: the id of a bundled framework (its outputs would then say
 * "Decision 922/QĐ-BTTTT" for figures the decision does not give), or the status `official`,
 * which says that every fact scoring uses was checked against the public record — as the bundled
 * official sets were, against ../shared/reference; a file's facts are its author's. A file equal
 * to a bundled framework (a copy printed by `vndi framework template ID`) claims nothing it is not.
 * A framework an override helper derives from a bundled one keeps its id and is `reconstructed`.
 */
function claimIssues(f: Framework, derivedFrom: string | undefined, prefix: Path): ValidationIssue[] {
  const bundled = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].find((b) => b.id === f.id);
  if (bundled && sameData(f, bundled)) return [];
  const issues: ValidationIssue[] = [];
  if (bundled && derivedFrom !== f.id) {
    issues.push(makeIssue([...prefix, 'id'], 'invalid_framework', {
      detail: `"${f.id}" là mã của bộ chỉ số có sẵn (Quyết định ${bundled.legalBasis.decision}); tệp có nội dung khác cần mã riêng, ví dụ "${f.id}-tinh"`,
      detailEn: `"${f.id}" is the id of a bundled framework (Decision ${bundled.legalBasis.decision}); a file with other content needs its own id, e.g. "${f.id}-province"`,
    }));
  }
  if (f.status === 'official') {
    issues.push(makeIssue([...prefix, 'status'], 'invalid_framework', {
      detail: '"official" chỉ dành cho bộ chỉ số có sẵn đã đối chiếu từng dữ kiện với nguồn công khai; tệp bộ chỉ số ghi "reconstructed" (kết quả ghi rõ bộ chỉ số của tệp)',
      detailEn: '"official" is reserved for the bundled frameworks, each fact checked against the public record; a framework file says "reconstructed" (its outputs name the file\'s framework)',
    }));
  }
  return issues;
}

function check(rawData: unknown, prefix: Path, derivedFrom?: string): { framework?: Framework; issues: ValidationIssue[] } {
  let data: unknown;
  try {
    data = plainCopy(rawData);
  } catch (error) {
    if (!(error instanceof FileLimit)) throw error;
    return { issues: [makeIssue([...prefix, ...error.path], 'invalid_framework', { detail: error.vi, detailEn: error.en })] };
  }
  if (!isPlainObject(data)) {
    return { issues: [makeIssue([...prefix], 'invalid_type', { expected: 'framework object { kind, id, … }', received: data })] };
  }
  const { rest, issues } = withoutSchemaKey(data);
  const parsed = frameworkSchema.safeParse(rest);
  if (!parsed.success) {
    // messages for the first MAX_ISSUES only: a hostile file can break a rule at every value
    let total = issues.length;
    for (const zodIssue of parsed.error.issues) {
      // frameworkZodIssue makes one issue per unknown key, one for anything else
      const count = zodIssue.code === 'unrecognized_keys' ? zodIssue.keys.length : 1;
      const room = MAX_ISSUES - issues.length;
      if (room <= 0) {
        total += count;
        continue;
      }
      const cut = zodIssue.code === 'unrecognized_keys' && count > room;
      const mapped = frameworkZodIssue(cut ? { ...zodIssue, keys: zodIssue.keys.slice(0, room) } : zodIssue, rest, prefix);
      issues.push(...mapped);
      total += cut ? count : mapped.length;
    }
    return { issues: capIssues(issues, total) };
  }
  const f = parsed.data;
  const invariants = f.kind === 'dbi' ? dbiInvariantIssues(f) : dtiInvariantIssues(f);
  issues.push(...invariants.map((i) => (prefix.length === 0 ? i : makeIssue([...prefix, ...i.path], i.code, i.params as Record<string, unknown>))));
  issues.push(...claimIssues(f, derivedFrom, prefix));
  return issues.length > 0 ? { issues: capIssues(issues) } : { framework: f, issues };
}

/**
 * Every problem of a framework file, `[]` when it is valid: the shape (schema) first, then, when
 * the shape is right, the invariants (unique ids, maxima that add up, ordered bands ending at 100%,
 * rule levels among `levels` …). Paths point into the file, e.g. `['pillars', 2, 'max']`. At most
 * `MAX_ISSUES` (50) issues, then one `too_many_issues` counting the rest; a file past the bounds
 * (more than 50 000 values, a list over 1 000 items …) is one `invalid_framework` issue.
 *
 * @example
 * ```ts
 * const file = JSON.parse(JSON.stringify(dbi2021Sme));
 * file.pillars[2].max = 0;
 * frameworkIssues(file).map((i) => i.pathString); // ['pillars.2.max']
 * frameworkIssues(dbi2021Sme); // []
 * ```
 */
export function frameworkIssues(data: unknown): ValidationIssue[] {
  return check(data, []).issues;
}

/**
 * Checks a framework file (parsed JSON, or an object literal) and returns it as a validated,
 * deep-frozen framework that every function of the library accepts: scoring, batch, gap, rank,
 * reports. A `"$schema"` key is accepted and left out.
 *
 * @throws {@link vn-digital-index!ValidationError | ValidationError} (of the main entry) listing every problem, each with its path into the file.
 * @example
 * ```ts
 * // a framework file, e.g. JSON.parse(readFileSync('my-decision.json', 'utf8')); here 1970's SME set copied
 * const data: unknown = JSON.parse(JSON.stringify(dbi2021Sme));
 * const mine = defineFramework(data);
 * mine.id; // 'dbi-2021-sme'
 * Object.isFrozen(mine); // true
 * mine.kind === 'dbi' && criterionOrder(mine).length; // 60 (the answer ids of the file's criteria)
 * ```
 */
export function defineFramework(data: unknown): Framework {
  const { framework, issues } = check(data, []);
  if (!framework) throw new ValidationError(issues);
  return trustFramework(framework);
}

/**
 * {@link defineFramework} for a DBI framework: a DTI file is rejected (`wrong_framework_kind`).
 *
 * @example
 * ```ts
 * const mine: DbiFramework = defineDbiFramework(JSON.parse(JSON.stringify(dbi2021Sme)));
 * scoreDbi(mine, { answers: Object.fromEntries(criterionOrder(mine).map((id) => [id, 0])) }).total; // 0
 * ```
 */
export function defineDbiFramework(data: unknown): DbiFramework {
  return expectKind(defineFramework(data), 'dbi');
}

/**
 * {@link defineFramework} for a DTI framework: a DBI file is rejected (`wrong_framework_kind`).
 *
 * @example
 * ```ts
 * const mine: DtiFramework = defineDtiFramework(JSON.parse(JSON.stringify(dtiProvince2022)));
 * mine.totalMax; // 1000
 * ```
 */
export function defineDtiFramework(data: unknown): DtiFramework {
  return expectKind(defineFramework(data), 'dti');
}

/**
 * {@link defineFramework} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeDefineFramework({ kind: 'DBI' });
 * if (!r.success) r.error.issues[0].code; // 'wrong_framework_kind'
 * ```
 */
export function safeDefineFramework(data: unknown): SafeResult<Framework> {
  return toSafe(() => defineFramework(data));
}

function expectKind<K extends 'dbi' | 'dti'>(f: Framework, kind: K): Extract<Framework, { kind: K }> {
  if (f.kind !== kind) {
    throw new ValidationError([makeIssue(['kind'], 'wrong_framework_kind', { id: f.id, actual: f.kind, expected: kind })]);
  }
  return f as Extract<Framework, { kind: K }>;
}

/**
 * {@link defineFramework} for the override helpers: a framework they derive from `base` (a bundled
 * or defined one) keeps its id, marked `reconstructed` with a note of what was overridden.
 *
 * @internal
 */
export function defineDerivedFramework<F extends Framework>(data: unknown, base: F): F {
  const { framework, issues } = check(data, [], base.id);
  if (!framework) throw new ValidationError(issues);
  return expectKind(trustFramework(framework), base.kind) as F;
}

/**
 * Freezes a framework that has passed every check and marks it trusted. For the override helpers,
 * which build frameworks from checked parts; everything else goes through {@link defineFramework}.
 *
 * @internal
 */
export function trustFramework<F extends Framework>(framework: F): F {
  deepFreeze(framework);
  return markDefined(framework);
}
