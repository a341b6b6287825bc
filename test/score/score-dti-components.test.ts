import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dtiProvince2020, dtiProvince2022, dtiProvince2025, safeScoreDti, scoreDti, type DtiFramework, type ValidationError } from '../../src/index.js';
import { defineDtiFramework } from '../../src/schema.js';
import { dtiInvariantIssues } from '../../src/framework/define-dti.js';
import { loadDtiFictional } from '../frameworks/load.js';

const fictional = loadDtiFictional();

// Inputs for the fictional framework (test/frameworks/dti-fictional.json). Hand computation:
//   awareness      a1 30 (points) + a2 0.75 × 60 = 45          → 75
//   infrastructure i1 0.62 × 50 = 31 + i2 12.5 + i3 20          → 63.5
//   digitalGov.    g1 0.4 × 120 = 48 + g2 33.33                 → 81.33
//   digitalEconomy e1 0.333 × 90 = 29.97 + e2 41                → 70.97
//   digitalSociety given directly                               → 88.2
//   total 379 / 700 = 0.541428… → 0.5414
//   government (75 + 63.5 + 81.33) = 219.83 / 400 = 0.549575 → 0.5496 (half-up)
//   economy    (138.5 + 70.97)     = 209.47 / 350 = 0.598485… → 0.5985
//   society    (138.5 + 88.2)      = 226.7  / 350 = 0.647714… → 0.6477
const byComponents = {
  awareness: { a1: 30, a2: 0.75 },
  infrastructure: { i1: 0.62, i2: 12.5, i3: 20 },
  digitalGovernment: { g1: 0.4, g2: 33.33 },
  digitalEconomy: { e1: 0.333, e2: 41 },
};

