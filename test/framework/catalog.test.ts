import { describe, expect, it } from 'vitest';
import {
  DBI_FRAMEWORKS, DTI_FRAMEWORKS, dbiFrameworkSchema, dtiFrameworkSchema, frameworkForYear, getFramework,
  listFrameworks, ValidationError,
} from '../../src/index.js';

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

  it('finds frameworks by id and by year', () => {
    expect(getFramework('dbi-2021-sme').kind).toBe('dbi');
    expect(frameworkForYear('dti', 2020)?.id).toBe('dti-province-2020');
    expect(frameworkForYear('dti', 2023)?.id).toBe('dti-province-2022');
    expect(frameworkForYear('dti', 2024)?.id).toBe('dti-province-2025');
    expect(frameworkForYear('dbi', 2022, 'large')?.id).toBe('dbi-2021-large');
    expect(frameworkForYear('dti', 2019)).toBeUndefined();
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
        const fromCriteria = c.criteria.reduce((s, k) => s + (k.scale.kind === 'steps' ? Math.max(...k.scale.values) : k.scale.max), 0);
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
    } else {
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
  it('names the six levels as the decision does', () => {
    expect(f.levels.map((l) => l.name.vi)).toEqual(['Chưa chuyển đổi số', 'Khởi động', 'Bắt đầu', 'Hình thành', 'Nâng cao', 'Dẫn dắt']);
  });
});
