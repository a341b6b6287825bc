/**
 * The validated input of a DBI assessment: `answers` maps every criterion id (or, for pillar-level
 * frameworks, every pillar id) to its points.
 */
import { NotScorableError, ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { criterionScale } from '../framework/dbi-criterion.js';
import type { DbiFramework } from '../framework/schema.js';
import { checkNumeric, type NumericInput, type NumericRule } from './numeric.js';

/**
 * What a caller passes to `scoreDbi`.
 *
 * @example
 * ```ts
 * // by criterion id (or pillar id for a pillar-level framework): a number, or a decimal string
 * const input: DbiInput = { answers: { '1.1.1': 3, '1.1.2': '4', '2.1.1': 15 } };
 * safeScoreDbi('dbi-2021-sme', input).success; // false: the other 57 criteria are missing
 * ```
 */
export interface DbiInput {
  /** Points per criterion id (`1.1.1` …), or per pillar id for pillar-level frameworks. */
  readonly answers: Readonly<Record<string, NumericInput>>;
}

/** One answer slot of a framework, in framework order. */
export interface DbiItem {
  readonly id: string;
  readonly pillarIndex: number;
  readonly rule: NumericRule;
  /** Highest points the item can take. */
  readonly max: number;
}

/** A framework prepared for scoring: items in order, scale, maxima in integer units. */
export interface CompiledDbi {
  readonly framework: DbiFramework;
  readonly items: readonly DbiItem[];
  /** Decimals every answer may have; values are held as integers in units of 10^-decimals. */
  readonly decimals: number;
  readonly factor: number;
  readonly pillarMaxUnits: readonly number[];
  readonly totalMaxUnits: number;
  /** Answer id → item index. */
  readonly index: ReadonlyMap<string, number>;
  /** Per item: `1` at each small integer the item accepts (the common answers), for a quick check. */
  readonly smallIntegers: readonly Uint8Array[];
}

function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 8 : s.length - dot - 1;
}

const compiled = new WeakMap<DbiFramework, CompiledDbi>();

/** The answer slots of a framework in framework order (criteria, or pillars for pillar-level input). */
export function itemsOf(framework: DbiFramework): DbiItem[] {
  const items: DbiItem[] = [];
  framework.pillars.forEach((pillar, pillarIndex) => {
    if (framework.inputLevel === 'pillar') {
      const max = pillar.max ?? 0;
      items.push({ id: pillar.id, pillarIndex, max, rule: { min: 0, max, decimals: framework.pillarInputDecimals } });
      return;
    }
    for (const component of pillar.components) {
      for (const criterion of component.criteria) {
        const scale = criterionScale(criterion);
        const rule: NumericRule =
          scale.kind === 'steps'
            ? { min: Math.min(...scale.values), max: Math.max(...scale.values), steps: scale.values }
            : { min: scale.min, max: scale.max, decimals: scale.decimals };
        items.push({ id: criterion.id, pillarIndex, max: rule.max, rule });
      }
    }
  });
  return items;
}

/**
 * The error of a framework scored without the maxima of some pillars (no source publishes them).
 * The message says what the person scoring can do (supply each maximum; on the command line, in a
 * framework file given with `--framework-file`); the `hint` names the function a developer calls.
 *
 * @internal
 */
export function missingPillarMaxima(framework: DbiFramework, missing: readonly { readonly id: string }[]): NotScorableError {
  const ids = missing.map((p) => p.id).join(', ');
  return new NotScorableError(framework.id, {
    vi: `Chưa có điểm tối đa của trụ cột (${ids}) vì chưa tìm thấy trong văn bản đã công bố. Hãy cung cấp điểm tối đa của từng trụ cột này (với lệnh vndi: trong một tệp bộ chỉ số, dùng --framework-file).`,
    en: `The pillar maxima (${ids}) are not published in any source found. Supply the maximum of each of these pillars (with the vndi command: in a framework file, given with --framework-file).`,
  }, `Call overrideDbiPillarMaxima(framework, { ${missing.map((p) => `${p.id}: …`).join(', ')} }) and score with the framework it returns.`);
}

/**
 * Prepares a framework for scoring (once per framework object). Throws {@link NotScorableError}
 * when a pillar maximum is not known.
 */