describe('DTI component trees', () => {
  it('the fictional framework and every bundled DTI framework keep the invariants', () => {
    for (const f of [fictional, dtiProvince2020, dtiProvince2022, dtiProvince2025]) expect(dtiInvariantIssues(f)).toEqual([]);
  });

  it('scores main indicators from their components and the rest directly (mixed input)', () => {
    const r = scoreDti(fictional, { points: { digitalSociety: 88.2 }, components: byComponents });
    expect(r.input).toBe('points');
    expect(r.exact.total).toBe('379');
    expect(r.total).toBe(379);
    expect(r.max).toBe(700);
    expect(r.value).toBe(0.5414);
    expect(r.pillars.government).toMatchObject({ points: 219.83, max: 400, value: 0.5496, exact: { points: '219.83', value: '0.549575' } });
    expect(r.pillars.economy).toMatchObject({ points: 209.47, value: 0.5985 });
    expect(r.pillars.society).toMatchObject({ points: 226.7, value: 0.6477 });
    const gov = r.mainIndicators.find((m) => m.id === 'digitalGovernment')!;
    expect(gov).toMatchObject({ points: 81.33, max: 200, value: 0.4067, exact: { points: '81.33', value: '0.40665' } });
    expect(gov.components).toEqual([
      { id: 'g1', code: '3.1', name: { vi: 'Tỷ lệ hồ sơ trực tuyến toàn trình', en: 'Share of applications fully online' }, scoring: 'ratio',
        points: 48, max: 120, value: 0.4, exact: { points: '48', value: '0.4' } },
      { id: 'g2', code: '3.2', name: { vi: 'Khai thác dữ liệu', en: 'Use of data' }, scoring: 'points',
        points: 33.33, max: 80, value: 0.4166, exact: { points: '33.33', value: '0.416625' } },
    ]);
    const infra = r.mainIndicators.find((m) => m.id === 'infrastructure')!;
    expect(infra.components!.map((c) => [c.id, c.points, c.value])).toEqual([['i1', 31, 0.62], ['i2', 12.5, 0.4167], ['i3', 20, 1]]);
    expect(r.mainIndicators.find((m) => m.id === 'digitalEconomy')).toMatchObject({ points: 70.97, value: 0.4731 }) // 70.97 / 150 = 0.473133…;
    // the indicator given directly has no component breakdown
    const society = r.mainIndicators.find((m) => m.id === 'digitalSociety')!;
    expect(society).toMatchObject({ points: 88.2, value: 0.588 });
    expect('components' in society).toBe(false);
  });

  it('gives the same figures whether a main indicator comes by its components or as the same points', () => {
    const direct = scoreDti(fictional, { points: { awareness: 75, infrastructure: 63.5, digitalGovernment: 81.33, digitalEconomy: 70.97, digitalSociety: 88.2 } });
    const mixed = scoreDti(fictional, { points: { digitalSociety: 88.2 }, components: byComponents });
    expect(direct.exact).toEqual(mixed.exact);
    expect(direct.pillars).toEqual(mixed.pillars);
    expect(direct.mainIndicators.map((m) => m.exact)).toEqual(mixed.mainIndicators.map((m) => m.exact));
  });

  it('scores from components alone when every scored main indicator lists them', () => {
    const all: DtiFramework = {
      ...fictional,
      componentCount: 10,
      mainIndicators: fictional.mainIndicators.map((m) => m.id !== 'digitalSociety' ? m : {
        ...m, componentCount: 1,
        components: [{ id: 's1', code: '5.1', name: { vi: 'Thanh toán số', en: 'Digital payments' }, max: 150, maxStatus: 'confirmed', scoring: 'ratio', scoringStatus: 'confirmed' }],
      }),
    };
    expect(dtiInvariantIssues(all)).toEqual([]);
    const r = scoreDti(defineDtiFramework(all), { components: { ...byComponents, digitalSociety: { s1: 0.588 } } });
    expect(r.input).toBe('components');
    expect(r.exact.total).toBe('379');
    expect(r.mainIndicators.find((m) => m.id === 'digitalSociety')!.components![0]).toMatchObject({ points: 88.2, value: 0.588 });
  });

  it('accepts values for the main indicators given directly, and decimal strings for components', () => {
    const r = scoreDti(fictional, {
      values: { digitalSociety: '0.588' },
      components: { ...byComponents, digitalEconomy: { e1: '0.333', e2: '41' } },
    });
    expect(r.input).toBe('values');
    expect(r.exact.total).toBe('379');
  });

  it('keeps exact strings where a component quotient does not terminate', () => {
    const r = scoreDti(fictional, { points: { digitalSociety: 0 }, components: { ...byComponents, infrastructure: { i1: 0, i2: 10, i3: 0 } } });
    const i2 = r.mainIndicators.find((m) => m.id === 'infrastructure')!.components![1]!;
    expect(i2.exact.value).toBe('0.3333333333333333333333333333333333333333');
    expect(i2.value).toBe(0.3333);
  });

  describe('rejects, with bilingual issues', () => {
    const issues = (input: unknown) => {
      const r = safeScoreDti(fictional, input as never);
      if (r.success) throw new Error('expected a failure');
      return (r.error as ValidationError).issues.map((i) => ({ path: i.pathString, code: i.code, vi: i.message.vi, en: i.message.en }));
    };

    it('a main indicator given both directly and by its components', () => {
      expect(issues({ points: { awareness: 75, digitalSociety: 88.2 }, components: byComponents })).toEqual([{
        path: 'components.awareness', code: 'conflicting_input',
        vi: 'Chỉ được cung cấp một trong các trường: points.awareness, components.awareness',
        en: 'Give only one of the fields: points.awareness, components.awareness',
      }]);
    });

    it('a main indicator given neither way', () => {
      const { digitalGovernment: _omitted, ...rest } = byComponents;
      expect(issues({ points: { digitalSociety: 88.2 }, components: rest })).toEqual([{
        path: 'points.digitalGovernment', code: 'missing_input',
        vi: 'Cần cung cấp một trong các trường: points.digitalGovernment, components.digitalGovernment (g1, g2)',
        en: 'One of these fields is required: points.digitalGovernment, components.digitalGovernment (g1, g2)',
      }]);
      // a main indicator without components is still required in points
      expect(issues({ points: {}, components: byComponents })[0]).toMatchObject({ path: 'points.digitalSociety', code: 'missing_key' });
    });

    it('a ratio above 1, a component above its maximum, a missing or unknown component', () => {
      expect(issues({ points: { digitalSociety: 1 }, components: { ...byComponents, digitalGovernment: { g1: 1.2, g2: 80.01 } } })).toEqual([
        { path: 'components.digitalGovernment.g1', code: 'out_of_range', vi: 'Giá trị 1,2 nằm ngoài khoảng cho phép [0, 1]', en: 'Value 1.2 is outside the allowed range [0, 1]' },
        { path: 'components.digitalGovernment.g2', code: 'out_of_range', vi: 'Giá trị 80,01 nằm ngoài khoảng cho phép [0, 80]', en: 'Value 80.01 is outside the allowed range [0, 80]' },
      ]);
      expect(issues({ points: { digitalSociety: 1 }, components: { ...byComponents, awareness: { a1: 1 } } })).toEqual([
        { path: 'components.awareness.a2', code: 'missing_key', vi: 'Thiếu giá trị bắt buộc "a2"', en: 'Missing required value "a2"' },
      ]);
      expect(issues({ points: { digitalSociety: 1 }, components: { ...byComponents, awareness: { a1: 1, a2: 1, a3: 1 } } })[0]).toMatchObject({
        path: 'components.awareness.a3', code: 'unknown_key',
      });
      // digitalSociety lists no components
      expect(issues({ components: { ...byComponents, digitalSociety: { s1: 1 } } })[0]).toMatchObject({ path: 'components.digitalSociety', code: 'unknown_key' });
    });

    it('components alone while a main indicator lists none', () => {
      expect(issues({ components: byComponents })).toEqual([{
        path: 'points.digitalSociety', code: 'missing_input',
        vi: 'Cần cung cấp một trong các trường: points.digitalSociety, values.digitalSociety',
        en: 'One of these fields is required: points.digitalSociety, values.digitalSociety',
      }]);
    });

    it('points and values together, or nothing at all', () => {
      expect(issues({ points: { digitalSociety: 1 }, values: { digitalSociety: 1 }, components: byComponents })).toEqual([{
        path: '', code: 'conflicting_input', vi: 'Chỉ được cung cấp một trong các trường: points, values', en: 'Give only one of the fields: points, values',
      }]);
      expect(issues({})[0]).toMatchObject({ code: 'missing_input', en: 'One of these fields is required: points, values, components' });
    });

    it('components for a framework that lists none', () => {
      const r = safeScoreDti('dti-province-2022', { values: { awareness: 1 }, components: { awareness: { a1: 1 } } });
      expect(r.success).toBe(false);
      if (!r.success) expect((r.error as ValidationError).issues.map((i) => [i.pathString, i.code])).toContainEqual(['components', 'unknown_key']);
    });
  });
});

