import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, DTI_FRAMEWORKS, frameworkForYear, frameworkInForce, getFramework, listFrameworks, scoreDti, ValidationError, type DtiFramework } from '../../src/index.js';
import { dbiFrameworkSchema, dtiFrameworkSchema, overrideDtiMaxima } from '../../src/schema.js';

const all = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS];

describe('framework catalog', () => {
  it('lists every framework with its legal basis and status', () => {
    const list = listFrameworks();
    expect(list.map((f) => f.id)).toEqual([
      'dti-province-2020', 'dti-province-2022', 'dti-province-2025',
      'dbi-2021-sme', 'dbi-2021-large', 'dbi-2021-group', 'dbi-2023-sme-readiness', 'dbi-2023-large', 'dbi-2025-large',
    ]);
    expect(list.find((f) => f.id === 'dti-province-2022')?.legalBasis.decision).toBe('922/QĐ-BTTTT');
    expect(list.find((f) => f.id === 'dti-province-2025')?.status).toBe('reconstructed');
    expect(list.find((f) => f.id === 'dbi-2021-large')?.givesLevel).toBe(false);
    expect(listFrameworks({ kind: 'dti' })).toHaveLength(3);
  });

  /** The id an answer gives, or its outcome where no framework is given. */
  const idOf = (a: { outcome: string; framework?: { id: string } }) => (a.outcome === 'encoded' ? a.framework!.id : a.outcome);

  it('finds frameworks by id and by year', () => {
    expect(getFramework('dbi-2021-sme').kind).toBe('dbi');
    expect(idOf(frameworkForYear('dti', 2020))).toBe('dti-province-2020');
    expect(idOf(frameworkForYear('dti', 2023))).toBe('dti-province-2022');
    expect(idOf(frameworkForYear('dti', 2024))).toBe('dti-province-2025');
    expect(idOf(frameworkForYear('dbi', 2022, 'large'))).toBe('dbi-2021-large');
    expect(idOf(frameworkForYear('dti', 2019))).toBe('not-encoded');
  });

  it('keeps DTI years honest: 405 for DTI 2024 only (inferred), no set claims DTI 2025', () => {
    expect(getFramework('dti-province-2025').years).toEqual([2024]);
    expect(idOf(frameworkForYear('dti', 2021))).toBe('dti-province-2022');
    const y2025 = frameworkForYear('dti', 2025);
    expect(y2025).toMatchObject({ outcome: 'not-encoded', why: 'year-not-known' });
    expect(frameworkForYear('dti', 2024)).toMatchObject({ outcome: 'encoded', evidence: 'inferred' });
    expect(frameworkForYear('dti', 2022)).toMatchObject({ outcome: 'encoded', evidence: 'confirmed' });
  });

  it('answers by date where a DBI decision changed mid-year (1567 from 30/06/2025, 2158 from 07/11/2023)', () => {
    expect(idOf(frameworkInForce('dbi', '2025-06-29', 'large'))).toBe('dbi-2023-large');
    expect(idOf(frameworkInForce('dbi', '2025-06-30', 'large'))).toBe('dbi-2025-large');
    expect(idOf(frameworkInForce('dbi', '2023-11-06', 'sme'))).toBe('dbi-2021-sme');
    expect(idOf(frameworkInForce('dbi', '2023-11-07', 'sme'))).toBe('dbi-2023-sme-readiness');
    expect(idOf(frameworkInForce('dbi', '2023-11-06', 'group'))).toBe('dbi-2021-group');
    // 2158 has no group index and 1567's SME set is not encoded: a typed answer rather than a replaced set
    expect(frameworkInForce('dbi', '2023-11-07', 'group')).toMatchObject({ outcome: 'not-encoded', why: 'no-set-for-size' });
    expect(frameworkInForce('dbi', '2025-06-30', 'sme')).toMatchObject({ outcome: 'not-encoded', why: 'content-not-found' });
    expect(frameworkInForce('dbi', '2021-12-12', 'sme')).toMatchObject({ outcome: 'not-encoded', why: 'no-decision' });
    expect(idOf(frameworkInForce('dbi', '2021-12-13', 'sme'))).toBe('dbi-2021-sme');
    expect(idOf(frameworkInForce('dti', '2020-10-12'))).toBe('dti-province-2020');
    expect(idOf(frameworkInForce('dti', '2022-05-19'))).toBe('dti-province-2020');
    expect(idOf(frameworkInForce('dti', '2022-05-20'))).toBe('dti-province-2022');
    expect(idOf(frameworkInForce('dti', '2025-04-03'))).toBe('dti-province-2025');
  });

  it('reads a Date or an ISO date-time on the Vietnamese calendar (UTC+7)', () => {
    // 29/06/2025 17:00 UTC is 30/06/2025 00:00 in Hà Nội: Decision 1567 is in force
    expect(idOf(frameworkInForce('dbi', new Date('2025-06-29T17:00:00Z'), 'large'))).toBe('dbi-2025-large');
    expect(idOf(frameworkInForce('dbi', new Date('2025-06-29T16:59:59Z'), 'large'))).toBe('dbi-2023-large');
    expect(idOf(frameworkInForce('dbi', '2025-06-30T06:00:00+07:00', 'large'))).toBe('dbi-2025-large');
    expect(idOf(frameworkInForce('dbi', '2025-06-29T23:30:00Z', 'large'))).toBe('dbi-2025-large');
  });

  it('rejects a bad date, kind or size with a ValidationError', () => {
    const codeOf = (f: () => unknown) => {
      try { f(); } catch (e) { expect(e).toBeInstanceOf(ValidationError); return (e as ValidationError).issues.map((i) => `${i.pathString}:${i.code}`); }
      return 'no error';
    };
    for (const bad of ['2025-02-29', '2025-13-01', '2025-6-30', '30/06/2025', '', '2025-06-30T10:00', 'yesterday']) {
      expect(codeOf(() => frameworkInForce('dbi', bad, 'large'))).toEqual(['date:invalid_type']);
    }
    expect(codeOf(() => frameworkInForce('dbi', new Date('nonsense')))).toEqual(['date:invalid_type']);
    expect(codeOf(() => frameworkInForce('dbi', 20250630 as unknown as string))).toEqual(['date:invalid_type']);
    expect(codeOf(() => frameworkInForce('dbi', null as unknown as string))).toEqual(['date:invalid_type']);
    expect(idOf(frameworkInForce('dbi', '2024-02-29', 'large'))).toBe('dbi-2023-large');
    expect(codeOf(() => frameworkInForce('xyz' as 'dti', '2024-01-01'))).toEqual(['kind:invalid_option']);
    expect(codeOf(() => frameworkInForce('dbi', '2024-01-01', 'huge' as 'sme'))).toEqual(['enterpriseSize:invalid_option']);
    expect(codeOf(() => frameworkForYear('dbi', 2024.5))).toEqual(['year:invalid_type']);
    expect(codeOf(() => frameworkForYear('dti', Number.NaN))).toEqual(['year:invalid_type']);
  });

  it('answers a DBI changeover year with its periods, never one set silently', () => {
    const periods = (a: ReturnType<typeof frameworkForYear>) => (a.outcome === 'changeover' ? a.periods.map((p) => [p.from, p.to, idOf(p.answer)]) : a.outcome);
    expect(periods(frameworkForYear('dbi', 2025, 'large'))).toEqual([['2025-01-01', '2025-06-29', 'dbi-2023-large'], ['2025-06-30', '2025-12-31', 'dbi-2025-large']]);
    expect(periods(frameworkForYear('dbi', 2023, 'sme'))).toEqual([['2023-01-01', '2023-11-06', 'dbi-2021-sme'], ['2023-11-07', '2023-12-31', 'dbi-2023-sme-readiness']]);
    expect(periods(frameworkForYear('dbi', 2025))).toEqual([['2025-01-01', '2025-06-29', 'dbi-2023-sme-readiness'], ['2025-06-30', '2025-12-31', 'not-encoded']]);
    expect(idOf(frameworkForYear('dbi', 2024, 'large'))).toBe('dbi-2023-large');
    expect(idOf(frameworkForYear('dbi', 2021, 'sme'))).toBe('dbi-2021-sme');
    expect(frameworkForYear('dbi', 2020, 'sme')).toMatchObject({ outcome: 'not-encoded', why: 'no-decision' });
  });

  it('lists in `years` of each DBI framework only years in which its decision was in force', () => {
    for (const f of DBI_FRAMEWORKS) {
      for (const y of f.years) {
        const inForceSomeDay = [`${y}-01-01`, `${y}-12-31`].some((d) => idOf(frameworkInForce('dbi', d, f.enterpriseSize)) === f.id)
          || (f.legalBasis.date.startsWith(String(y)));
        expect(inForceSomeDay, `${f.id} ${y}`).toBe(true);
      }
    }
  });

  it('rejects an unknown id with a typed error naming the known ones', () => {
    try {
      // @ts-expect-error -- an unknown id is a compile error too
      getFramework('dti-1999');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issue = (e as ValidationError).issues[0]!;
      expect(issue.code).toBe('unknown_framework');
      expect(issue.pathString).toBe('framework');
      expect(issue.message.en).toContain('dti-province-2022');
      expect(issue.message.vi).toContain('Không có bộ chỉ số "dti-1999"');
    }
  });
});

