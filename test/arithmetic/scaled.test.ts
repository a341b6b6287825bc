import { describe, expect, it } from 'vitest';
import * as X from '../../src/arithmetic/decimal.js';
import { formatUnits, ratioHalfUp, ratioString, toUnits } from '../../src/arithmetic/scaled.js';

// The scaled-integer path must agree digit for digit with the decimal.js path.
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('scaled integers agree with decimal.js', () => {
  const rand = lcg(42);
  const cases: [number, number][] = [[0, 7], [1, 3], [39, 65], [40, 65], [100, 3], [2, 3], [1, 320], [31999, 32000], [695, 695]];
  for (let i = 0; i < 500; i++) cases.push([Math.floor(rand() * 1e6), 1 + Math.floor(rand() * 1e5)]);

  it.each(cases.slice(0, 40))('ratioString(%i, %i)', (n, d) => {
    expect(ratioString(n, d)).toBe(X.toPlainString(X.divide(X.exact(n), d)));
  });

  it('ratioString and ratioHalfUp on 500 random pairs', () => {
    for (const [n, d] of cases) {
      expect(ratioString(n, d)).toBe(X.toPlainString(X.divide(X.exact(n), d)));
      for (const dp of [0, 2, 4]) expect(ratioHalfUp(n, d, dp)).toBe(X.toRoundedNumber(X.divide(X.exact(n), d), dp));
    }
  });

  it('rounds exact ties half-up', () => {
    expect(ratioHalfUp(1, 8, 2)).toBe(0.13); // 0.125
    expect(ratioHalfUp(5, 2, 0)).toBe(3);
    expect(ratioHalfUp(1, 3, 4)).toBe(0.3333);
    expect(X.toRoundedNumber(X.exact('0.70245'), 4)).toBe(0.7025);
    expect(X.toRoundedNumber(X.exact('0.702445'), 4)).toBe(0.7024);
  });

  it('reads and writes units exactly', () => {
    expect(toUnits(41.6, 2)).toBe(4160);
    expect(toUnits('12.63', 2)).toBe(1263);
    expect(toUnits('12.630', 2)).toBe(1263);
    expect(toUnits('12.631', 2)).toBeUndefined();
    expect(toUnits(1e-7, 2)).toBeUndefined();
    expect(toUnits('abc', 2)).toBeUndefined();
    expect(toUnits(-0, 0)).toBe(0);
    expect(toUnits(2 ** 60, 0)).toBeUndefined();
    expect(formatUnits(4160, 2)).toBe('41.6');
    expect(formatUnits(5, 2)).toBe('0.05');
    expect(formatUnits(-5, 2)).toBe('-0.05');
    expect(formatUnits(0, 2)).toBe('0');
    expect(formatUnits(320, 0)).toBe('320');
  });
});