describe('dtiInvariantIssues', () => {
  const main = (i: number) => fictional.mainIndicators[i]!;
  it('component maxima must sum to the main indicator’s maximum, with paths into the file', () => {
    const broken: DtiFramework = {
      ...fictional,
      mainIndicators: fictional.mainIndicators.map((m, i) => i !== 3 ? m : { ...m, components: [{ ...m.components![0]!, max: 89.5 }, m.components![1]!] }),
    };
    expect(dtiInvariantIssues(broken).map((i) => [i.pathString, i.code, i.message.en])).toEqual([
      ['mainIndicators.3.max', 'sum_mismatch', 'The sum of the component maxima of "digitalEconomy" is 149.5; it must equal 150'],
    ]);
    expect(dtiInvariantIssues(broken)[0]!.message.vi).toBe('Tổng điểm tối đa các chỉ số thành phần của "digitalEconomy" là 149,5, phải bằng 150');
  });

  it('ids are unique across the framework; counts, decimals, pillar and total maxima agree', () => {
    const broken: DtiFramework = {
      ...fictional,
      totalMax: 701,
      componentCount: 9,
      pillars: [fictional.pillars[0]!, { ...fictional.pillars[1]!, max: 300 }, fictional.pillars[2]!],
      mainIndicators: [
        { ...main(0), componentCount: 3 },
        { ...main(1), components: [{ ...main(1).components![0]!, id: 'a1' }, { ...main(1).components![1]!, max: 29.995 }, { ...main(1).components![2]!, max: 20.005 }] },
        main(2), main(3), main(4),
      ],
    };
    expect(dtiInvariantIssues(broken).map((i) => [i.pathString, i.code])).toEqual([
      ['mainIndicators.0.componentCount', 'invalid_framework'],
      ['mainIndicators.1.components.1.max', 'too_many_decimals'],
      ['mainIndicators.1.components.2.max', 'too_many_decimals'],
      ['mainIndicators.1.components.0.id', 'duplicate_id'],
      ['totalMax', 'sum_mismatch'],
      ['pillars.1.max', 'sum_mismatch'],
    ]);
    expect(dtiInvariantIssues(broken)[3]!.message).toEqual({
      vi: 'Mã "a1" bị trùng (đã dùng tại mainIndicators.0.components.0.id)',
      en: 'Id "a1" is used twice (first at mainIndicators.0.components.0.id)',
    });
  });

  it('components need a scored main indicator of a framework scored by main indicator', () => {
    const component = main(0).components![0]!;
    const onPillarFramework: DtiFramework = { ...dtiProvince2020, mainIndicators: dtiProvince2020.mainIndicators.map((m, i) => (i === 0 ? { ...m, componentCount: null, components: [component] } : m)) };
    expect(dtiInvariantIssues(onPillarFramework).map((i) => [i.pathString, i.code])).toEqual([
      ['mainIndicators.0.components', 'invalid_framework'],
      ['mainIndicators.0.components', 'invalid_framework'],
    ]);
    const onSmartCity: DtiFramework = { ...dtiProvince2022, mainIndicators: dtiProvince2022.mainIndicators.map((m) => (m.id === 'smartCity' ? { ...m, componentCount: null, components: [component] } : m)) };
    expect(dtiInvariantIssues(onSmartCity).map((i) => [i.pathString, i.message.en])).toEqual([
      ['mainIndicators.5.components', 'Invalid framework: main indicator "smartCity" is unscored or has no maximum, so it cannot have scored components'],
    ]);
  });
});

