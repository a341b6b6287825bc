/**
 * Numbers are read in linear time and hostile numerals are refused at once; every failure has one
 * shape (a ValidationError with issues, a not-scorable framework included); errors are recognised
 * by brand as well as by prototype.
 */
import { describe, expect, it } from 'vitest';
import {
  NotScorableError, ValidationError, VndiError, criterionOrder, isValidationError, isVndiError, rank, safeScoreDbi, safeScoreDti,
} from '../../src/index.js';
import { checkNumeric, countDecimals, isPlainDecimal, MAX_NUMERIC_LENGTH } from '../../src/assessment/numeric.js';
import { toUnits } from '../../src/arithmetic/scaled.js';

describe('numerals in linear time', () => {
  it("refuses the 200,001-character '0.000…1' in milliseconds (it took 17 s)", () => {
    const hostile = `0.${'0'.repeat(2e5)}1`;
    expect(hostile.length).toBe(200_003);
    const answers = Object.fromEntries(criterionOrder('dbi-2021-large').map((id) => [id, 10]));
    const t0 = performance.now();
    const r = safeScoreDbi('dbi-2021-large', { answers: { ...answers, customer: hostile } });
    const elapsed = performance.now() - t0;
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues).toHaveLength(1);
      expect(r.error.issues[0]).toMatchObject({ pathString: 'answers.customer', code: 'too_long', params: { length: 200_003, maxLength: 64 } });
      expect(r.error.issues[0]!.message.en).toBe('The numeric string is 200003 characters long; at most 64 are allowed');
    }
    expect(elapsed).toBeLessThan(200);
  });

  it('the helpers stay linear on long strings of zeros', () => {
    const zeros = `1.${'0'.repeat(1e6)}`;
    const t0 = performance.now();
    expect(countDecimals(zeros)).toBe(0);
    expect(isPlainDecimal(zeros)).toBe(true);
    expect(toUnits(zeros, 2)).toBeUndefined(); // longer than any figure: refused
    expect(checkNumeric(zeros, { min: 0, max: 5 })).toEqual({ code: 'too_long', params: { length: zeros.length, maxLength: MAX_NUMERIC_LENGTH } });
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('reads plain decimals only; surrounding whitespace is ignored', () => {
    for (const s of ['3', '+3', '-0', '3.', '.5', '03.50']) expect(isPlainDecimal(s), s).toBe(true);
    for (const s of ['', ' ', '.', '+', '-', '0x10', '1e5', 'Infinity', 'NaN', '3,5', '٣', '１', '1_000', '--1', '1.2.3']) expect(isPlainDecimal(s), s).toBe(false);
    expect(checkNumeric(' 3 ', { min: 0, max: 5 })).toBeUndefined();
    expect(checkNumeric('3.50', { min: 0, max: 5, decimals: 1 })).toBeUndefined();
    expect(checkNumeric('3.55', { min: 0, max: 5, decimals: 1 })?.code).toBe('too_many_decimals');
    expect(checkNumeric('0x10', { min: 0, max: 100 })?.code).toBe('not_a_number');
    expect(checkNumeric('7', { min: 0, max: 10, steps: [0, 5, 10] })).toEqual({ code: 'not_on_scale', params: { received: '7', allowed: [0, 5, 10] } });
    expect(checkNumeric(' '.repeat(40) + '3' + ' '.repeat(40), { min: 0, max: 5 })?.code).toBe('too_long');
  });
});

