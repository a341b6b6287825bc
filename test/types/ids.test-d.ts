/**
 * Type tests (run by `vitest --typecheck`, part of `npm test`): framework ids and input keys are
 * literal types, so they autocomplete and a typo is a compile error, while plain strings and
 * framework objects read at run time are still accepted.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { criterionOrder, getFramework, safeScoreDbi, safeScoreDti, scoreDbi, scoreDti, type DbiFramework, type DbiResult, type DtiFramework, type DtiResult, type Framework, type FrameworkId, type DtiFrameworkId, type DbiFrameworkId } from '../../src/index.js';
import { overrideDbiPillarMaxima, overrideDtiMaxima } from '../../src/schema.js';

const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };

describe('framework ids', () => {
  it('FrameworkId is the union of the bundled ids, split by kind', () => {
    expectTypeOf<DtiFrameworkId>().toEqualTypeOf<'dti-province-2020' | 'dti-province-2022' | 'dti-province-2025'>();
    expectTypeOf<DbiFrameworkId>().toEqualTypeOf<'dbi-2021-sme' | 'dbi-2021-large' | 'dbi-2021-group' | 'dbi-2023-sme-readiness' | 'dbi-2023-large' | 'dbi-2025-large'>();
    expectTypeOf<FrameworkId>().toEqualTypeOf<DtiFrameworkId | DbiFrameworkId>();
  });

  it('getFramework returns the precise type of a bundled id without a cast', () => {
    const sme = getFramework('dbi-2021-sme');
    expectTypeOf(sme.kind).toEqualTypeOf<'dbi'>();
    expectTypeOf(sme.id).toEqualTypeOf<'dbi-2021-sme'>();
    expectTypeOf(sme.enterpriseSize).toEqualTypeOf<'sme' | 'large' | 'group'>();
    expectTypeOf(sme.pillars[0]!.id).toEqualTypeOf<'customer' | 'strategy' | 'technology' | 'operations' | 'culture' | 'data'>();
    expectTypeOf(sme).toExtend<DbiFramework>();
    const dti = getFramework('dti-province-2022');
    expectTypeOf(dti.mainIndicators[0]!.id).toEqualTypeOf<'awareness' | 'institutions' | 'infrastructure' | 'humanResources' | 'cybersecurity' | 'smartCity' | 'digitalGovernment' | 'digitalEconomy' | 'digitalSociety'>();
    expectTypeOf(dti).toExtend<DtiFramework>();
    // a string read at run time is still accepted, typed as any framework
    expectTypeOf(getFramework('dti-province-2022' as string)).toEqualTypeOf<Framework>();
    // @ts-expect-error -- a misspelt id does not compile
    getFramework('dbi-2021-smee');
  });

  it('scoreDti and scoreDbi refuse a misspelt or wrong-kind id', () => {
    // @ts-expect-error -- 'provinse'
    scoreDti('dti-provinse-2022', { points });
    // @ts-expect-error -- a DBI id given to scoreDti
    scoreDti('dbi-2021-sme', { points });
    // @ts-expect-error -- a DTI id given to scoreDbi
    scoreDbi('dti-province-2022', { answers: {} });
    // @ts-expect-error -- a misspelt id given to criterionOrder
    criterionOrder('dbi-2021-sm');
    // @ts-expect-error -- and to the safe variants
    safeScoreDti('dti-province-2202', { points });
    // @ts-expect-error -- likewise
    safeScoreDbi('dbi-2021-smee', { answers: {} });
  });
});

describe('inputs typed per framework', () => {
  it('DTI main indicators: a typo is a compile error', () => {
    expectTypeOf(scoreDti('dti-province-2022', { points })).toEqualTypeOf<DtiResult>();
    // @ts-expect-error -- 'awarenes'
    scoreDti('dti-province-2022', { points: { awarenes: 74 } });
    // @ts-expect-error -- smartCity is listed (unscored) in 922 but not in 405
    scoreDti('dti-province-2025', { values: { smartCity: 0 } });
    // @ts-expect-error -- smartCity is listed in 922 but not scored (maximum 0): not an input key
    scoreDti('dti-province-2022', { values: { smartCity: 0 } });
  });

  it('DTI 2020 takes pillar values, not main indicators', () => {
    scoreDti('dti-province-2020', { values: { government: 0.5, economy: 0.4, society: 0.3 } });
    // @ts-expect-error -- main indicators are not inputs of the 2020 framework
    scoreDti('dti-province-2020', { values: { awareness: 0.5 } });
  });

  it('DBI criterion ids and pillar ids', () => {
    expectTypeOf(scoreDbi('dbi-2021-sme', { answers: { '1.1.1': 3 } })).toEqualTypeOf<DbiResult>();
    // @ts-expect-error -- no criterion 7.1.1
    scoreDbi('dbi-2021-sme', { answers: { '7.1.1': 3 } });
    scoreDbi('dbi-2021-large', { answers: { customer: 40 } });
    // @ts-expect-error -- a criterion id given to a pillar-input framework
    scoreDbi('dbi-2021-large', { answers: { '1.1.1': 3 } });
    expectTypeOf(criterionOrder('dbi-2021-sme')[0]!).toEqualTypeOf<'1.1.1' | '1.1.2' | '1.1.3' | '1.1.4' | '1.1.5' | '1.1.6' | '1.1.7' | '1.1.8' | '1.1.9' | '1.2.1' | '1.2.2' | '1.2.3' | '1.2.4' | '2.1.1' | '3.1.1' | '3.1.2' | '3.2.1' | '3.2.2' | '3.2.3' | '3.2.4' | '3.2.5' | '3.2.6' | '3.2.7' | '3.2.8' | '3.2.9' | '3.2.10' | '3.2.11' | '3.2.12' | '3.2.13' | '3.2.14' | '4.1.1' | '4.1.2' | '4.1.3' | '4.1.4' | '4.1.5' | '4.1.6' | '4.2.1' | '4.2.2' | '4.2.3' | '4.2.4' | '4.2.5' | '4.2.6' | '4.2.7' | '5.1.1' | '5.1.2' | '5.1.3' | '5.1.4' | '5.1.5' | '5.2.1' | '5.2.2' | '5.2.3' | '5.2.4' | '5.2.5' | '6.1.1' | '6.1.2' | '6.1.3' | '6.1.4' | '6.1.5' | '6.1.6' | '6.1.7'>();
    expectTypeOf(criterionOrder('dbi-2021-large')).toEqualTypeOf<('customer' | 'strategy' | 'technology' | 'operations' | 'culture' | 'data')[]>();
  });

  it('answers built at run time (Object.fromEntries) are accepted', () => {
    const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, 3]));
    expectTypeOf(scoreDbi('dbi-2021-sme', { answers })).toEqualTypeOf<DbiResult>();
  });

  it('overrides keep the precise type and check their keys', () => {
    const dti2025 = overrideDtiMaxima(getFramework('dti-province-2025'), { digitalGovernment: 250, digitalSociety: 100 });
    expectTypeOf(dti2025.id).toEqualTypeOf<'dti-province-2025'>();
    // @ts-expect-error -- smartCity is not a main indicator of the 405 framework
    overrideDtiMaxima(getFramework('dti-province-2025'), { smartCity: 10 });
    // @ts-expect-error -- and the scored input of the overridden framework is still keyed
    scoreDti(dti2025, { points: { awarenes: 1 } });
    const readiness = overrideDbiPillarMaxima(getFramework('dbi-2023-sme-readiness'), { strategy: 20 });
    scoreDbi(readiness, { answers: { strategy: 10 } });
    // @ts-expect-error -- a pillar the framework does not have
    overrideDbiPillarMaxima(getFramework('dbi-2023-sme-readiness'), { strategi: 20 });
    // a framework typed only as DbiFramework takes any key
    const plain: DbiFramework = getFramework('dbi-2021-large');
    overrideDbiPillarMaxima(plain, { anything: 1 });
  });

  it('plain strings and framework objects still work, checked at run time', () => {
    const id: string = 'dti-province-2022';
    const raw: Record<string, number> = { awareness: 74 };
    expectTypeOf(scoreDti(id, { points: raw })).toEqualTypeOf<DtiResult>();
    const f: DtiFramework = getFramework('dti-province-2025');
    scoreDti(f, { points: { anything: 1 } });
    // a precise framework object carries its keys
    // @ts-expect-error -- 'awarenes'
    scoreDti(getFramework('dti-province-2022'), { points: { awarenes: 1 } });
    const ref: string | DbiFramework = 'dbi-2021-sme';
    expectTypeOf(safeScoreDbi(ref, { answers: { x: 1 } })).toExtend<{ success: boolean }>();
  });
});
