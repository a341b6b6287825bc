/**
 * Typed errors. Every rejection names the field (a path) and the rule (a code), with a message in
 * Vietnamese and in English. The library never answers bad input with NaN, a silent zero or an
 * untyped crash.
 */

/** Bilingual text: Vietnamese first, as the official documents are written. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}

/** The rules an input can break. */
export type IssueCode =
  | 'unknown_framework'
  | 'wrong_framework_kind'
  | 'not_scorable'
  | 'invalid_type'
  | 'not_a_number'
  | 'not_finite'
  | 'too_long'
  | 'out_of_range'
  | 'not_an_integer'
  | 'not_on_scale'
  | 'too_many_decimals'
  | 'unknown_key'
  | 'missing_key'
  | 'duplicate_id'
  | 'conflicting_input'
  | 'missing_input'
  | 'inconsistent_result'
  | 'invalid_option'
  | 'sum_mismatch'
  | 'invalid_framework'
  | 'too_many_issues';

/** One broken rule at one place in the input. */
export interface ValidationIssue {
  /** Where: keys from the input's root, e.g. `['answers', '3.2.4']`. */
  readonly path: readonly (string | number)[];
  /** The path joined with dots, e.g. `answers.3.2.4`. */
  readonly pathString: string;
  readonly code: IssueCode;
  /** For the people who typed the input: never names an internal function. */
  readonly message: Localized;
  /**
   * The rule's parameters (range bounds, allowed values, expected type …), structured: lists are
   * arrays (`known: string[]`, `allowed: number[]`), never comma-joined strings.
   */
  readonly params?: Readonly<Record<string, unknown>>;
  /** For developers (English): which function or option to use to fix it, where that helps. */
  readonly hint?: string;
}

/**
 * The brand every error of the library carries, shared through the global symbol registry so that
 * an error thrown by the CommonJS build is recognised by the ESM build and vice versa (the
 * dual-package hazard: the two builds hold two copies of each class).
 */
const BRAND: unique symbol = Symbol.for('vn-digital-index.error') as never;
/**
 * The static property naming the class kind a constructor stands for (user subclasses have none of
 * their own). A plain name, not a symbol: bundlers can then drop a class nobody imports (a computed
 * static key counts as a side effect, which kept `NotScorableError` in a rank-only bundle).
 */
const KIND = 'vndiKind';

function kindsOf(x: unknown): readonly string[] | undefined {
  if ((typeof x !== 'object' && typeof x !== 'function') || x === null) return undefined;
  const brand = (x as { [BRAND]?: unknown })[BRAND];
  return Array.isArray(brand) ? (brand as string[]) : undefined;
}

function brand(target: object, kind: string): void {
  const kinds = kindsOf(target) ?? [];
  Object.defineProperty(target, BRAND, { value: Object.freeze([...kinds, kind]), enumerable: false, configurable: true, writable: false });
}

/** `instanceof` for the library's classes: the prototype chain, or the brand of either build. */
function isKind(ctor: object, x: unknown): boolean {
  try {
    if (typeof ctor === 'function' && Function.prototype[Symbol.hasInstance].call(ctor, x)) return true;
    const kind = Object.prototype.hasOwnProperty.call(ctor, KIND) ? (ctor as { vndiKind?: unknown }).vndiKind : undefined;
    if (typeof kind !== 'string') return false;
    const kinds = kindsOf(x);
    return kinds !== undefined && kinds.includes(kind) && typeof (x as { name?: unknown }).name === 'string';
  } catch {
    // a Proxy whose traps throw (or a throwing getter) is not an error this library threw
    return false;
  }
}

/**
 * Base class of every error the library throws on purpose; anything else is a bug.
 * `instanceof VndiError` holds across the CommonJS and ESM builds (see {@link isVndiError}).
 *
 * @example
 * ```ts
 * let caught: unknown;
 * try {
 *   scoreDbi('dbi-2021-sme', { answers: { '1.1.1': 9 } });
 * } catch (e) {
 *   if (!(e instanceof VndiError)) throw e; // anything else is a bug: let it surface
 *   caught = e;
 * }
 * caught instanceof ValidationError; // true
 * ```
 */
