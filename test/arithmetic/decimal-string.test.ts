/** The decimal.js-free digits path agrees with decimal.js on reading, half-up rounding and comparison. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as X from '../../src/arithmetic/decimal.js';
import { compareDigits, decimalDigits, roundDigits, scaledInteger, type DecimalDigits } from '../../src/arithmetic/decimal-string.js';

const text = (d: DecimalDigits) => (d.sign === 0 ? '0' : `${d.sign < 0 ? '-' : ''}${d.int || '0'}${d.frac ? `.${d.frac}` : ''}`);

const numeral = fc
  .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,6}$/), fc.stringMatching(/^\d{0,8}$/))
  .filter(([, i, f]) => i !== '' || f !== '')
  .map(([s, i, f]) => `${s}${i}${f === '' ? '' : `.${f}`}`);
const value = fc.oneof(numeral, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(0.5, 2.675, 1e-7, 1.5e21, -0, 0.12345, 99.995));

describe('decimal digits without decimal.js', () => {
  it('reads hand-picked values', () => {
    expect(decimalDigits('041.600')).toEqual({ sign: 1, int: '41', frac: '6' });
    expect(decimalDigits(1e-7)).toEqual({ sign: 1, int: '', frac: '0000001' });
    expect(decimalDigits(1.5e21)).toEqual({ sign: 1, int: '1500000000000000000000', frac: '' });
    expect(decimalDigits('-0.00')).toEqual({ sign: 0, int: '', frac: '' });
    expect(decimalDigits('1,5')).toBeUndefined();
    expect(decimalDigits(Number.NaN)).toBeUndefined();
    expect(text(roundDigits(decimalDigits('0.995')!, 2))).toBe('1');
    expect(text(roundDigits(decimalDigits('-2.345')!, 2))).toBe('-2.35');
    expect(text(roundDigits(decimalDigits('0.0049')!, 2))).toBe('0');
    expect(scaledInteger(roundDigits(decimalDigits(0.48805)!, 4), 4)).toBe(4881);
  });

  it('agrees with decimal.js on reading and half-up rounding', () => {
    fc.assert(fc.property(value, fc.integer({ min: 0, max: 8 }), (v, decimals) => {
      const d = decimalDigits(v)!;
      const x = X.exact(typeof v === 'string' ? v : v);
      expect(text(d)).toBe(X.toPlainString(x));
      expect(text(roundDigits(d, decimals))).toBe(X.toPlainString(X.roundHalfUp(x, decimals)));
    }), { numRuns: 5_000 });
  });

  it('agrees with decimal.js on comparison', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(compareDigits(decimalDigits(a)!, decimalDigits(b)!)).toBe(X.compare(X.exact(a), X.exact(b)));
    }), { numRuns: 5_000 });
  });
});
