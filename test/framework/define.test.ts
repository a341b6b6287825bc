import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, DTI_FRAMEWORKS, ValidationError, criterionOrder, dbiGap, isDefinedFramework, scoreDbi, scoreDbiBatch, scoreDti, type DbiFramework, type DtiFramework, type ValidationIssue } from '../../src/index.js';
import { defineDbiFramework, defineDtiFramework, defineFramework, frameworkIssues, overrideDbiPillarMaxima, overrideDtiMaxima, safeDefineFramework, withDbiLevelRule } from '../../src/schema.js';
import { issuesOf } from '../helpers.js';

const sme = DBI_FRAMEWORKS.find((f) => f.id === 'dbi-2021-sme')!;
const dti2022 = DTI_FRAMEWORKS.find((f) => f.id === 'dti-province-2022')!;
const dti2025 = DTI_FRAMEWORKS.find((f) => f.id === 'dti-province-2025')!;

/** A mutable deep copy, as a framework file would be read from disk. */
const file = <T>(f: T): any => JSON.parse(JSON.stringify(f));


const smeAnswers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));

describe('defineFramework', () => {
  it('returns a deep-frozen, trusted copy equal to the data', () => {
    const f = defineDbiFramework(file(sme));
    expect(f).toEqual(sme);
    expect(f).not.toBe(sme);
    expect(Object.isFrozen(f)).toBe(true);
    expect(Object.isFrozen(f.pillars[0]!.components[0]!.criteria[0]!.scale!)).toBe(true);
    expect(isDefinedFramework(f)).toBe(true);
    expect(isDefinedFramework(file(sme))).toBe(false);
  });

  it('accepts and drops "$schema"', () => {
    const f = defineFramework({ $schema: 'https://unpkg.com/vn-digital-index/schema/framework.schema.json', ...file(sme) });
    expect('$schema' in f).toBe(false);
    expect(frameworkIssues({ $schema: 3, ...file(sme) }).map((i) => i.pathString)).toEqual(['$schema']);
  });

  it('rejects a value that is not an object', () => {
    for (const bad of [null, 3, 'dbi-2021-sme', [], undefined]) {
      expect(issuesOf(() => defineFramework(bad))[0]).toMatchObject({ path: [], code: 'invalid_type' });
    }
  });

  it('points shape problems into the file', () => {
    const f = file(sme);
    f.pillars[2].max = 0;
    f.legalBasis.date = '2021-13-45';
    f.pillars[0].maxStatus = 'sure';
    f.extra = true;
    const issues = issuesOf(() => defineFramework(f));
    expect(issues.map((i) => [i.pathString, i.code])).toEqual(expect.arrayContaining([
      ['pillars.2.max', 'out_of_range'],
      ['legalBasis.date', 'invalid_type'],
      ['pillars.0.maxStatus', 'invalid_type'],
      ['extra', 'unknown_key'],
    ]));
    const max = issues.find((i) => i.pathString === 'pillars.2.max')!;
    expect(max.path).toEqual(['pillars', 2, 'max']);
    expect(max.message.en).toBe('Value 0 is outside the allowed range [>0, ∞]');
    expect(max.message.vi).toContain('nằm ngoài khoảng cho phép');
  });

  it('rejects a misspelt kind with wrong_framework_kind', () => {
    const issues = issuesOf(() => defineFramework({ ...file(sme), kind: 'DBI' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ['kind'], code: 'wrong_framework_kind' });
    expect(issues[0]!.message.en).toBe('Framework "dbi-2021-sme" has kind "DBI"; a framework of kind "dti" | "dbi" is needed');
    const r = safeDefineFramework({ kind: 'DBI' });
    expect(r.success).toBe(false);
    if (!r.success) expect((r.error as ValidationError).issues[0]!.code).toBe('wrong_framework_kind');
  });

  it('defineDbiFramework / defineDtiFramework refuse the other kind', () => {
    expect(issuesOf(() => defineDbiFramework(file(dti2022)))[0]).toMatchObject({ code: 'wrong_framework_kind', path: ['kind'] });
    expect(issuesOf(() => defineDtiFramework(file(sme)))[0]).toMatchObject({ code: 'wrong_framework_kind', path: ['kind'] });
    expect(defineDtiFramework(file(dti2022)).id).toBe('dti-province-2022');
  });

  describe('DBI invariants', () => {
    it.each([
      ['pillar maximum 0', (f: any) => { f.pillars[2].max = 0; }, 'pillars.2.max', 'out_of_range'],
      ['negative pillar maximum', (f: any) => { f.pillars[2].max = -80; }, 'pillars.2.max', 'out_of_range'],
      ['NaN pillar maximum', (f: any) => { f.pillars[2].max = Number.NaN; }, 'pillars.2.max', 'invalid_type'],
      ['pillar maximum off its criteria', (f: any) => { f.pillars[2].max = 81; f.totalMax = 321; }, 'pillars.2.max', 'sum_mismatch'],
      ['total off the pillars', (f: any) => { f.totalMax = 321; }, 'totalMax', 'sum_mismatch'],
      ['component maximum off its criteria', (f: any) => { f.pillars[0].components[1].max = 21; }, 'pillars.0.components.1.max', 'sum_mismatch'],
      ['criterion count off', (f: any) => { f.pillars[0].components[1].criterionCount = 5; }, 'pillars.0.components.1.criterionCount', 'invalid_framework'],
      ['duplicate pillar id', (f: any) => { f.pillars[1].id = 'customer'; }, 'pillars.1.id', 'duplicate_id'],
      ['duplicate criterion id', (f: any) => { f.pillars[0].components[0].criteria[1].id = '1.1.1'; }, 'pillars.0.components.0.criteria.1.id', 'duplicate_id'],
      ['steps not ascending', (f: any) => { f.pillars[0].components[0].criteria[0].scale.values = [0, 2, 1, 3, 4, 5]; }, 'pillars.0.components.0.criteria.0.scale.values.2', 'invalid_framework'],
      ['an overall level of 200', (f: any) => { f.levelRule.overall[4].level = 200; }, 'levelRule.overall.4.level', 'invalid_framework'],
      ['a band level not in levels', (f: any) => { f.levels.pop(); }, 'levelRule.pillarBands.5.level', 'invalid_framework'],
      ['bands not ending at 100%', (f: any) => { f.levelRule.pillarBands[5].upToPercent = 90; }, 'levelRule.pillarBands.5.upToPercent', 'invalid_framework'],
      ['bands out of order', (f: any) => { f.levelRule.pillarBands[2].upToPercent = 15; }, 'levelRule.pillarBands.2.upToPercent', 'invalid_framework'],
      ['overall thresholds descending', (f: any) => { f.levelRule.overall[2].totalAbove = 60; }, 'levelRule.overall.2.totalAbove', 'invalid_framework'],
      ['an unreachable threshold', (f: any) => { f.levelRule.overall[4].totalAbove = 320; }, 'levelRule.overall.4.totalAbove', 'invalid_framework'],
      ['more pillars than exist', (f: any) => { f.levelRule.overall[4].minPillarsAtLevel = 7; }, 'levelRule.overall.4.minPillarsAtLevel', 'invalid_framework'],
      ['duplicate levels', (f: any) => { f.levels[1].level = 0; }, 'levels.1.level', 'duplicate_id'],
    ])('rejects %s', (_name, mutate, path, code) => {
      const f = file(sme);
      mutate(f);
      const issues = issuesOf(() => defineFramework(f));
      expect(issues.map((i) => `${i.pathString}:${i.code}`)).toContain(`${path}:${code}`);
      for (const i of issues) {
        expect(i.message.vi.length).toBeGreaterThan(0);
        expect(i.message.en.length).toBeGreaterThan(0);
      }
    });

    it('names the offending level and the known ones', () => {
      const f = file(sme);
      f.levelRule.overall[4].level = 200;
      const issue = issuesOf(() => defineFramework(f)).find((i) => i.pathString === 'levelRule.overall.4.level')!;
      expect(issue.message.en).toBe('Invalid framework: level 200 is not among the framework\'s "levels" (0, 1, 2, 3, 4, 5)');
      expect(issue.message.vi).toBe('Bộ chỉ số không hợp lệ: mức 200 không có trong danh sách "levels" (0, 1, 2, 3, 4, 5)');
    });

    it('says which sum is off, in both languages', () => {
      const issue = issuesOf(() => defineFramework({ ...file(sme), totalMax: 321 }))[0]!;
      expect(issue).toMatchObject({ path: ['totalMax'], code: 'sum_mismatch' });
      expect(issue.message.en).toBe('The sum of the pillar maxima is 320; it must equal 321');
      expect(issue.message.vi).toBe('Tổng điểm tối đa các trụ cột là 320, phải bằng 321');
    });

    it('sums decimal maxima exactly (no float drift)', () => {
      const f = file(DBI_FRAMEWORKS.find((x) => x.id === 'dbi-2025-large'));
      // 0.1 + 0.2 is 0.30000000000000004 in floating point, exactly 0.3 here
      f.id = 'large-decimal-maxima';
      f.pillars = f.pillars.slice(0, 2).map((p: any, i: number) => ({ ...p, max: i === 0 ? 0.1 : 0.2 }));
      f.totalMax = 0.3;
      f.componentCount = 10;
      expect(frameworkIssues(f)).toEqual([]);
    });
  });

  describe('invariants of the questionnaire, aggregation, sector and percentage-band models', () => {
    const read = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', `${name}.json`), 'utf8'));
    it.each([
      ['dbi-questionnaire', 'a criterion with both scale and answer', (f: any) => { f.pillars[1].components[0].criteria[1].answer = f.pillars[0].components[0].criteria[0].answer; }, 'pillars.1.components.0.criteria.1', 'invalid_framework'],
      ['dbi-questionnaire', 'a criterion with neither', (f: any) => { delete f.pillars[1].components[0].criteria[1].scale; }, 'pillars.1.components.0.criteria.1', 'invalid_framework'],
      ['dbi-questionnaire', 'duplicate option ids', (f: any) => { f.pillars[0].components[0].criteria[0].answer.options[1].id = 'none'; }, 'pillars.0.components.0.criteria.0.answer.options.1.id', 'duplicate_id'],
      ['dbi-questionnaire', 'an exclusive option in a single choice', (f: any) => { f.pillars[0].components[0].criteria[0].answer.options[0].exclusive = true; }, 'pillars.0.components.0.criteria.0.answer.options.0.exclusive', 'invalid_framework'],
      ['dbi-questionnaire', 'a cap that changes the maximum without the component', (f: any) => { f.pillars[0].components[0].criteria[1].answer.cap = 3; }, 'pillars.0.components.0.max', 'sum_mismatch'],
      ['dbi-questionnaire', 'a first threshold above min', (f: any) => { f.pillars[1].components[0].criteria[0].answer.thresholds[0].from = 1; }, 'pillars.1.components.0.criteria.0.answer.thresholds.0', 'invalid_framework'],
      ['dbi-questionnaire', 'thresholds out of order', (f: any) => { f.pillars[1].components[0].criteria[0].answer.thresholds[2].from = 5; }, 'pillars.1.components.0.criteria.0.answer.thresholds.2.from', 'invalid_framework'],
      ['dbi-questionnaire', 'a first band above 0%', (f: any) => { f.levelRule.bands[0].fromPercent = 5; }, 'levelRule.bands.0', 'invalid_framework'],
      ['dbi-questionnaire', 'a top band from 100% exclusive', (f: any) => { f.levelRule.bands[2] = { level: 3, fromPercent: 100, fromInclusive: false }; }, 'levelRule.bands.2.fromInclusive', 'invalid_framework'],
      ['dbi-questionnaire', 'a band level not in levels', (f: any) => { f.levelRule.bands[2].level = 7; }, 'levelRule.bands.2.level', 'invalid_framework'],
      ['dbi-mean-na', 'pillar-bands-and-count with mean aggregation', (f: any) => { f.levelRule = file(sme.levelRule); f.levels = file(sme.levels); }, 'levelRule.kind', 'invalid_framework'],
      ['dbi-weighted', 'a weight for an unknown pillar', (f: any) => { f.aggregation.weights[1].pillar = 'nope'; }, 'aggregation.weights.1.pillar', 'invalid_framework'],
      ['dbi-weighted', 'a missing weight', (f: any) => { f.aggregation.weights.pop(); }, 'aggregation.weights', 'invalid_framework'],
      ['dbi-sectors', 'a sector maximum off its criteria', (f: any) => { f.sectors[0].max = 9; }, 'sectors.0.max', 'sum_mismatch'],
      ['dbi-sectors', 'a sector criterion clashing with a common one', (f: any) => { f.sectors[1].components[0].criteria[0].id = '1.1.1'; }, 'sectors.1.components.0.criteria.0.id', 'duplicate_id'],
      ['dbi-sectors', 'two sectors of one id', (f: any) => { f.sectors[1].id = 'retail'; }, 'sectors.1.id', 'duplicate_id'],
      ['dbi-sectors', 'a stated total', (f: any) => { f.totalMax = 16; }, 'totalMax', 'invalid_framework'],
      ['dbi-sectors', 'no sector pillar', (f: any) => { delete f.pillars[1].sectorSpecific; }, 'sectors', 'invalid_framework'],
      ['dbi-sectors', 'a sector pillar with its own maximum', (f: any) => { f.pillars[1].max = 8; }, 'pillars.1.max', 'invalid_framework'],
    ])('%s: rejects %s', (name, _what, mutate, path, code) => {
      const f = read(name);
      expect(frameworkIssues(f)).toEqual([]);
      mutate(f);
      expect(frameworkIssues(f).map((i) => `${i.pathString}:${i.code}`)).toContain(`${path}:${code}`);
    });
  });

  describe('DTI invariants', () => {
    it.each([
      ['totalMax 0', (f: any) => { f.totalMax = 0; }, 'totalMax', 'out_of_range'],
      ['totalMax off the indicators', (f: any) => { f.totalMax = 1001; }, 'totalMax', 'sum_mismatch'],
      ['a pillar maximum off its indicators', (f: any) => { f.pillars[0].max = 701; }, 'pillars.0.max', 'sum_mismatch'],
      ['a scored indicator with maximum 0', (f: any) => { f.mainIndicators[0].max = 0; }, 'mainIndicators.0.max', 'invalid_framework'],
      ['an unscored indicator with points', (f: any) => { f.mainIndicators[5].max = 10; }, 'mainIndicators.5.max', 'invalid_framework'],
      ['duplicate main indicator id', (f: any) => { f.mainIndicators[1].id = 'awareness'; }, 'mainIndicators.1.id', 'duplicate_id'],
      ['a pillar twice', (f: any) => { f.pillars[1].id = 'government'; }, 'pillars.1.id', 'duplicate_id'],
    ])('rejects %s', (_name, mutate, path, code) => {
      const f = file(dti2022);
      mutate(f);
      expect(issuesOf(() => defineFramework(f)).map((i) => `${i.pathString}:${i.code}`)).toContain(`${path}:${code}`);
    });
  });
});

describe('framework objects passed to functions (#9)', () => {
  it('are validated, never swapped for the bundled framework of their id', () => {
    const misspelt = { ...file(sme), kind: 'DBI' };
    const issues = issuesOf(() => scoreDbi(misspelt, { answers: smeAnswers }));
    expect(issues).toEqual([expect.objectContaining({ path: ['framework', 'kind'], code: 'wrong_framework_kind' })]);
    expect(issuesOf(() => scoreDbiBatch(misspelt, new Uint8Array(60)))[0]!.code).toBe('wrong_framework_kind');
    expect(issuesOf(() => criterionOrder(misspelt))[0]!.code).toBe('wrong_framework_kind');
    expect(issuesOf(() => scoreDti(file(sme), { points: {} }))[0]).toMatchObject({ code: 'wrong_framework_kind', path: ['framework', 'kind'] });
  });

  it.each([
    ['pillar maximum 0', 0, 'out_of_range'],
    ['negative pillar maximum', -5, 'out_of_range'],
    ['NaN pillar maximum', Number.NaN, 'invalid_type'],
  ])('a hand-built framework with a %s is a ValidationError, not NaN or RangeError', (_name, max, code) => {
    const f = file(sme);
    f.pillars[1].max = max;
    // the scoring functions refuse an unchecked object, and defineFramework names what is wrong
    expect(issuesOf(() => scoreDbi(f, { answers: smeAnswers }))[0]).toMatchObject({ path: ['framework'], code: 'invalid_framework' });
    expect(issuesOf(() => scoreDbiBatch(f, new Uint8Array(60)))[0]).toMatchObject({ path: ['framework'], code: 'invalid_framework' });
    expect(issuesOf(() => defineFramework(f))[0]).toMatchObject({ path: ['pillars', 1, 'max'], code });
  });

  it('an overall level of 200 is rejected by defineFramework, and the unchecked object by scoreDbi, scoreDbiBatch and dbiGap', () => {
    const f = file(sme);
    f.levelRule.overall[4].level = 200;
    expect(issuesOf(() => defineFramework(f))[0]!.pathString).toBe('levelRule.overall.4.level');
    for (const call of [() => scoreDbi(f, { answers: smeAnswers }), () => scoreDbiBatch(f, new Uint8Array(60)), () => dbiGap(f, { answers: smeAnswers })]) {
      expect(issuesOf(call)[0]).toMatchObject({ pathString: 'framework', code: 'invalid_framework' });
    }
  });

  it('DTI totalMax 0 is rejected instead of giving 0', () => {
    const f = file(dti2022);
    f.totalMax = 0;
    expect(issuesOf(() => defineFramework(f))[0]).toMatchObject({ path: ['totalMax'], code: 'out_of_range' });
    expect(issuesOf(() => scoreDti(f, { values: {} }))[0]).toMatchObject({ path: ['framework'], code: 'invalid_framework' });
  });

  it('a hand-built object is refused until defined; defined, it scores as the bundled one and is frozen', () => {
    const raw = file(sme) as DbiFramework;
    const refused = issuesOf(() => scoreDbi(raw, { answers: smeAnswers }))[0]!;
    expect(refused).toMatchObject({ code: 'invalid_framework', path: ['framework'] });
    expect(refused.message.en).toContain('has not been checked');
    expect(refused.hint).toContain('defineFramework');
    const f = defineDbiFramework(raw);
    expect(scoreDbi(f, { answers: smeAnswers })).toEqual(scoreDbi('dbi-2021-sme', { answers: smeAnswers }));
    // mutating the caller's data afterwards does not change the defined framework
    (raw as any).pillars[0].max = 1;
    expect(Object.isFrozen(f.pillars[0])).toBe(true);
    expect(scoreDbi(f, { answers: smeAnswers }).total).toBe(192);
  });

  it('a non-object, non-string reference is a ValidationError', () => {
    expect(issuesOf(() => scoreDbi(42 as never, { answers: {} }))[0]).toMatchObject({ path: ['framework'], code: 'invalid_type' });
    expect(issuesOf(() => scoreDti(null as never, { values: {} }))[0]).toMatchObject({ path: ['framework'], code: 'invalid_type' });
  });
});

describe('override helpers', () => {
  it('take an id and return defined frameworks', () => {
    const dti = overrideDtiMaxima('dti-province-2025', { digitalGovernment: 250, digitalSociety: 100 });
    expect(isDefinedFramework(dti)).toBe(true);
    expect(dti.totalMax).toBe(1000); // 5 × 100 + 250 + 150 + 100
    expect(dti.pillars.map((p) => p.max)).toEqual([750, 650, 600]);
    const readiness = overrideDbiPillarMaxima('dbi-2023-sme-readiness', {
      strategy: 10.1, customer: 10.2, supplyChain: 10, informationSystems: 10, riskAndSecurity: 10, pillar6: 10, pillar7: 10,
    });
    expect(isDefinedFramework(readiness)).toBe(true);
    expect(readiness.totalMax).toBe(70.3);
  });

  it.each([
    ['a number', 3],
    ['null', null],
    ['an array', [250]],
    ['a string maximum', { digitalGovernment: '250' }],
    ['a zero maximum', { digitalGovernment: 0 }],
    ['an unknown indicator', { nope: 5 }],
    ['a prototype key', JSON.parse('{"__proto__": 5}')],
  ])('overrideDtiMaxima(dti-province-2025, %s) is a ValidationError', (_name, bad) => {
    const issues = issuesOf(() => overrideDtiMaxima('dti-province-2025', bad as never));
    expect(issues[0]!.path[0]).toBe('maxima');
  });

  it('refuse an unknown framework id with unknown_framework', () => {
    expect(issuesOf(() => overrideDtiMaxima('dti-9999', {}))[0]!.code).toBe('unknown_framework');
    expect(issuesOf(() => overrideDbiPillarMaxima(dti2025 as never, {}))[0]!.code).toBe('wrong_framework_kind');
  });

  it('withDbiLevelRule checks the rule against the levels', () => {
    const rule = file(sme.levelRule);
    rule.overall[0].level = 200;
    expect(issuesOf(() => withDbiLevelRule('dbi-2021-sme', rule))[0]!.pathString).toBe('levelRule.overall.0.level');
    expect(issuesOf(() => withDbiLevelRule('dbi-2021-sme', { kind: 'bands' } as never))[0]).toMatchObject({ pathString: 'levelRule.kind', code: 'invalid_type' });
    expect(issuesOf(() => withDbiLevelRule('dbi-2021-sme', null as never))[0]!.path[0]).toBe('levelRule');
    const lenient = withDbiLevelRule('dbi-2021-sme', { ...rule, overall: sme.levelRule.kind === 'pillar-bands-and-count' ? sme.levelRule.overall : [] });
    expect(isDefinedFramework(lenient)).toBe(true);
  });
});

describe('round trip: every bundled framework through JSON and defineFramework', () => {
  it.each(DBI_FRAMEWORKS.map((f) => [f.id, f] as const))('%s', (_id, f) => {
    const back = defineFramework(file(f)) as DbiFramework;
    expect(back).toEqual(f);
    if (f.pillars.some((p) => p.max === null)) return; // not scorable without maxima, either way
    const order = criterionOrder(f);
    expect(criterionOrder(back)).toEqual(order);
    const inputs = [0, 1, 2].map((k) => Object.fromEntries(order.map((id, i) => {
      if (f.inputLevel === 'pillar') return [id, Number((((f.pillars[i]!.max as number) * (k + 1 + i)) / 9).toFixed(2))];
      const c = f.pillars.flatMap((p) => p.components.flatMap((x) => x.criteria)).find((x) => x.id === id)!;
      const scale = c.scale!;
      const steps = scale.kind === 'steps' ? scale.values : [scale.min, scale.max];
      return [id, steps[(i + k) % steps.length]!];
    })));
    for (const answers of inputs) expect(scoreDbi(back, { answers })).toEqual(scoreDbi(f, { answers }));
  });

  it.each(DTI_FRAMEWORKS.map((f) => [f.id, f] as const))('%s', (_id, f) => {
    const back = defineFramework(file(f)) as DtiFramework;
    expect(back).toEqual(f);
    const keys = f.inputKeys === 'pillars' ? f.pillars.map((p) => p.id) : f.mainIndicators.filter((m) => m.max !== null && m.group !== 'unscored').map((m) => m.id);
    for (const k of [1, 3, 7]) {
      const values = Object.fromEntries(keys.map((id, i) => [id, ((k * (i + 2)) % 10) / 10]));
      expect(scoreDti(back, { values })).toEqual(scoreDti(f, { values }));
    }
  });
});

describe('hostile framework files are refused at once (plain data, bounded)', () => {
  const timed = (fn: () => unknown): ValidationIssue[] => {
    const t0 = performance.now();
    const issues = issuesOf(fn);
    expect(performance.now() - t0).toBeLessThan(500);
    return issues;
  };
  const sparse = (): unknown[] => {
    const a: unknown[] = [];
    a.length = 2 ** 32 - 1;
    return a;
  };

  it('a sparse list of length 2³²−1 and a million years (one issue per hole: 7 s for 10⁶, out of memory for 2³²−1)', () => {
    const f = file(sme);
    f.years = sparse();
    expect(timed(() => defineFramework(f))).toMatchObject([{ code: 'invalid_framework', pathString: 'years' }]);
    f.years = Array(1_000_000).fill(2021);
    expect(timed(() => defineFramework(f))[0]!.message.en).toBe('Invalid framework: a list of 1000000 items; at most 1000');
  });

  it('a cycle or 10,000 levels of nesting', () => {
    const f = file(sme);
    f.pillars[0].self = f;
    expect(timed(() => defineFramework(f))[0]!.code).toBe('invalid_framework');
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 10_000; i++) deep = (deep.a = {}) as Record<string, unknown>;
    expect(timed(() => defineFramework({ ...file(sme), title: root }))[0]!.code).toBe('invalid_framework');
    expect(frameworkIssues({ ...file(sme), title: root })[0]!.pathString).toBe('title.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a');
  });

  it('a getter or Proxy that throws is an issue at its path (it escaped as the caller\'s own error)', () => {
    const f = file(sme);
    Object.defineProperty(f.pillars[1], 'max', { get() { throw new Error('boom'); }, enumerable: true });
    expect(timed(() => defineFramework(f))).toMatchObject([{ code: 'invalid_framework', pathString: 'pillars.1.max' }]);
    const r = safeDefineFramework(new Proxy({}, { getPrototypeOf() { throw new TypeError('px'); } }));
    expect(!r.success && r.error.issues[0]!.code).toBe('invalid_framework');
  });

  it('a getter is read once: the id it gave first is the one checked and frozen', () => {
    const f = file(sme);
    let reads = 0;
    Object.defineProperty(f, 'id', { get: () => (reads++ === 0 ? 'my-sme' : '<script>'), enumerable: true });
    expect(defineFramework(f).id).toBe('my-sme');
  });
});