export class VndiError extends Error {
  /** @internal */
  static readonly vndiKind: string = 'VndiError';
  static override [Symbol.hasInstance](x: unknown): boolean {
    return isKind(this, x);
  }

  override name = 'VndiError';

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, 'VndiError');
  }
}

/**
 * The most issues a {@link ValidationError} (or `frameworkIssues`) lists: a hostile or badly broken
 * input could otherwise yield one issue per value (a million unknown keys), more than anyone reads
 * and enough to exhaust memory. Past it, one `too_many_issues` issue says how many were left out.
 *
 * @example
 * ```ts
 * const r = safeDefineFramework({ ...JSON.parse(JSON.stringify(dbi2021Sme)), ...Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`x${i}`, 1])) });
 * if (!r.success) r.error.issues.length; // MAX_ISSUES + 1: 50 unknown_key issues, then too_many_issues
 * ```
 */
export const MAX_ISSUES = 50;

/**
 * The first {@link MAX_ISSUES} issues, and when there were more, one `too_many_issues` issue (path
 * `[]`) counting the rest. Idempotent: a capped list passes unchanged, and the summaries of lists
 * capped earlier add to the count. `total` is the number of issues found when the caller stopped
 * building them early (`issues` then holds the first ones).
 *
 * @internal
 */
export function capIssues(issues: readonly ValidationIssue[], total = issues.length): ValidationIssue[] {
  let omitted = total - issues.length;
  const kept: ValidationIssue[] = [];
  for (const i of issues) {
    if (i.code === 'too_many_issues') omitted += Number(i.params?.omitted) || 0;
    else if (kept.length < MAX_ISSUES) kept.push(i);
    else omitted++;
  }
  if (omitted > 0) kept.push(makeIssue([], 'too_many_issues', { omitted, limit: MAX_ISSUES }));
  return kept;
}

/**
 * A {@link ValidationError} as JSON: what `JSON.stringify(error)` writes (its `toJSON()`), what a
 * server sends, and what `rebuildError` reads back.
 */
export interface ValidationErrorJson {
  readonly name: string;
  /** One line, Vietnamese first: `path: tiếng Việt / English`. */
  readonly message: string;
  readonly issues: readonly ValidationIssue[];
}

/**
 * Bad input. `issues` lists every broken rule found, each with its path, code and bilingual
 * message; it always holds at least one issue.
 *
 * @example
 * ```ts
 * try {
 *   scoreDti('dti-province-2022', { points: { awareness: 120 } });
 * } catch (e) {
 *   if (e instanceof ValidationError) console.log(e.issues[0].pathString, e.issues[0].message.vi); // points.awareness Giá trị 120 …
 * }
 * const r = safeScoreDti('dti-province-2022', { points: { awareness: 120 } });
 * if (!r.success) r.error.issues.length; // 8: the value out of range, and the 7 main indicators missing
 * if (!r.success) r.error.message; // 'points.awareness: Giá trị 120 nằm ngoài khoảng cho phép [0, 100] / Value 120 is outside the allowed range [0, 100] (+7 more)'
 * ```
 */
