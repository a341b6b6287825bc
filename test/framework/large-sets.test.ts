/**
 * The large-enterprise reconstructions of Decisions 2158 and 1567, and the readiness set of 2158,
 * labelled as ../shared/reference/dbi-2023.md establishes them (#10, #11).
 */
import { describe, expect, it } from 'vitest';
import { DBI_2023_CANDIDATE_LEVEL_RULES, DBI_2025_CANDIDATE_LEVEL_RULES, ValidationError, getFramework, scoreDbi, type DbiFramework } from '../../src/index.js';
import { defineFramework, withDbiLevelRule } from '../../src/schema.js';

const fw = (id: string) => getFramework(id) as DbiFramework;

describe('pillar name status (#11)', () => {
  it('is confirmed for the 1970 sets, whose six pillars the sources name for all three indices', () => {
    for (const id of ['dbi-2021-large', 'dbi-2021-group']) expect(fw(id).pillars.every((p) => p.nameStatus === 'confirmed')).toBe(true);
  });
  it('is reconstructed for 2158 Phụ lục 2 (not found) and 1567 Phụ lục II (an app\'s labels), with the assumption recorded', () => {
    for (const id of ['dbi-2023-large', 'dbi-2025-large']) {
      const f = fw(id);
      expect(f.pillars.map((p) => p.nameStatus)).toEqual(Array(6).fill('reconstructed'));
      expect(f.assumptions.find((a) => a.id === 'pillar-names')?.status).toBe('reconstructed');
    }
    expect(fw('dbi-2023-large').assumptions.find((a) => a.id === 'pillar-names')?.description.en).toContain('not found');
    expect(fw('dbi-2025-large').assumptions.find((a) => a.id === 'pillar-names')?.description.en).toContain('unofficial app');
  });
});

describe('the 1970 levels on the 2158 and 1567 large sets (#11)', () => {
  it.each(['dbi-2023-large', 'dbi-2025-large'])('%s carries them as an assumption naming the five-level alternative, and gives no level by default', (id) => {
    const f = fw(id);
    expect(f.levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4, 5]);
    const a = f.assumptions.find((x) => x.id === 'levels-carried-over')!;
    expect(a.status).toBe('reconstructed');
    expect(a.description.en).toContain('five-level alternative');
    expect(a.description.vi).toContain('5 mức');
    expect(f.levelRule.kind).toBe('none');
    expect(scoreDbi(f, { answers: { customer: 125, strategy: 120, technology: 145, operations: 110, culture: 110, data: 85 } }).level).toBeNull();
  });

  it('the 2158 set lists the reported averaging rule as an assumption with its override', () => {
    const a = fw('dbi-2023-large').assumptions.find((x) => x.id === 'aggregation')!;
    expect(a.description.en).toContain('arithmetic means');
    // a framework of its own (a bundled id with other content is refused)
    const mean = defineFramework({ ...JSON.parse(JSON.stringify(fw('dbi-2023-large'))), id: 'dbi-2023-large-mean', aggregation: { kind: 'mean' } }) as DbiFramework;
    // pillars at 100, 50, 0, 0, 0, 0 % → mean 25% (a sum would give 187.5/695 = 26.98%)
    const r = scoreDbi(mean, { answers: { customer: 125, strategy: 60, technology: 0, operations: 0, culture: 0, data: 0 } });
    expect(r).toMatchObject({ percent: 25, aggregation: 'mean', total: 185 });
  });
});

describe('dbi-2023-sme-readiness (#11)', () => {
  const f = fw('dbi-2023-sme-readiness');
  it('does not number "Cơ bản": the source gives no number, so no level is listed', () => {
    expect(f.levels).toEqual([]);
    expect(JSON.stringify(f)).not.toMatch(/"level":1/);
  });
  it('quotes the truncated source sentence as truncated, never ending it with a full stop', () => {
    const note = f.notes.find((n) => n.vi.includes('Cơ bản'))!;
    expect(note.vi).toContain('hoặc có thể đ…" (đoạn trích của nguồn bị cắt tại đây)');
    expect(note.en).toContain('or may …" (the source excerpt is cut off here)');
    expect(JSON.stringify(f)).not.toContain('chưa triển khai bất kỳ giải pháp chuyển đổi số nào.');
  });
});