describe.each(DTI_FRAMEWORKS.map((f) => [f.id, f] as const))('DTI framework %s', (_id, f) => {
  it('matches the schema', () => {
    expect(dtiFrameworkSchema.safeParse(f).success).toBe(true);
  });
  it('is deeply frozen', () => {
    expect(Object.isFrozen(f)).toBe(true);
    expect(Object.isFrozen(f.pillars[0])).toBe(true);
    expect(Object.isFrozen(f.mainIndicators[0]?.name)).toBe(true);
  });
  it('has unique main-indicator ids', () => {
    const ids = f.mainIndicators.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('has pillar maxima summing to the total (per the value formula)', () => {
    if (f.inputKeys === 'pillars') {
      expect(f.pillars.reduce((s, p) => s + p.max, 0)).toBe(f.totalMax);
    } else {
      const scored = f.mainIndicators.filter((m) => m.max !== null);
      expect(scored.reduce((s, m) => s + (m.max ?? 0), 0)).toBe(f.totalMax);
      for (const p of f.pillars) {
        expect(scored.filter((m) => m.pillars.includes(p.id)).reduce((s, m) => s + (m.max ?? 0), 0)).toBe(p.max);
      }
    }
  });
  it('cites its decision and sources', () => {
    expect(f.legalBasis.decision).toMatch(/^\d+\/QĐ-(BTTTT|BKHCN)$/);
    expect(f.sources.length).toBeGreaterThan(0);
  });
  it('marks unpublished facts as assumptions when reconstructed', () => {
    if (f.status === 'reconstructed') expect(f.assumptions.length).toBeGreaterThan(0);
  });
});

describe('DTI 922 facts', () => {
  const f = DTI_FRAMEWORKS.find((x) => x.id === 'dti-province-2022')!;
  it('has 9 main indicators, 98 components, the unscored smart city', () => {
    expect(f.mainIndicators).toHaveLength(9);
    expect(f.mainIndicators.reduce((s, m) => s + (m.componentCount ?? 0), 0)).toBe(98);
    const smart = f.mainIndicators.find((m) => m.id === 'smartCity')!;
    expect(smart).toMatchObject({ group: 'unscored', max: 0, pillars: [] });
    expect(f.pillars.map((p) => p.max)).toEqual([700, 650, 650]);
    expect(f.mainIndicators.map((m) => m.name.vi)).toContain('An toàn thông tin mạng');
  });
  it('405 keeps 8 indicators with the 922 maxima as a reconstructed assumption', () => {
    const g = DTI_FRAMEWORKS.find((x) => x.id === 'dti-province-2025')!;
    expect(g.mainIndicators).toHaveLength(8);
    expect(g.componentCount).toBe(47);
    expect(g.mainIndicators.every((m) => m.maxStatus === 'reconstructed')).toBe(true);
    expect(g.assumptions.map((a) => a.id)).toContain('main-indicator-maxima');
  });
});

describe.each(DBI_FRAMEWORKS.map((f) => [f.id, f] as const))('DBI framework %s', (_id, f) => {
  it('matches the schema', () => {
    const r = dbiFrameworkSchema.safeParse(f);
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
  });
  it('has unique pillar, component and criterion ids', () => {
    const ids = [
      ...f.pillars.map((p) => p.id),
      ...f.pillars.flatMap((p) => p.components.map((c) => c.id)),
      ...f.pillars.flatMap((p) => p.components.flatMap((c) => c.criteria.map((k) => k.id))),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('numbers criteria under their component and components under their pillar', () => {
    for (const p of f.pillars) {
      for (const c of p.components) {
        expect(c.id.startsWith(`${p.code}.`)).toBe(true);
        for (const k of c.criteria) expect(k.id.startsWith(`${c.id}.`)).toBe(true);
      }
    }
  });
  it('has maxima that sum to the stated totals', () => {
    if (f.totalMax !== null) expect(f.pillars.reduce((s, p) => s + (p.max ?? 0), 0)).toBe(f.totalMax);
    for (const p of f.pillars) {
      if (f.inputLevel !== 'criterion') continue;
      expect(p.components.reduce((s, c) => s + (c.max ?? 0), 0)).toBe(p.max);
      for (const c of p.components) {
        const fromCriteria = c.criteria.reduce((s, k) => s + (k.scale!.kind === 'steps' ? Math.max(...k.scale!.values) : k.scale!.max), 0);
        expect(fromCriteria).toBe(c.max);
        expect(c.criteria).toHaveLength(c.criterionCount ?? -1);
      }
    }
  });
  it('has ordered levels and an ordered level rule', () => {
    const levels = f.levels.map((l) => l.level);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    expect(new Set(levels).size).toBe(levels.length);
    if (f.levelRule.kind === 'pillar-bands-and-count') {
      const bands = f.levelRule.pillarBands;
      for (let i = 1; i < bands.length; i++) {
        expect(bands[i]!.level).toBeGreaterThan(bands[i - 1]!.level);
        expect(bands[i]!.upToPercent).toBeGreaterThan(bands[i - 1]!.upToPercent);
      }
      expect(bands[bands.length - 1]!.upToPercent).toBe(100);
      const overall = f.levelRule.overall;
      for (let i = 1; i < overall.length; i++) {
        expect(overall[i]!.level).toBeGreaterThan(overall[i - 1]!.level);
        expect(overall[i]!.totalAbove).toBeGreaterThan(overall[i - 1]!.totalAbove);
        expect(overall[i]!.minPillarsAtLevel).toBeGreaterThanOrEqual(overall[i - 1]!.minPillarsAtLevel);
      }
      for (const l of [...bands.map((b) => b.level), ...overall.map((o) => o.level)]) expect(levels).toContain(l);
    } else if (f.levelRule.kind === 'none') {
      expect(f.levelRule.reason.vi.length).toBeGreaterThan(0);
    }
  });
  it('names every pillar, component and level in Vietnamese and English', () => {
    for (const p of f.pillars) {
      expect(p.name.vi && p.name.en).toBeTruthy();
      for (const c of p.components) expect(c.name.vi && c.name.en).toBeTruthy();
    }
    for (const l of f.levels) expect(l.name.vi && l.name.en && l.description.vi).toBeTruthy();
  });
  it('is deeply frozen', () => {
    expect(Object.isFrozen(f)).toBe(true);
    expect(Object.isFrozen(f.pillars[0]?.components)).toBe(true);
  });
});

describe('DBI 2021 SME facts', () => {
  const f = DBI_FRAMEWORKS.find((x) => x.id === 'dbi-2021-sme')!;
  it('has 6 pillars, 10 components and 60 criteria worth 320 points', () => {
    expect(f.pillars.map((p) => p.name.vi)).toEqual([
      'Trải nghiệm số cho khách hàng', 'Chiến lược', 'Hạ tầng và công nghệ số', 'Vận hành',
      'Chuyển đổi số văn hóa doanh nghiệp', 'Dữ liệu và tài sản thông tin',
    ]);
    expect(f.pillars.map((p) => p.max)).toEqual([65, 25, 80, 65, 50, 35]);
    expect(f.pillars.flatMap((p) => p.components)).toHaveLength(10);
    expect(f.pillars.map((p) => p.components.reduce((s, c) => s + c.criteria.length, 0))).toEqual([13, 1, 16, 13, 10, 7]);
    expect(f.totalMax).toBe(320);
  });
  it('names the six levels as the secondary sources citing Decision 1970 do', () => {
    expect(f.levels.map((l) => l.name.vi)).toEqual(['Chưa chuyển đổi số', 'Khởi động', 'Bắt đầu', 'Hình thành', 'Nâng cao', 'Dẫn dắt']);
  });
});

describe('provenance labels (issue #11)', () => {
  const dti2025 = getFramework('dti-province-2025') as DtiFramework;
  const values = {
    awareness: 0.74, institutions: 0.74, infrastructure: 0.74, humanResources: 0.74, cybersecurity: 0.74,
    digitalGovernment: 0.9, digitalEconomy: 0.6, digitalSociety: 0.3,
  };

  it('405: the same values give 0.685 with the 922 maxima and 0.715 with government 250 / society 100', () => {
    // hand-computed: (5·74 + 200·0.9 + 150·0.6 + 150·0.3)/1000 = (370 + 180 + 90 + 45)/1000 = 0.685
    //                (370 + 250·0.9 + 90 + 100·0.3)/1000 = (370 + 225 + 90 + 30)/1000 = 0.715
    expect(scoreDti(dti2025, { values }).value).toBe(0.685);
    const other = overrideDtiMaxima(dti2025, { digitalGovernment: 250, digitalSociety: 100 });
    const r = scoreDti(other, { values });
    expect(r.value).toBe(0.715);
    // the pillar values move too: CQS (370 + 225)/750 against (370 + 180)/700
    expect(r.pillars.government.value).toBe(0.7933);
    expect(scoreDti(dti2025, { values }).pillars.government.value).toBe(0.7857);
  });

  it('405: both notes say the values depend on the maxima, with those figures, and that 2024 is inferred', () => {
    const text = dti2025.notes.map((n) => `${n.vi}\n${n.en}`).join('\n');
    expect(text).not.toMatch(/không phụ thuộc/);
    const weights = dti2025.notes.find((n) => n.en.includes('0.715'))!;
    expect(weights.vi).toMatch(/phụ thuộc vào giả định điểm tối đa/);
    expect(weights.vi).toContain('0,685');
    expect(weights.vi).toContain('0,715');
    expect(weights.en).toMatch(/depend on the assumed maxima/);
    expect(weights.en).toContain('0.685');
    const years = dti2025.notes.find((n) => n.en.includes('inferred from matching structure counts'))!;
    expect(years.vi).toMatch(/suy luận/);
    expect(years.en).toMatch(/No source says which set DTI 2025/);
  });

  it('922: official, its use for 2021 and 2023 an inferred assumption (verified on 2022 figures only); row 9 and the CQS pillar stated', () => {
    const f = getFramework('dti-province-2022') as DtiFramework;
    expect(f.status).toBe('official');
    expect(f.years).toEqual([2021, 2022, 2023]);
    const assumption = f.assumptions.find((a) => a.id === 'formula-2021-2023')!;
    expect(assumption.status).toBe('reconstructed');
    expect(assumption.description.en).toMatch(/verified to 4 decimals on published DTI 2022 figures/);
    expect(assumption.description.en).toMatch(/computed by the same formula is inferred/);
    const text = f.notes.map((n) => n.en).join('\n');
    expect(text).toMatch(/Row 9 of Bảng I.1 \(Hoạt động xã hội số: 8 components, 150 points\) is stated/);
    expect(text).toMatch(/7 main indicators .* 78 components, 700 points/);
    expect(text).not.toMatch(/8 components are inferred/);
    expect(f.sources.map((s) => s.id)).toContain('sctyenbai');
    const society = f.mainIndicators.find((m) => m.id === 'digitalSociety')!;
    expect([society.componentCount, society.max, society.maxStatus]).toEqual([8, 150, 'confirmed']);
  });

  it('1726: "Digital Index", each pillar its own 7 main indicators (45/36/27 components)', () => {
    const f = getFramework('dti-province-2020') as DtiFramework;
    expect(f.title.en).toContain('Digital Index');
    expect(f.mainIndicators).toHaveLength(21);
    for (const p of ['government', 'economy', 'society'] as const) {
      const own = f.mainIndicators.filter((m) => m.pillars.length === 1 && m.pillars[0] === p);
      expect(own).toHaveLength(7);
    }
    expect(f.mainIndicators.every((m) => m.pillars.length === 1 && m.max === null)).toBe(true);
    const note = f.notes.map((n) => n.en).join('\n');
    expect(note).toMatch(/45 components, 133 criteria/);
    expect(note).toMatch(/36 \(inferred: 108 − 45 − 27\), 101 criteria/);
    expect(note).toMatch(/27, 72 criteria/);
    expect(f.componentCount).toBe(108);
  });

  it('DBI 2021 SME: the 3-option criteria mapping is not found, in the scale assumption and its own', () => {
    const f = getFramework('dbi-2021-sme');
    const scale = f.assumptions.find((a) => a.id === 'criterion-scale')!;
    expect(scale.description.en).toMatch(/mapping of the 3-option criteria 1\.2\.1–1\.2\.3 to 0–5 were not found/);
    expect(scale.description.vi).toMatch(/3 phương án của tiêu chí 1\.2\.1–1\.2\.3/);
    const three = f.assumptions.find((a) => a.id === 'three-option-criteria')!;
    expect(three.status).toBe('not-found');
  });

  it('DBI 2021: level names secondary, Vietnamese level descriptions labelled back-translations, in both languages', () => {
    for (const id of ['dbi-2021-sme', 'dbi-2021-large', 'dbi-2021-group']) {
      const f = getFramework(id);
      const note = f.notes.find((n) => n.en.includes('back-translations'));
      expect(note, id).toBeDefined();
      expect(note!.vi).toMatch(/dịch ngược/);
      expect(note!.en).toMatch(/secondary sources/);
    }
  });
});