export class ValidationError extends VndiError {
  /** @internal */
  static override readonly vndiKind: string = 'ValidationError';
  override name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const list = capIssues(issues.length > 0 ? issues : [makeIssue([], 'invalid_type', { expected: 'valid input', received: undefined })]);
    const first = list[0]!;
    const summary = `${first.pathString || '(input)'}: ${first.message.vi} / ${first.message.en}`;
    const last = list[list.length - 1]!;
    const more = list.length - 1 + (last.code === 'too_many_issues' ? (last.params!.omitted as number) - 1 : 0);
    // the issues again, as plain data, in `cause`: the one own field besides the message that
    // structured clone (postMessage, a worker, structuredClone) keeps on an Error
    super(more > 0 ? `${summary} (+${more} more)` : summary, { cause: { issues: list.map(plainIssue) } });
    brand(this, 'ValidationError');
    this.issues = Object.freeze(list);
  }

  /**
   * The error as JSON (`JSON.stringify(error)`, `res.json(error)`): `name`, `message` and the
   * `issues`, whose `params` hold only JSON values (a received BigInt, NaN or object is described as
   * text). {@link rebuildError} turns it back into an error.
   */
  toJSON(): ValidationErrorJson {
    return { name: this.name, message: this.message, ...(this.cause as { issues: readonly ValidationIssue[] }) };
  }
}

/**
 * An issue as JSON and structured clone carry it. Only `received` holds a caller's value; it stays
 * when it is a number (a non-finite one as text), a string, a boolean, null or a list of them, and
 * is otherwise described as the message describes it (a BigInt, an object, a function, a Proxy).
 * The other parameters are the library's own numbers, strings and lists.
 */
function plainIssue(i: ValidationIssue): ValidationIssue {
  const plain = (v: unknown, item?: 1): unknown => {
    try {
      if (!item && Array.isArray(v)) return v.slice(0, MAX_ISSUES * 2).map((x) => plain(x, 1));
    } catch {
      // a Proxy whose traps throw: described below
    }
    return typeof v === 'number' ? (isFinite(v) ? v : `${v}`) : v == null || typeof v === 'string' || typeof v === 'boolean' ? v : fmt(v);
  };
  return i.params && 'received' in i.params ? { ...i, params: { ...i.params, received: plain(i.params.received) } } : i;
}

/**
 * The framework lacks a fact that scoring needs (e.g. maxima that no source publishes) and the
 * caller did not supply it. `reason` says what is missing and how to supply it. It is a
 * {@link ValidationError} with one issue of code `not_scorable` (path `['framework']`, the reason
 * as message), so every failed `safe…` call has `error.issues`.
 *
 * @example
 * ```ts
 * const r = safeScoreDbi('dbi-2023-sme-readiness', { answers: {} });
 * if (!r.success) r.error.issues[0].code; // 'not_scorable'
 * if (!r.success && r.error instanceof NotScorableError) r.error.frameworkId; // 'dbi-2023-sme-readiness'
 * // the reason says what to supply (for the person scoring), the hint which function supplies it
 * if (!r.success) r.error.issues[0].hint; // 'Call overrideDbiPillarMaxima(framework, { strategy: …, customer: …, supplyChain: …, informationSystems: …, riskAndSecurity: …, pillar6: …, pillar7: … }) and score with the framework it returns.'
 * ```
 */
export class NotScorableError extends ValidationError {
  /** @internal */
  static override readonly vndiKind: string = 'NotScorableError';
  override name = 'NotScorableError';
  readonly frameworkId: string;
  readonly reason: Localized;

  constructor(frameworkId: string, reason: Localized, hint?: string) {
    super([
      {
        path: ['framework'],
        pathString: 'framework',
        code: 'not_scorable',
        message: reason,
        params: { id: frameworkId },
        ...(hint === undefined ? {} : { hint }),
      },
    ]);
    brand(this, 'NotScorableError');
    this.message = `${frameworkId}: ${reason.vi} / ${reason.en}`;
    this.frameworkId = frameworkId;
    this.reason = reason;
  }
}

/**
 * Whether `x` is an error the library threw on purpose, from either build (CommonJS or ESM).
 *
 * @example
 * ```ts
 * let caught: unknown;
 * try { rank([{ id: 'A', score: 'abc' }]); } catch (e) { caught = e; }
 * isVndiError(caught); // true
 * isVndiError(new TypeError('x')); // false
 * ```
 */
export function isVndiError(x: unknown): x is VndiError {
  return isKind(VndiError, x);
}