describe('one error shape', () => {
  it('a not-scorable framework is a ValidationError with a not_scorable issue', () => {
    const r = safeScoreDbi('dbi-2023-sme-readiness', { answers: {} });
    expect(r.success).toBe(false);
    if (r.success) return;
    // compiles without narrowing: error.issues always exists
    const [issue] = r.error.issues;
    expect(issue).toMatchObject({ path: ['framework'], pathString: 'framework', code: 'not_scorable', params: { id: 'dbi-2023-sme-readiness' } });
    expect(issue!.message.en).toMatch(/^The pillar maxima \(strategy, customer/);
    expect(issue!.hint).toMatch(/^Call overrideDbiPillarMaxima\(framework, \{ strategy: …/);
    expect(r.error).toBeInstanceOf(NotScorableError);
    expect(r.error).toBeInstanceOf(ValidationError);
    expect(r.error).toBeInstanceOf(VndiError);
    expect((r.error as NotScorableError).reason.en).toBe(issue!.message.en);
    // what the person scoring can do is in the message; the function a developer calls, in the hint
    expect(issue!.message.en).toMatch(/Supply the maximum of each of these pillars \(with the vndi command: in a framework file, given with --framework-file\)\.$/);
    expect(issue!.message.vi).toMatch(/Hãy cung cấp điểm tối đa của từng trụ cột này \(với lệnh vndi: trong một tệp bộ chỉ số, dùng --framework-file\)\.$/);
    expect(`${issue!.message.vi} ${issue!.message.en}`).not.toMatch(/override|\(framework/);
    // Vietnamese first, as on the command line and in the docs
    expect(r.error.message).toBe(`dbi-2023-sme-readiness: ${issue!.message.vi} / ${issue!.message.en}`);
  });

  it('params are structured: lists are arrays', () => {
    const r = safeScoreDti('dti-province-2022', {});
    expect(!r.success && r.error.issues[0]).toMatchObject({ code: 'missing_input', params: { fields: ['points', 'values'] } });
    const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
    const values = Object.fromEntries(Object.keys(points).map((k) => [k, 0.5]));
    const both = safeScoreDti('dti-province-2022', { points, values });
    expect(!both.success && both.error.issues.find((i) => i.code === 'conflicting_input')?.message.en).toBe('Give only one of the fields: points, values');
  });

  it('errors are recognised by brand across copies of the classes (the CJS/ESM hazard)', () => {
    const brand = Symbol.for('vn-digital-index.error');
    // an error as another copy of the library would make it: another prototype, the same brand
    const foreign = Object.assign(new Error('x'), { name: 'ValidationError', issues: [] });
    Object.defineProperty(foreign, brand, { value: ['VndiError', 'ValidationError'] });
    expect(foreign).toBeInstanceOf(VndiError);
    expect(foreign).toBeInstanceOf(ValidationError);
    expect(foreign).not.toBeInstanceOf(NotScorableError);
    expect(isVndiError(foreign) && isValidationError(foreign)).toBe(true);
    expect(isVndiError(new TypeError('x'))).toBe(false);
    expect(new TypeError('x')).not.toBeInstanceOf(VndiError);
    expect(isVndiError(null) || isVndiError(42) || isVndiError({ [brand]: 'not a list' })).toBe(false);
    let thrown: unknown;
    try {
      rank([{ id: 'A', score: 'abc' }]);
    } catch (e) {
      thrown = e;
    }
    expect(isValidationError(thrown)).toBe(true);
    // a user's subclass keeps ordinary instanceof semantics
    class MyError extends ValidationError {}
    expect(new MyError([])).toBeInstanceOf(ValidationError);
    expect(thrown).not.toBeInstanceOf(MyError);
    expect(new MyError([]).issues).toHaveLength(1);
  });
});

describe('structured params whatever the call site', () => {
  it('lists are arrays (known, fields, allowed), never comma-joined strings', async () => {
    const r = safeScoreDti('dti-province-1999' as string, { points: {} });
    expect(!r.success && r.error.issues[0]!.params).toEqual({ id: 'dti-province-1999', known: ['dti-province-2020', 'dti-province-2022', 'dti-province-2025'] });
    expect(!r.success && r.error.issues[0]!.message.en).toBe('No framework "dti-province-1999". Known frameworks: dti-province-2020, dti-province-2022, dti-province-2025');
    const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
    const values = Object.fromEntries(Object.keys(points).map((k) => [k, 0.5]));
    const both = safeScoreDti('dti-province-2022', { points, values } as never);
    expect(!both.success && both.error.issues.find((i) => i.code === 'conflicting_input')?.params).toEqual({ framework: 'dti-province-2022', fields: ['points', 'values'] });
    const none = safeScoreDti('dti-province-2022', {} as never);
    expect(!none.success && none.error.issues[0]!.params).toMatchObject({ fields: ['points', 'values'] });
  });
});

describe('inputs read once (getters and Proxies)', () => {
  const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
  const answers = (): Record<string, unknown> => Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
  const flipping = <T extends object>(target: T, key: string, first: unknown, then: unknown): T => {
    let reads = 0;
    return Object.defineProperty(target, key, { get: () => (reads++ === 0 ? first : then), enumerable: true });
  };

  it('a getter that answers 50 then "abc" is scored on the one value it gave (it reached the arithmetic as a RangeError)', () => {
    const r = safeScoreDti('dti-province-2022', { points: flipping({ ...points }, 'awareness', 50, 'abc') });
    expect(r.success && r.data.total).toBe(374.49); // 398.49 − 74 + 50
    const d = safeScoreDbi('dbi-2021-sme', { answers: flipping(answers(), '1.1.1', 3, 'zz') as never });
    expect(d.success && d.data.total).toBe(192);
  });

  it('a getter or Proxy that throws is a ValidationError at its path, not the caller\'s own error', () => {
    const throwing = Object.defineProperty({ ...points }, 'awareness', { get() { throw new Error('boom'); }, enumerable: true });
    const r = safeScoreDti('dti-province-2022', { points: throwing });
    expect(!r.success && r.error.issues[0]).toMatchObject({ code: 'invalid_type', pathString: 'points.awareness' });
    const proxy = new Proxy({}, { ownKeys() { throw new TypeError('px'); } });
    const d = safeScoreDbi('dbi-2021-sme', { answers: proxy as never });
    expect(!d.success && d.error.issues[0]).toMatchObject({ code: 'invalid_type', pathString: 'answers' });
  });

  it('keeps null-prototype objects and a "__proto__" key as they are (validation sees the same input)', () => {
    expect(safeScoreDti('dti-province-2022', { points: Object.assign(Object.create(null), points) }).success).toBe(true);
    const r = safeScoreDti('dti-province-2022', JSON.parse(`{"points":${JSON.stringify({ ...points, __proto__: 1 }).replace('{', '{"__proto__":1,')}}`));
    expect(!r.success && r.error.issues.map((i) => i.pathString)).toEqual(['points.__proto__']);
  });
});
