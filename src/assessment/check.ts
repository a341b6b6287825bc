/**
 * A tiny kit of runtime checks for the arguments and options of the library's functions. Each
 * check is at once the runtime validation and, through {@link Infer}, the static type, so the two
 * never drift apart. Checks report the library's bilingual issues with full paths; unknown option
 * keys are errors (a misspelt `{ oder: 'desc' }` is caught, not ignored).
 *
 * Hand-written and dependency-free on purpose: it sits on the scoring and ranking paths, which must
 * bundle without zod or decimal.js.
 *
 * @internal
 */
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { checkNumeric, type NumericInput, type NumericRule } from './numeric.js';

export type Path = readonly (string | number)[];

/** A check: pushes an issue for every broken rule of `value` at `path`. */
export interface Check<T> {
  (value: unknown, path: Path, issues: ValidationIssue[]): void;
  /** Phantom: the type the check guarantees. */
  readonly __type?: T;
  /** Whether an object key holding this check may be absent. */
  readonly optional?: true;
}

/** The type a check guarantees. */
export type Infer<C> = C extends Check<infer T> ? T : never;

type Shape = Readonly<Record<string, Check<unknown>>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The object type of a shape: optional checks become optional keys. */
export type InferShape<S extends Shape> = Simplify<
  { readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { readonly [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/* @__NO_SIDE_EFFECTS__ */ function make<T>(fn: (value: unknown, path: Path, issues: ValidationIssue[]) => void): Check<T> {
  return fn as Check<T>;
}

/** True for a plain object (`{}` or a null-prototype object), not an array, a Map, a Date … */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * An ordinary array: `Array.isArray`, without an own `constructor` property (which would make
 * `map` and `filter` call it through `Symbol.species`, a hostile input's way to throw a TypeError).
 */
export function isArray(x: unknown): x is readonly unknown[] {
  return Array.isArray(x) && !Object.prototype.hasOwnProperty.call(x, 'constructor');
}

/** One of the listed literals (compared with `===`): `invalid_option` naming the allowed values. */
/* @__NO_SIDE_EFFECTS__ */ export function oneOf<const L extends string | number | boolean>(allowed: readonly L[]): Check<L> {
  return make((value, path, issues) => {
    if (!allowed.includes(value as L)) issues.push(makeIssue(path, 'invalid_option', { received: value, allowed: [...allowed] }));
  });
}

/** A finite number, optionally an integer and within bounds. */
/* @__NO_SIDE_EFFECTS__ */ export function num(rule: { readonly integer?: boolean; readonly min?: number; readonly max?: number } = {}): Check<number> {
  return make((value, path, issues) => {
    if (typeof value !== 'number') {
      issues.push(makeIssue(path, 'invalid_type', { expected: rule.integer ? 'integer' : 'number', received: value }));
    } else if (Number.isNaN(value)) {
      issues.push(makeIssue(path, 'not_a_number', { received: value }));
    } else if (!Number.isFinite(value)) {
      issues.push(makeIssue(path, 'not_finite', { received: value }));
    } else if (rule.integer && !Number.isInteger(value)) {
      issues.push(makeIssue(path, 'not_an_integer', { received: value }));
    } else if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
      issues.push(makeIssue(path, 'out_of_range', { received: value, min: rule.min ?? '-∞', max: rule.max ?? '∞' }));
    }
  });
}

/** A number or a plain decimal string following a numeric rule (the rule input fields follow). */
/* @__NO_SIDE_EFFECTS__ */ export function numeric(rule: NumericRule): Check<NumericInput> {
  return make((value, path, issues) => {
    const problem = checkNumeric(value, rule);
    if (problem) issues.push(makeIssue(path, problem.code, { key: path[path.length - 1], ...problem.params }));
  });
}

/** A string (optionally non-empty). */
/* @__NO_SIDE_EFFECTS__ */ export function str(rule: { readonly nonEmpty?: boolean } = {}): Check<string> {
  return make((value, path, issues) => {
    if (typeof value !== 'string') issues.push(makeIssue(path, 'invalid_type', { expected: 'string', received: value }));
    else if (rule.nonEmpty && value.length === 0) issues.push(makeIssue(path, 'missing_input', { fields: [String(path[path.length - 1] ?? 'value')] }));
  });
}

/** A function. */
/* @__NO_SIDE_EFFECTS__ */ export function func<F extends (...args: never[]) => unknown>(): Check<F> {
  return make((value, path, issues) => {
    if (typeof value !== 'function') issues.push(makeIssue(path, 'invalid_type', { expected: 'function', received: value }));
  });
}

/** `null` or what `check` accepts. */
/* @__NO_SIDE_EFFECTS__ */ export function nullable<T>(check: Check<T>): Check<T | null> {
  return make((value, path, issues) => {
    if (value !== null) check(value, path, issues);
  });
}

/** An absent (`undefined`) value or what `check` accepts; as an object key, the key is optional. */
/* @__NO_SIDE_EFFECTS__ */ export function optional<T>(check: Check<T>): Check<T | undefined> & { readonly optional: true } {
  const c = make<T | undefined>((value, path, issues) => {
    if (value !== undefined) check(value, path, issues);
  });
  return Object.assign(c, { optional: true as const });
}

/** The first check whose type test (`is`) matches decides; otherwise `invalid_type` naming `expected`. */
/* @__NO_SIDE_EFFECTS__ */ export function either<A, B>(expected: string, a: [(x: unknown) => boolean, Check<A>], b: [(x: unknown) => boolean, Check<B>]): Check<A | B> {
  return make((value, path, issues) => {
    if (a[0](value)) a[1](value, path, issues);
    else if (b[0](value)) b[1](value, path, issues);
    else issues.push(makeIssue(path, 'invalid_type', { expected, received: value }));
  });
}

/** An array whose every element passes `check` (reports at most `limit` issues). */
/* @__NO_SIDE_EFFECTS__ */ export function arrayOf<T>(check: Check<T>, limit = 20): Check<readonly T[]> {
  return make((value, path, issues) => {
    if (!isArray(value)) {
      issues.push(makeIssue(path, 'invalid_type', { expected: 'array', received: value }));
      return;
    }
    const start = issues.length;
    for (let i = 0; i < value.length; i++) {
      check(value[i], [...path, i], issues);
      if (issues.length - start >= limit) return;
    }
  });
}

/** A plain object whose every own value passes `check` (keys are free). */
/* @__NO_SIDE_EFFECTS__ */ export function record<T>(check: Check<T>): Check<Readonly<Record<string, T>>> {
  return make((value, path, issues) => {
    if (!isPlainObject(value)) {
      issues.push(makeIssue(path, 'invalid_type', { expected: 'object', received: value }));
      return;
    }
    for (const key of Object.keys(value)) check(value[key], [...path, key], issues);
  });
}

/**
 * A plain object with the keys of `shape` (optional checks may be absent) and no other key, or,
 * with `{ extraKeys: true }`, other keys allowed (for records the library itself produced, such as
 * rankings, that carry more fields than a function reads).
 */
/* @__NO_SIDE_EFFECTS__ */ export function obj<S extends Shape>(shape: S, opts: { readonly extraKeys?: boolean } = {}): Check<InferShape<S>> & { readonly shape: S } {
  const keys = Object.keys(shape);
  const c = make<InferShape<S>>((value, path, issues) => {
    if (!isPlainObject(value)) {
      issues.push(makeIssue(path, 'invalid_type', { expected: keys.length ? `object { ${keys.join(', ')} }` : 'object', received: value }));
      return;
    }
    if (!opts.extraKeys) {
      for (const key of Object.keys(value)) {
        if (!Object.prototype.hasOwnProperty.call(shape, key)) issues.push(makeIssue([...path, key], 'unknown_key', { key, allowed: keys }));
      }
    }
    for (const key of keys) {
      const check = shape[key]!;
      const v = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
      if (v === undefined && !check.optional) issues.push(makeIssue([...path, key], 'missing_key', { key }));
      else check(v, [...path, key], issues);
    }
  });
  return Object.assign(c, { shape });
}

/** A check written by hand for what the combinators do not express. */
/* @__NO_SIDE_EFFECTS__ */ export function custom<T>(fn: (value: unknown, path: Path, issues: ValidationIssue[]) => void): Check<T> {
  return make(fn);
}

/** Runs `check`, throwing a {@link ValidationError} with every issue found; returns the value typed. */
export function parse<T>(check: Check<T>, value: unknown, path: Path): T {
  const issues: ValidationIssue[] = [];
  check(value, path, issues);
  if (issues.length) throw new ValidationError(issues);
  return value as T;
}

/** Throws a {@link ValidationError} when `issues` is not empty. */
export function throwIfAny(issues: readonly ValidationIssue[]): void {
  if (issues.length) throw new ValidationError(issues);
}

/**
 * Reports ids that appear more than once: one `duplicate_id` issue per repeated id, naming every
 * index it appears at (`params.indexes`), at the path of its second appearance.
 */
export function duplicateIds(ids: readonly unknown[], path: Path, field = 'id'): ValidationIssue[] {
  const first = new Map<unknown, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const at = first.get(ids[i]);
    if (at) at.push(i);
    else first.set(ids[i], [i]);
  }
  const issues: ValidationIssue[] = [];
  for (const [id, indexes] of first) {
    if (indexes.length > 1) issues.push(makeIssue([...path, indexes[1]!, field], 'duplicate_id', { id, indexes }, 'Each id may appear once: merge or drop the duplicate entries.'));
  }
  return issues;
}

/** `true` when `A` and `B` are the same type (used to pin a declared interface to its check). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compile-time assertion: `sameType<Equal<A, B>>()` fails to compile when `A` and `B` differ. */
export function sameType<_T extends true>(): void {}

/** A caller-given path prefix: an array of strings and finite numbers. */
export const pathCheck = /* @__PURE__ */ custom<Path>((value, path, issues) => {
  if (!isArray(value) || !value.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)))) {
    issues.push(makeIssue(path, 'invalid_type', { expected: 'array of strings and numbers', received: value }));
  }
});

/**
 * Orders strings by Unicode code point, the same in every locale and runtime (never
 * `localeCompare`). Unlike `<` on UTF-16 code units, a character above U+FFFF sorts after U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // a surrogate (an astral code point) outranks every BMP unit at or above U+E000
    const hx = x >= 0xd800 && x <= 0xdfff;
    const hy = y >= 0xd800 && y <= 0xdfff;
    if (hx !== hy && (hx ? y : x) >= 0xe000) return hx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
