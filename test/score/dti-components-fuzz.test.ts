/**
 * Fuzzing the DTI component trees: any mutation of the fictional component-tree file defines a
 * framework or gives a ValidationError; any hostile component input scores to finite figures
 * within the maxima or gives a ValidationError; never another exception, nothing mutated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError, dtiComponentGap, safeScoreDti, type DtiFramework } from '../../src/index.js';
import { safeDefineFramework } from '../../src/schema.js';
import { loadDtiFictional, readFrameworkJson } from '../frameworks/load.js';
import { mutate } from '../helpers.js';

const file = readFrameworkJson('dti-fictional.json');
const fictional = loadDtiFictional();
const nasty = fc.oneof(
  fc.constantFrom(0, -1, -0, 0.5, 1, 1.0000001, 150, 1e21, Number.NaN, Number.POSITIVE_INFINITY, '', '0.5', ' 12 ', '1e3', '__proto__', null, true, [], {}, 'x'.repeat(500)),
  fc.double(),
  fc.string({ maxLength: 6 }),
);

function finite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v && typeof v === 'object') return Object.values(v).every(finite);
  return true;
}


const valid = {
  points: { digitalSociety: 88.2 },
  components: {
    awareness: { a1: 30, a2: 0.75 }, infrastructure: { i1: 0.62, i2: 12.5, i3: 20 },
    digitalGovernment: { g1: 0.4, g2: 33.33 }, digitalEconomy: { e1: 0.333, e2: 41 },
  },
};

describe('fuzz: DTI component trees', () => {
  it('any mutation of the component-tree file gives a framework or a ValidationError', () => {
    fc.assert(fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 7 }), nasty, (pick, value) => {
      const data = mutate(file, pick, value);
      const before = JSON.stringify(data);
      const r = safeDefineFramework(data);
      if (!r.success) expect(r.error).toBeInstanceOf(ValidationError);
      expect(JSON.stringify(data)).toBe(before);
    }), { numRuns: 1000 });
  });

  it('any mutation of a component input scores within the maxima or gives a ValidationError', () => {
    fc.assert(fc.property(fc.array(fc.nat(12), { minLength: 1, maxLength: 4 }), nasty, (pick, value) => {
      const input = mutate(valid, pick, value);
      const before = JSON.stringify(input);
      const r = safeScoreDti(fictional as DtiFramework, input as never);
      expect(JSON.stringify(input)).toBe(before);
      if (!r.success) {
        expect(r.error).toBeInstanceOf(ValidationError);
        return;
      }
      expect(finite(r.data)).toBe(true);
      expect(r.data.total).toBeGreaterThanOrEqual(0);
      expect(r.data.total).toBeLessThanOrEqual(700);
      for (const m of r.data.mainIndicators) {
        expect(m.points).toBeLessThanOrEqual(m.max);
        for (const c of m.components ?? []) expect(c.points).toBeLessThanOrEqual(c.max);
      }
      const gap = dtiComponentGap(r.data, { target: { value: 1 } });
      expect(gap.plan!.pointsNeeded).toBe(gap.lost);
    }), { numRuns: 1000 });
  });
});
