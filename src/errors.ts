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
  | 'invalid_framework';

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
/** The class kind a constructor stands for (module-private: user subclasses have none of their own). */
const KIND = Symbol('vndi.kind');

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
  if (typeof ctor === 'function' && Function.prototype[Symbol.hasInstance].call(ctor, x)) return true;
  const kind = Object.prototype.hasOwnProperty.call(ctor, KIND) ? (ctor as { [KIND]?: string })[KIND] : undefined;
  if (kind === undefined) return false;
  const kinds = kindsOf(x);
  return kinds !== undefined && kinds.includes(kind) && typeof (x as { name?: unknown }).name === 'string';
}

/**
 * Base class of every error the library throws on purpose; anything else is a bug.
 * `instanceof VndiError` holds across the CommonJS and ESM builds (see {@link isVndiError}).
 *
 * @example
 * ```ts
 * try { scoreDbi('dbi-2021-sme', input); } catch (e) { if (!(e instanceof VndiError)) throw e; }
 * ```
 */
export class VndiError extends Error {
  static readonly [KIND]: string = 'VndiError';
  static override [Symbol.hasInstance](x: unknown): boolean {
    return isKind(this, x);
  }

  override name = 'VndiError';

  constructor(message?: string) {
    super(message);
    brand(this, 'VndiError');
  }
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
 *   if (e instanceof ValidationError) console.log(e.issues[0].pathString, e.issues[0].message.en);
 * }
 * ```
 */
export class ValidationError extends VndiError {
  static override readonly [KIND]: string = 'ValidationError';
  override name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const list = issues.length > 0 ? issues : [makeIssue([], 'invalid_type', { expected: 'valid input', received: undefined })];
    const first = list[0]!;
    const summary = `${first.pathString || '(input)'}: ${first.message.en} / ${first.message.vi}`;
    super(list.length > 1 ? `${summary} (+${list.length - 1} more)` : summary);
    brand(this, 'ValidationError');
    this.issues = Object.freeze([...list]);
  }
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
 * if (!r.success) console.log(r.error.issues[0].code); // 'not_scorable'
 * if (!r.success && r.error instanceof NotScorableError) console.log(r.error.reason.en);
 * // 'The pillar maxima (…) are not published in any source found. Supply them with overrideDbiPillarMaxima(…)'
 * ```
 */
export class NotScorableError extends ValidationError {
  static override readonly [KIND]: string = 'NotScorableError';
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
    this.message = `${frameworkId}: ${reason.en} / ${reason.vi}`;
    this.frameworkId = frameworkId;
    this.reason = reason;
  }
}

/**
 * Whether `x` is an error the library threw on purpose, from either build (CommonJS or ESM).
 *
 * @example
 * ```ts
 * try { rank([{ id: 'A', score: 'abc' }]); } catch (e) { isVndiError(e); } // true
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

function fmt(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * A parameter as text, whatever the caller passed (a null-prototype object or a symbol has no
 * string conversion of its own; building a message must never throw).
 */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  return fmt(value);
}

/** A parameter as text: lists joined with commas (params hold them as arrays). */
function list(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : fmt(v))).join(', ');
  return value === undefined ? '' : text(value);
}

function quoted(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : fmt(v))).join(', ') : list(value);
}

/**
 * A number inside Vietnamese text, with a decimal comma as Vietnamese tables print it (`0,3985`,
 * `41,6`); the English text keeps the point. Numbers only, and unquoted numeral strings (a computed
 * sum such as `"999.5"`); quoted strings in messages stay as given, since they show the input itself.
 *
 * @example
 * ```ts
 * viNumber(0.3985); // '0,3985'
 * viNumber('999.5'); // '999,5'
 * viNumber(-0); // '-0'
 * ```
 */
export function viNumber(value: number | string): string {
  const s = typeof value === 'number' ? fmt(value) : value;
  return /^[-+]?\d+\.\d+(?:e[-+]?\d+)?$/i.test(s) ? s.replace('.', ',') : s;
}

/** {@link fmt} for Vietnamese text: numbers with a decimal comma. */
function fmtVi(value: unknown): string {
  return typeof value === 'number' ? viNumber(value) : fmt(value);
}

/** {@link text} for Vietnamese text: numbers and numeral strings with a decimal comma. */
function textVi(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? viNumber(text(value)) : text(value);
}