describe('the 1567 Phụ lục II reconstruction', () => {
  const f = fw('dbi-2025-large');
  it('has 6 pillars, 25 groups and 695 points, reconstructed, every assumption listed', () => {
    expect(f.status).toBe('reconstructed');
    expect(f.pillars).toHaveLength(6);
    expect(f.pillars.flatMap((p) => p.components)).toHaveLength(25);
    expect(f.totalMax).toBe(695);
    expect(f.pillars.map((p) => p.max)).toEqual([125, 120, 145, 110, 110, 85]);
    expect(f.assumptions.map((a) => a.id)).toEqual(['pillar-maxima', 'criterion-count', 'pillar-names', 'levels-carried-over']);
  });
});

describe('candidate level rules: named, sourced, opt-in', () => {
  const five = DBI_2025_CANDIDATE_LEVEL_RULES.find((c) => c.id === 'five-levels-25-percent')!;
  const six = DBI_2025_CANDIDATE_LEVEL_RULES.find((c) => c.id === 'six-levels-app-bands')!;

  it('each is reconstructed, with sources and a note, and valid on its framework', () => {
    for (const [id, list] of [['dbi-2025-large', DBI_2025_CANDIDATE_LEVEL_RULES], ['dbi-2023-large', DBI_2023_CANDIDATE_LEVEL_RULES]] as const) {
      for (const c of list) {
        expect(c.status).toBe('reconstructed');
        expect(c.sources.length).toBeGreaterThan(0);
        expect(c.note.vi && c.note.en).toBeTruthy();
        expect(Object.isFrozen(c)).toBe(true);
        const applied = withDbiLevelRule(id, c.rule);
        expect(applied.status).toBe('reconstructed');
        expect(applied.levelRule).toEqual(c.rule);
      }
    }
  });

  it.each([
    // pillar points summing to the total; percent = total / 695
    [173.75, 25, 2], [173.74, 24.9986, 1], [347.5, 50, 3], [521.25, 75, 4], [694.99, 99.9986, 4], [695, 100, 5], [0, 0, 1],
  ])('five levels: %f points (%f%%) is level %i (lower bounds inclusive, Dẫn dắt only at 100%%)', (total, _pct, level) => {
    const large = withDbiLevelRule('dbi-2025-large', five.rule);
    // put the points in the customer and strategy pillars (max 125 + 120), the rest in technology
    const customer = Math.min(125, total);
    const strategy = Math.min(120, Number((total - customer).toFixed(2)));
    const rest = Number((total - customer - strategy).toFixed(2));
    const fill = (max: number, left: number) => Math.min(max, left);
    const technology = fill(145, rest);
    const operations = fill(110, Number((rest - technology).toFixed(2)));
    const culture = fill(110, Number((rest - technology - operations).toFixed(2)));
    const data = Number((rest - technology - operations - culture).toFixed(2));
    const r = scoreDbi(large, { answers: { customer, strategy, technology, operations, culture, data } });
    expect(r.total).toBe(total);
    expect(r.level).toBe(level);
    expect(r.levelName?.vi).toBe(['Chưa chuyển đổi số', 'Khởi động', 'Bắt đầu', 'Hình thành', 'Nâng cao', 'Dẫn dắt'][level]);
  });

  it('the app\'s six levels: 69.5 points (10%) is level 1, 69.49 level 0, 625.5 (90%) level 5', () => {
    const large = withDbiLevelRule('dbi-2025-large', six.rule);
    const at = (customer: number, strategy = 0, technology = 0, operations = 0, culture = 0, data = 0) =>
      scoreDbi(large, { answers: { customer, strategy, technology, operations, culture, data } }).level;
    expect(at(69.5)).toBe(1);
    expect(at(69.49)).toBe(0);
    expect(at(125, 120, 145, 110, 110, 15.5)).toBe(5);
    expect(at(125, 120, 145, 110, 110, 15.49)).toBe(4);
  });

  it('an invalid rule is a ValidationError, not a silent default', () => {
    expect(() => withDbiLevelRule('dbi-2025-large', { ...five.rule, bands: [] } as never)).toThrow(ValidationError);
  });
});