/**
 * Whether `x` is a {@link ValidationError} (a {@link NotScorableError} included), from either build.
 *
 * @example
 * ```ts
 * const r = safeScoreDbi('dbi-2021-sme', { answers: {} });
 * if (!r.success) isValidationError(r.error); // true
 * ```
 */
export function isValidationError(x: unknown): x is ValidationError {
  return isKind(ValidationError, x);
}

/**
 * Result of a non-throwing `safe…` call, in the style of zod's `safeParse`: on failure `error` is
 * always a {@link ValidationError} (a {@link NotScorableError} is one), so `error.issues` exists.
 */
export type SafeResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ValidationError };

/** Runs `fn`, turning the library's own validation errors into a failed {@link SafeResult}. */
export function toSafe<T>(fn: () => T): SafeResult<T> {
  try {
    return { success: true, data: fn() };
  } catch (error) {
    if (isValidationError(error)) return { success: false, error };
    throw error;
  }
}

/** Joins a path the way issues report it. */
export function pathToString(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

type Lang = 'vi' | 'en';

/**
 * A number inside Vietnamese text, with a decimal comma as Vietnamese tables print it (`0,3985`,
 * `41,6`); the English text keeps the point. Numbers, and numeral strings (a computed sum such as
 * `"999.5"`, a bound such as `">0.5"`); any other string stays as given.
 *
 * @internal
 * @example
 * ```ts
 * viNumber(0.3985); // '0,3985'
 * viNumber('>0.5'); // '>0,5'
 * viNumber('1.2.1'); // '1.2.1' (an id, not a number)
 * ```
 */
export function viNumber(value: number | string): string {
  const s = typeof value === 'number' ? (Object.is(value, -0) ? '-0' : String(value)) : value;
  return /^[<>≤≥]?[-+]?\d+\.\d+(?:e[-+]?\d+)?$/i.test(s) ? s.replace('.', ',') : s;
}

/**
 * Items of a list joined with commas; in Vietnamese with semicolons when a number among them has a
 * decimal comma of its own (`0; 0,5; 1`, never `0, 0,5, 1`).
 */
function joined(values: readonly unknown[], items: readonly string[], lang: Lang): string {
  const commaNumber = lang === 'vi' && values.some((v, i) => typeof v === 'number' && items[i]!.includes(','));
  return items.join(commaNumber ? '; ' : ', ');
}

/** A received value as text, in the message's language (`undefined` is "no value", never the word). */
function fmt(value: unknown, lang: Lang = 'en'): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return lang === 'vi' ? viNumber(value) : Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined) return lang === 'vi' ? 'không có giá trị' : 'no value';
  if (value === null) return 'null';
  if (Array.isArray(value)) return lang === 'vi' ? 'một mảng' : 'an array';
  if (typeof value === 'object') return lang === 'vi' ? 'một đối tượng' : 'an object';
  if (typeof value === 'function') return lang === 'vi' ? 'một hàm' : 'a function';
  if (typeof value === 'symbol') return lang === 'vi' ? 'một symbol' : 'a symbol';
  return typeof value;
}

/**
 * A parameter as text, whatever the caller passed (a null-prototype object or a symbol has no
 * string conversion of its own; building a message must never throw). A missing parameter is "?",
 * a non-finite number "?" or "±∞": a message never prints `undefined`, `NaN` or `[object Object]`.
 */
function text(value: unknown, lang: Lang = 'en'): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '?';
  if (typeof value === 'number') return Number.isNaN(value) ? '?' : value === Infinity ? '∞' : value === -Infinity ? '-∞' : fmt(value, lang);
  if (typeof value === 'boolean') return String(value);
  return fmt(value, lang);
}

/**
 * A numeric parameter as text: {@link text}, and in Vietnamese a numeral string (a sum the library
 * computed, a bound such as `">0.5"`) with a decimal comma too.
 */