it('the fictional framework file is plain JSON data', () => {
  expect(JSON.parse(readFileSync(new URL('../frameworks/dti-fictional.json', import.meta.url), 'utf8')).id).toBe('dti-fictional-components');
});

describe('input JSON Schema of a component-tree framework', () => {
  it('accepts what scoreDti accepts, except the "exactly once" rule left to run time', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { inputJsonSchema } = await import('../../src/schema.js');
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(inputJsonSchema(fictional));
    const good = { points: { digitalSociety: 88.2 }, components: byComponents };
    const cases: unknown[] = [
      good,
      { values: { digitalSociety: '0.588' }, components: byComponents },
      { points: { digitalSociety: 88.2 }, components: { ...byComponents, digitalGovernment: { g1: 1.2, g2: 1 } } },
      { points: { digitalSociety: 88.2 }, components: { ...byComponents, awareness: { a1: 1, a2: 1, a3: 1 } } },
      { points: { digitalSociety: 88.2 }, components: { ...byComponents, awareness: { a1: 1 } } },
      { components: byComponents }, // digitalSociety lists no components and is missing: both reject
      { components: { awareness: { a1: 30, a2: 0.75 } } },
      {},
    ];
    for (const c of cases) expect(validate(c), JSON.stringify(c)).toBe(safeScoreDti(fictional, c as never).success);
    // given both ways: the schema cannot say "exactly once", scoreDti rejects it
    expect(validate({ points: { awareness: 75, digitalSociety: 88.2 }, components: byComponents })).toBe(true);
  });
});

it('overrideDtiMaxima refuses to change a main indicator whose maximum is its components’ sum', async () => {
  const { overrideDtiMaxima } = await import('../../src/schema.js');
  expect(() => overrideDtiMaxima(fictional, { awareness: 120 })).toThrow(/sum of its components' maxima/);
  const changed = overrideDtiMaxima(fictional, { digitalSociety: 200 });
  expect(changed.totalMax).toBe(750);
  expect(dtiInvariantIssues(changed)).toEqual([]);
});

describe('dtiInputFromRecord (a flat row: main indicators and components by id)', () => {
  it('splits a flat record into main-indicator figures and components, and scores as the nested input', async () => {
    const { dtiInputFromRecord, dtiProvince2022: f2022 } = await import('../../src/index.js');
    const flat = { digitalSociety: 88.2, a1: 30, a2: 0.75, i1: 0.62, i2: 12.5, i3: 20, g1: 0.4, g2: 33.33, e1: 0.333, e2: 41 };
    const input = dtiInputFromRecord(fictional, flat, 'points');
    expect(input).toEqual({ points: { digitalSociety: 88.2 }, components: byComponents });
    expect(scoreDti(fictional, input).exact.total).toBe('379');
    expect(dtiInputFromRecord(fictional, { g1: 0.4, g2: 1 }, 'values')).toEqual({ components: { digitalGovernment: { g1: 0.4, g2: 1 } } });
    // no component among the keys: exactly the old shape; an unknown key stays where validation reports it
    expect(dtiInputFromRecord(f2022, { awareness: 74, nope: 1 }, 'values')).toEqual({ values: { awareness: 74, nope: 1 } });
    const bad = safeScoreDti(fictional, dtiInputFromRecord(fictional, { ...flat, nope: 1 }, 'points'));
    expect(bad.success ? [] : (bad.error as ValidationError).issues.map((i) => [i.pathString, i.code])).toEqual([['points.nope', 'unknown_key']]);
  });
});