export function compileDbi(framework: DbiFramework): CompiledDbi {
  const cached = compiled.get(framework);
  if (cached) return cached;
  const missing = framework.pillars.filter((p) => p.max === null);
  if (missing.length > 0) throw missingPillarMaxima(framework, missing);
  const items = itemsOf(framework);
  let decimals = framework.inputLevel === 'pillar' ? framework.pillarInputDecimals : 0;
  for (const item of items) {
    for (const s of item.rule.steps ?? []) decimals = Math.max(decimals, decimalsOf(s));
    if (item.rule.decimals !== undefined) decimals = Math.max(decimals, item.rule.decimals);
  }
  const factor = 10 ** decimals;
  const pillarMaxUnits = framework.pillars.map((p) => Math.round((p.max as number) * factor));
  const result: CompiledDbi = {
    framework,
    items,
    decimals,
    factor,
    pillarMaxUnits,
    totalMaxUnits: pillarMaxUnits.reduce((a, b) => a + b, 0),
    index: new Map(items.map((item, i) => [item.id, i])),
    smallIntegers: items.map((item) => {
      const table = new Uint8Array(Math.min(256, Math.floor(item.rule.max) + 1));
      for (let v = 0; v < table.length; v++) table[v] = checkNumeric(v, item.rule) === undefined ? 1 : 0;
      return table;
    }),
  };
  compiled.set(framework, result);
  return result;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The value of a text of one to three ASCII digits (`"3"`, `"025"`), else −1. */
function smallIntegerText(text: string): number {
  const len = text.length;
  if (len === 0 || len > 3) return -1;
  let n = 0;
  for (let k = 0; k < len; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The common case checked cheaply: a plain `{ answers }` object whose keys are exactly the
 * framework's answer ids and whose values are numbers or numeral strings that pass the same numeric rule. It only
 * ever accepts what dbiInputIssues accepts (a property test holds it to that); anything
 * else goes through the full check, which gives the full report.
 */
function acceptsQuickly(c: CompiledDbi, input: unknown): boolean {
  if (!isPlainObject(input)) return false;
  const top = Object.keys(input);
  if (top.length !== 1 || top[0] !== 'answers') return false;
  const answers = input.answers;
  if (!isPlainObject(answers)) return false;
  const keys = Object.keys(answers);
  if (keys.length !== c.items.length) return false;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const i = c.index.get(key);
    if (i === undefined) return false;
    const v = answers[key];
    const small = c.smallIntegers[i]!;
    if (typeof v === 'number') {
      if ((v | 0) === v && v >= 0 && v < small.length) {
        if (small[v] !== 1) return false;
      } else if (checkNumeric(v, c.items[i]!.rule) !== undefined) return false;
    } else if (typeof v === 'string') {
      // answers read from a CSV: "3", "25"
      const n = smallIntegerText(v);
      if (n >= 0 && n < small.length) {
        if (small[n] !== 1) return false;
      } else if (checkNumeric(v, c.items[i]!.rule) !== undefined) return false;
    } else return false;
  }
  // keys are distinct and all known, and there are as many as items: exactly the answer ids
  return true;
}

/** Keys of an object as zod's strict objects see them: own and inherited enumerable keys. */
function keysOf(x: object): string[] {
  const keys: string[] = [];
  for (const k in x) keys.push(k);
  return keys;
}

/**
 * Every issue of a DBI input, without zod: the issues {@link dbiZodSchema} reports, in the same
 * order with the same paths, codes and parameters (a property test holds the two together),
 * except that an `answers` that is not an object is reported as `invalid_type` where the zod
 * mapping said `missing_key`.
 */
export function dbiInputIssues(c: CompiledDbi, input: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const framework = c.framework.id;
  const answers = input.answers;
  if (answers === undefined) {
    issues.push(makeIssue(['answers'], 'missing_key', { key: 'answers' }));
  } else if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    issues.push(makeIssue(['answers'], 'invalid_type', { expected: 'object', received: answers }));
  } else {
    const given = answers as Record<string, unknown>;
    for (const item of c.items) {
      const problem = checkNumeric(given[item.id], item.rule);
      if (problem) issues.push(makeIssue(['answers', item.id], problem.code, { key: item.id, framework, ...problem.params }));
    }
    for (const key of keysOf(given)) if (!c.index.has(key)) issues.push(makeIssue(['answers', key], 'unknown_key', { key, framework }));
  }
  for (const key of keysOf(input)) if (key !== 'answers') issues.push(makeIssue([key], 'unknown_key', { key, framework }));
  return issues;
}

/** Validates a DBI input, throwing a {@link ValidationError} with every issue found. */
export function validateDbiInput(c: CompiledDbi, input: unknown): DbiInput {
  if (acceptsQuickly(c, input)) return input as DbiInput;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError([makeIssue([], 'invalid_type', { expected: 'object { answers }', received: input })]);
  }
  const issues = dbiInputIssues(c, input as Record<string, unknown>);
  if (issues.length > 0) throw new ValidationError(issues);
  return input as DbiInput;
}