function numeral(value: unknown, lang: Lang = 'en'): string {
  return typeof value === 'string' && lang === 'vi' ? viNumber(value) : text(value, lang);
}

/** A parameter as text: lists joined with commas (params hold them as arrays). */
function list(value: unknown, lang: Lang = 'en'): string {
  if (Array.isArray(value)) return joined(value, value.map((v) => (typeof v === 'string' ? v : text(v, lang))), lang);
  return value === undefined ? '' : text(value, lang);
}

function quoted(value: unknown, lang: Lang = 'en'): string {
  return Array.isArray(value) ? joined(value, value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : text(v, lang))), lang) : list(value, lang);
}

/** The two ends of an allowed range (`-∞`/`∞` where one is missing), separated as {@link joined} says. */
function range(min: unknown, max: unknown, lang: Lang): string {
  const ends = [numeral(min ?? '-∞', lang), numeral(max ?? '∞', lang)];
  return ends.join(lang === 'vi' && ends.some((e) => /\d,\d/.test(e)) ? '; ' : ', ');
}

/** `"id"` with a leading space, or nothing when the id is unknown. */
function named(id: unknown): string {
  return typeof id === 'string' && id !== '' && id !== '?' ? ` "${id}"` : '';
}

/** `, <label> <value>` when the parameter is present, else nothing. */
function clause(p: Record<string, unknown>, key: string, label: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(p, key) ? `${label}${fmt(p[key], lang)}` : '';
}

/** What was received: a caller-given description (`receivedText`/`receivedTextVi`) or the value. */
function received(p: Record<string, unknown>, lang: Lang): string {
  const own = lang === 'vi' ? p.receivedTextVi ?? p.receivedText : p.receivedText;
  if (typeof own === 'string') return lang === 'vi' ? `, nhận được ${own}` : `, received ${own}`;
  return clause(p, 'received', lang === 'vi' ? ', nhận được ' : ', received ', lang);
}

/** A received value in a sentence ("Value 3 …"): the value, or "The value" when it is missing. */
function value(p: Record<string, unknown>, lang: Lang): string {
  if (!Object.prototype.hasOwnProperty.call(p, 'received')) return lang === 'vi' ? 'Giá trị' : 'The value';
  return lang === 'vi' ? `Giá trị ${fmt(p.received, 'vi')}` : `Value ${fmt(p.received, 'en')}`;
}

/** `: a, b` when the list is present and not empty, else nothing. */
function listed(v: unknown, lang: Lang): string {
  const t = list(v, lang);
  return t === '' ? '' : `: ${t}`;
}

/**
 * Builds the bilingual message of an issue from its code and parameters. Any parameter may be
 * missing or odd (an object, a symbol, NaN): the message stays a sentence, without `undefined`,
 * `NaN` or `[object Object]` (a received NaN is quoted as the caller's value).
 */