/**
 * {@link list} for Vietnamese text: numbers with a decimal comma, so items are separated by `; `
 * where one has a comma of its own (`0; 0,5; 1`, never `0, 0,5, 1`). Strings (ids, names) stay as given.
 */
function listVi(value: unknown): string {
  if (!Array.isArray(value)) return value === undefined ? '' : textVi(value);
  const items = value.map((v) => (typeof v === 'string' ? v : fmtVi(v)));
  return items.join(value.some((v, i) => typeof v === 'number' && items[i]!.includes(',')) ? '; ' : ', ');
}

/** The two ends of a range in Vietnamese text: `0, 100`, but `0; 0,25` where an end has a decimal comma. */
function rangeVi(min: unknown, max: unknown): string {
  const ends = [textVi(min), textVi(max)];
  return ends.join(ends.some((e) => /\d,\d/.test(e)) ? '; ' : ', ');
}

/** {@link quoted} for Vietnamese text (see {@link listVi}). */
function quotedVi(value: unknown): string {
  if (!Array.isArray(value)) return listVi(value);
  const items = value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : fmtVi(v)));
  return items.join(value.some((v, i) => typeof v === 'number' && items[i]!.includes(',')) ? '; ' : ', ');
}

/** Builds the bilingual message of an issue from its code and parameters. */
export function issueMessage(code: IssueCode, params: Record<string, unknown> = {}): Localized {
  const p = params;
  switch (code) {
    case 'unknown_framework':
      return {
        vi: `Không có bộ chỉ số "${text(p.id)}". Các bộ chỉ số hợp lệ: ${list(p.known)}`,
        en: `No framework "${text(p.id)}". Known frameworks: ${list(p.known)}`,
      };
    case 'wrong_framework_kind':
      return {
        vi: `Bộ chỉ số "${text(p.id)}" là loại ${text(p.actual)}, cần loại ${text(p.expected)}`,
        en: `Framework "${text(p.id)}" is a ${text(p.actual)} framework; a ${text(p.expected)} framework is needed`,
      };
    case 'not_scorable':
      return {
        vi: `Bộ chỉ số "${text(p.id)}" chưa đủ dữ kiện để chấm điểm`,
        en: `Framework "${text(p.id)}" lacks facts needed for scoring`,
      };
    case 'invalid_type':
      return {
        vi: `Kiểu dữ liệu không hợp lệ: cần ${text(p.expected)}, nhận được ${fmtVi(p.received)}`,
        en: `Invalid type: expected ${text(p.expected)}, received ${fmt(p.received)}`,
      };
    case 'not_a_number':
      return {
        vi: `Giá trị ${fmtVi(p.received)} không phải là số (dùng số hoặc chuỗi thập phân như "41.6")`,
        en: `Value ${fmt(p.received)} is not a number (use a number or a decimal string such as "41.6")`,
      };
    case 'not_finite':
      return {
        vi: `Giá trị ${fmtVi(p.received)} không hữu hạn`,
        en: `Value ${fmt(p.received)} is not finite`,
      };
    case 'too_long':
      return {
        vi: `Chuỗi số dài ${text(p.length)} ký tự, vượt quá ${text(p.maxLength)} ký tự cho phép`,
        en: `The numeric string is ${text(p.length)} characters long; at most ${text(p.maxLength)} are allowed`,
      };
    case 'out_of_range':
      return {
        vi: `Giá trị ${fmtVi(p.received)} nằm ngoài khoảng cho phép [${rangeVi(p.min, p.max)}]`,
        en: `Value ${fmt(p.received)} is outside the allowed range [${text(p.min)}, ${text(p.max)}]`,
      };
    case 'not_an_integer':
      return {
        vi: `Giá trị ${fmtVi(p.received)} phải là số nguyên`,
        en: `Value ${fmt(p.received)} must be an integer`,
      };
    case 'not_on_scale':
      return {
        vi: `Giá trị ${fmtVi(p.received)} không thuộc thang điểm của tiêu chí (cho phép: ${listVi(p.allowed)})`,
        en: `Value ${fmt(p.received)} is not on the criterion's scale (allowed: ${list(p.allowed)})`,
      };
    case 'too_many_decimals':
      return {
        vi: `Giá trị ${fmtVi(p.received)} có quá ${text(p.decimals)} chữ số thập phân`,
        en: `Value ${fmt(p.received)} has more than ${text(p.decimals)} decimals`,
      };
    case 'unknown_key':
      if (p.allowed !== undefined) {
        return {
          vi: `Khóa "${text(p.key)}" không hợp lệ (cho phép: ${listVi(p.allowed)})`,
          en: `Unknown key "${text(p.key)}" (allowed: ${list(p.allowed)})`,
        };
      }
      return {
        vi: `Khóa "${text(p.key)}" không có trong bộ chỉ số ${text(p.framework ?? '')}`.trim(),
        en: `Key "${text(p.key)}" is not part of framework ${text(p.framework ?? '')}`.trim(),
      };
    case 'missing_key':
      return {
        vi: `Thiếu giá trị bắt buộc "${text(p.key)}"`,
        en: `Missing required value "${text(p.key)}"`,
      };
    case 'duplicate_id':
      if (p.indexes === undefined) {
        // the framework definitions name the first use instead of every entry
        return {
          vi: `Mã "${text(p.id)}" bị trùng (đã dùng tại ${text(p.first)})`,
          en: `Id "${text(p.id)}" is used twice (first at ${text(p.first)})`,
        };
      }
      return {
        vi: `Mã "${text(p.id)}" xuất hiện nhiều lần (các mục ${list(p.indexes)})`,
        en: `Id "${text(p.id)}" appears more than once (entries ${list(p.indexes)})`,
      };
    case 'conflicting_input':
      return {
        vi: `Chỉ được cung cấp một trong các trường: ${list(p.fields)}`,
        en: `Give only one of the fields: ${list(p.fields)}`,
      };
    case 'missing_input':
      return {
        vi: `Cần cung cấp một trong các trường: ${list(p.fields)}`,
        en: `One of these fields is required: ${list(p.fields)}`,
      };
    case 'inconsistent_result':
      return {
        vi: `Kết quả không khớp: ${text(p.field ?? '')} là ${fmtVi(p.received)}, nhưng tính lại được ${fmtVi(p.expected)}`,
        en: `The result does not add up: ${text(p.field ?? '')} is ${fmt(p.received)}, but ${fmt(p.expected)} is computed`,
      };
    case 'invalid_option':
      if (p.allowed !== undefined) {
        return {
          vi: `Tùy chọn không hợp lệ: nhận được ${fmtVi(p.received)}, cần một trong ${quotedVi(p.allowed)}`,
          en: `Invalid option: received ${fmt(p.received)}, expected one of ${quoted(p.allowed)}`,
        };
      }
      return {
        vi: `Tùy chọn không hợp lệ: ${text(p.detail ?? '')}`.trim(),
        en: `Invalid option: ${text(p.detailEn ?? p.detail ?? '')}`.trim(),
      };
    case 'sum_mismatch':
      return {
        vi: `Tổng ${text(p.what)} là ${textVi(p.sum)}, phải bằng ${textVi(p.expected)}`,
        en: `The sum of ${text(p.whatEn ?? p.what)} is ${text(p.sum)}; it must equal ${text(p.expected)}`,
      };
    case 'invalid_framework':
      return {
        vi: `Bộ chỉ số không hợp lệ: ${text(p.detail ?? '')}`.trim(),
        en: `Invalid framework: ${text(p.detailEn ?? p.detail ?? '')}`.trim(),
      };
  }
}

/** Parameters that name several things (ids, field names): always arrays in an issue. */
const LIST_PARAMS = ['known', 'fields'] as const;

/**
 * The parameters as an issue carries them: list parameters given as comma-joined strings (an older
 * style) become arrays, and a copy of the issue's own `code` is dropped.
 */
function structured(code: IssueCode, params: Record<string, unknown>): Record<string, unknown> {
  let out = params;
  for (const key of LIST_PARAMS) {
    const v = out[key];
    if (typeof v === 'string') out = { ...out, [key]: v === '' ? [] : v.split(', ') };
  }
  if (out.code === code) {
    const { code: _same, ...rest } = out;
    out = rest;
  }
  return out;
}

/** Creates an issue with its message (and, given one, a developer hint). */
export function makeIssue(
  path: readonly (string | number)[],
  code: IssueCode,
  rawParams: Record<string, unknown> = {},
  hint?: string,
): ValidationIssue {
  const params = structured(code, rawParams);
  const issue = { path: [...path], pathString: pathToString(path), code, message: issueMessage(code, params), params };
  return hint === undefined ? issue : { ...issue, hint };
}