export function issueMessage(code: IssueCode, params: Record<string, unknown> = {}): Localized {
  const p = params;
  switch (code) {
    case 'unknown_framework': {
      const known = list(p.known);
      return {
        vi: `Không có bộ chỉ số${named(p.id) || ' này'}${known === '' ? '' : `. Các bộ chỉ số hợp lệ: ${known}`}`,
        en: `No framework${named(p.id) || ' of that id'}${known === '' ? '' : `. Known frameworks: ${known}`}`,
      };
    }
    case 'wrong_framework_kind': {
      // `actual` and `expected` are kinds ("dbi"), or already quoted alternatives ('"dbi" | "dti"')
      const q = (v: unknown, lang: Lang) => (typeof v === 'string' ? (v.startsWith('"') ? v : JSON.stringify(v)) : text(v, lang));
      if (p.actual === undefined || p.actual === '') {
        return {
          vi: `Bộ chỉ số${named(p.id)} không ghi loại (kind); cần bộ chỉ số loại ${q(p.expected, 'vi')}`,
          en: `Framework${named(p.id)} does not state its kind; a framework of kind ${q(p.expected, 'en')} is needed`,
        };
      }
      return {
        vi: `Bộ chỉ số${named(p.id)} có loại (kind) ${q(p.actual, 'vi')}; cần bộ chỉ số loại ${q(p.expected, 'vi')}`,
        en: `Framework${named(p.id)} has kind ${q(p.actual, 'en')}; a framework of kind ${q(p.expected, 'en')} is needed`,
      };
    }
    case 'not_scorable':
      return {
        vi: `Bộ chỉ số${named(p.id)} chưa đủ dữ kiện để chấm điểm`,
        en: `Framework${named(p.id)} lacks facts needed for scoring`,
      };
    case 'invalid_type': {
      const hasExpected = p.expected !== undefined || p.expectedVi !== undefined;
      return {
        vi: `Kiểu dữ liệu không hợp lệ${hasExpected ? `: cần ${text(p.expectedVi ?? p.expected, 'vi')}` : ''}${received(p, 'vi')}`,
        en: `Invalid type${hasExpected ? `: expected ${text(p.expected, 'en')}` : ''}${received(p, 'en')}`,
      };
    }
    case 'not_a_number':
      return {
        vi: `${value(p, 'vi')} không phải là số (dùng số hoặc chuỗi thập phân như "41.6")`,
        en: `${value(p, 'en')} is not a number (use a number or a decimal string such as "41.6")`,
      };
    case 'not_finite':
      return {
        vi: `${value(p, 'vi')} không hữu hạn`,
        en: `${value(p, 'en')} is not finite`,
      };
    case 'too_long':
      // numeric.ts always passes both lengths (text() shows a missing one as "?")
      return {
        vi: `Chuỗi số dài ${text(p.length)} ký tự, vượt quá ${text(p.maxLength)} ký tự cho phép`,
        en: `The numeric string is ${text(p.length)} characters long; at most ${text(p.maxLength)} are allowed`,
      };
    case 'out_of_range':
      return {
        vi: `${value(p, 'vi')} nằm ngoài khoảng cho phép [${range(p.min, p.max, 'vi')}]`,
        en: `${value(p, 'en')} is outside the allowed range [${range(p.min, p.max, 'en')}]`,
      };
    case 'not_an_integer':
      return {
        vi: `${value(p, 'vi')} phải là số nguyên`,
        en: `${value(p, 'en')} must be an integer`,
      };
    case 'not_on_scale':
      return {
        vi: `${value(p, 'vi')} không thuộc thang điểm của tiêu chí${p.allowed === undefined ? '' : ` (cho phép: ${list(p.allowed, 'vi')})`}`,
        en: `${value(p, 'en')} is not on the criterion's scale${p.allowed === undefined ? '' : ` (allowed: ${list(p.allowed, 'en')})`}`,
      };
    case 'too_many_decimals':
      return {
        vi: `${value(p, 'vi')} có quá ${numeral(p.decimals, 'vi')} chữ số thập phân`,
        en: `${value(p, 'en')} has more than ${text(p.decimals)} decimals`,
      };
    case 'unknown_key':
      if (p.allowed !== undefined) {
        return {
          vi: `Khóa "${text(p.key, 'vi')}" không hợp lệ (cho phép: ${list(p.allowed, 'vi')})`,
          en: `Unknown key "${text(p.key)}" (allowed: ${list(p.allowed)})`,
        };
      }
      return {
        vi: `Khóa "${text(p.key, 'vi')}" không có trong bộ chỉ số${named(p.framework)}`,
        en: `Key "${text(p.key)}" is not part of ${p.framework === undefined ? 'the framework' : `framework ${text(p.framework)}`}`,
      };
    case 'missing_key':
      return {
        vi: `Thiếu giá trị bắt buộc "${text(p.key, 'vi')}"`,
        en: `Missing required value "${text(p.key)}"`,
      };
    case 'duplicate_id':
      if (p.indexes === undefined) {
        // the framework definitions name the first use instead of every entry
        return {
          vi: `Mã "${text(p.id, 'vi')}" bị trùng${p.first === undefined ? '' : ` (đã dùng tại ${text(p.first, 'vi')})`}`,
          en: `Id "${text(p.id)}" is used twice${p.first === undefined ? '' : ` (first at ${text(p.first)})`}`,
        };
      }
      return {
        vi: `Mã "${text(p.id, 'vi')}" xuất hiện nhiều lần (các mục ${list(p.indexes, 'vi')})`,
        en: `Id "${text(p.id)}" appears more than once (entries ${list(p.indexes)})`,
      };
    case 'conflicting_input':
      return {
        vi: `Chỉ được cung cấp một trong các trường${listed(p.fields, 'vi')}`,
        en: `Give only one of the fields${listed(p.fields, 'en')}`,
      };
    case 'missing_input':
      return {
        vi: `Cần cung cấp một trong các trường${listed(p.fields, 'vi')}`,
        en: `One of these fields is required${listed(p.fields, 'en')}`,
      };
    case 'inconsistent_result':
      return {
        vi: `Kết quả không khớp${p.field === undefined ? '' : `: ${text(p.field, 'vi')}`}${clause(p, 'received', ' là ', 'vi')}${clause(p, 'expected', ', nhưng tính lại được ', 'vi')}`,
        en: `The result does not add up${p.field === undefined ? '' : `: ${text(p.field)}`}${clause(p, 'received', ' is ', 'en')}${clause(p, 'expected', ', but the computed value is ', 'en')}`,
      };
    case 'invalid_option':
      if (p.allowed !== undefined) {
        return {
          vi: `Tùy chọn không hợp lệ${clause(p, 'received', ': nhận được ', 'vi')}, cần một trong ${quoted(p.allowed, 'vi')}`,
          en: `Invalid option${clause(p, 'received', ': received ', 'en')}, expected one of ${quoted(p.allowed, 'en')}`,
        };
      }
      return {
        vi: `Tùy chọn không hợp lệ${p.detail === undefined ? '' : `: ${text(p.detail, 'vi')}`}`,
        en: `Invalid option${(p.detailEn ?? p.detail) === undefined ? '' : `: ${text(p.detailEn ?? p.detail)}`}`,
      };
    case 'sum_mismatch':
      return {
        vi: `Tổng ${text(p.what, 'vi')} là ${numeral(p.sum, 'vi')}, phải bằng ${numeral(p.expected, 'vi')}`,
        en: `The sum of ${text(p.whatEn ?? p.what)} is ${text(p.sum)}; it must equal ${text(p.expected)}`,
      };
    case 'invalid_framework':
      return {
        vi: `Bộ chỉ số không hợp lệ${p.detail === undefined ? '' : `: ${text(p.detail, 'vi')}`}`,
        en: `Invalid framework${(p.detailEn ?? p.detail) === undefined ? '' : `: ${text(p.detailEn ?? p.detail)}`}`,
      };
    case 'too_many_issues':
      return {
        vi: `Còn ${text(p.omitted, 'vi')} lỗi khác không được liệt kê (chỉ báo ${text(p.limit, 'vi')} lỗi đầu tiên)`,
        en: `${text(p.omitted)} more issues not listed (only the first ${text(p.limit)} are reported)`,
      };
  }
}

/**
 * Creates an issue with its message (and, given one, a developer hint). Parameters that name
 * several things (`known`, `fields`, `allowed`) are arrays, as {@link ValidationIssue.params} says.
 */
export function makeIssue(
  path: readonly (string | number)[],
  code: IssueCode,
  params: Record<string, unknown> = {},
  hint?: string,
): ValidationIssue {
  const issue = { path: [...path], pathString: pathToString(path), code, message: issueMessage(code, params), params };
  return hint === undefined ? issue : { ...issue, hint };
}
