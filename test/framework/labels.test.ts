/**
 * Labels equal to the evidence: every label the data gives a fact that the reference
 * (`../shared/reference/`, beside the repository as CI has it) also labels is read from the
 * reference line and compared. The decisions table cites its reference lines itself; the facts of
 * the frameworks are listed here with the line that states them. Also: one Vietnamese word for
 * "reconstructed", and a README and package description that say what is official.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DBI_DECISIONS, DTI_DECISIONS, getFramework, type DbiFramework, type DtiFramework, type Evidence, type Evidenced, type FactStatus } from '../../src/index.js';

const root = join(__dirname, '..', '..');
const referenceDir = join(root, '..', 'shared', 'reference');

/** The reference's labels, in the three files' notations, as the reference README groups them. */
const TAGS: readonly [RegExp, Evidence][] = [
  [/\[(C|C-calc|C-off)\]|CONFIRMED/, 'confirmed'],
  [/\[(C-sec|C-gh|S)\]|SECONDARY/, 'secondary'],
  [/\[(I|INF)\]|INFERRED/, 'inferred'],
  [/\[NF\]|NOT FOUND/, 'not-found'],
];
const ANY_TAG = /\[(?:C|C-calc|C-off|C-sec|C-gh|S|I|INF|NF|K)\]|CONFIRMED|SECONDARY|INFERRED|NOT FOUND/g;

const files = new Map<string, string[]>();
function lines(file: string): string[] {
  let l = files.get(file);
  if (!l) files.set(file, (l = readFileSync(join(referenceDir, file), 'utf8').split('\n')));
  return l;
}

/** The label the reference gives where it states `quote`: the first label at or after the quotation on its line. */
function referenceLabel(file: string, quote: string): Evidence {
  const found = lines(file).filter((l) => l.includes(quote));
  expect(found, `${file}: "${quote}" is on exactly one line`).toHaveLength(1);
  const line = found[0]!;
  const after = line.slice(line.indexOf(quote));
  ANY_TAG.lastIndex = 0;
  const tag = ANY_TAG.exec(after)?.[0];
  expect(tag, `${file}: a label after "${quote}"`).toBeDefined();
  return TAGS.find(([re]) => re.test(tag!))![1];
}

/** Whether a framework's status word may stand for a reference label (`reconstructed` covers inferred and secondary). */
function agrees(status: FactStatus, label: Evidence, assumed = false): boolean {
  if (label === 'confirmed') return status === 'confirmed';
  if (label === 'not-found') return status === 'not-found' || (assumed && status === 'reconstructed');
  return status === 'reconstructed';
}

describe('the decisions table cites the reference, label for label', () => {
  const facts: [string, Evidenced][] = [];
  for (const d of [...DTI_DECISIONS, ...DBI_DECISIONS]) {
    facts.push([`${d.decision} in force from`, d.inForceBasis]);
    if (d.replacementBasis) facts.push([`${d.decision} replaced`, d.replacementBasis]);
    for (const y of d.assessmentYears) facts.push([`${d.decision} DTI ${y.year}`, y]);
    for (const s of d.sets) if (s.notEncoded) facts.push([`${d.decision} ${s.size} not encoded`, s.notEncoded.basis]);
  }
  it.each(facts)('%s', (_name, fact) => {
    if (fact.reference === null) {
      // the library's own reading: never presented as confirmed
      expect(fact.evidence).not.toBe('confirmed');
      return;
    }
    expect(fact.evidence).toBe(referenceLabel(fact.reference.file, fact.reference.quote));
  });
  it('labels 922 for DTI 2021 and 2023 inferred, 2022 confirmed; 405 for 2024 inferred', () => {
    const years = Object.fromEntries(DTI_DECISIONS.flatMap((d) => d.assessmentYears.map((y) => [y.year, y.evidence])));
    expect(years).toEqual({ 2020: 'confirmed', 2021: 'inferred', 2022: 'confirmed', 2023: 'inferred', 2024: 'inferred' });
  });
});

describe('the frameworks label their facts as the reference does', () => {
  const dti = (id: string) => getFramework(id) as DtiFramework;
  const dbi = (id: string) => getFramework(id) as DbiFramework;

  it('official only where every fact scoring uses is confirmed: 1726 and 922', () => {
    const official = ['dti-province-2020', 'dti-province-2022', 'dti-province-2025', 'dbi-2021-sme', 'dbi-2021-large', 'dbi-2021-group', 'dbi-2023-sme-readiness', 'dbi-2023-large', 'dbi-2025-large']
      .filter((id) => getFramework(id).status === 'official');
    expect(official).toEqual(['dti-province-2020', 'dti-province-2022']);
    // 1726: the pillar maxima and the formula
    expect(referenceLabel('dti-province.md', '| Chính quyền số | **400** |')).toBe('confirmed');
    expect(referenceLabel('dti-province.md', '[C] 300 points, 101 criteria')).toBe('confirmed');
    expect(referenceLabel('dti-province.md', '[C] 300 points, 72 criteria')).toBe('confirmed');
    expect(referenceLabel('dti-province.md', '| 1726 (DTI 2020) | (CQS_pts + KTS_pts + XHS_pts)/1000')).toBe('confirmed');
    expect(dti('dti-province-2020').pillars.map((p) => p.max)).toEqual([400, 300, 300]);
    // 922: the maxima of Bảng I.1 and the formula (on 2022 figures)
    const f922 = dti('dti-province-2022');
    for (const [code, name, count, max] of [['1', 'Nhận thức số', 10, 100], ['2', 'Thể chế số', 11, 100], ['3', 'Hạ tầng số', 7, 100], ['4', 'Nhân lực số', 13, 100], ['5', 'An toàn thông tin mạng', 12, 100], ['7', 'Hoạt động chính quyền số', 22, 200], ['8', 'Hoạt động kinh tế số', 12, 150]] as const) {
      expect(referenceLabel('dti-province.md', `| ${code} | ${name} | ${count} | ${max} |`)).toBe('confirmed');
      const m = f922.mainIndicators.find((x) => x.code === code)!;
      expect([m.name.vi, m.max]).toEqual([name, max]);
      expect(agrees(m.maxStatus, 'confirmed')).toBe(true);
    }
    expect(referenceLabel('dti-province.md', '**150** [C-calc]')).toBe('confirmed');
    expect(f922.mainIndicators.find((m) => m.code === '9')).toMatchObject({ max: 150, maxStatus: 'confirmed' });
  });

  it('922 for DTI 2021 and 2023: an inferred assumption, as the reference labels it', () => {
    const a = dti('dti-province-2022').assumptions.find((x) => x.id === 'formula-2021-2023')!;
    expect(agrees(a.status, referenceLabel('dti-province.md', '2021 and 2023 are [I]'))).toBe(true);
  });

  it("1726's 21 main indicators: scored within their pillars, maxima not found (never \"unscored\")", () => {
    const label = referenceLabel('dti-province.md', '[NF] in any primary source');
    const f = dti('dti-province-2020');
    expect(f.mainIndicators).toHaveLength(21);
    for (const m of f.mainIndicators) {
      expect(m.group).toBe('ungrouped');
      expect(m.max).toBeNull();
      expect(agrees(m.maxStatus, label)).toBe(true);
    }
  });

  it("405's maxima: not found, carried as an assumption", () => {
    const f = dti('dti-province-2025');
    const label = referenceLabel('dti-province.md', '[NF].** No source found states the 405 provincial maxima');
    expect(f.assumptions.map((a) => a.id)).toContain('main-indicator-maxima');
    for (const m of f.mainIndicators) expect(agrees(m.maxStatus, label, true)).toBe(true);
  });

  it('1970 SME: pillar names confirmed, maxima and level rule secondary (unofficial re-encodings), its sources said to be unofficial', () => {
    const f = dbi('dbi-2021-sme');
    expect(f.status).toBe('reconstructed');
    for (const [i, name] of ['Trải nghiệm số cho khách hàng', 'Chiến lược', 'Hạ tầng và công nghệ số', 'Vận hành', 'Chuyển đổi số văn hóa doanh nghiệp', 'Dữ liệu và tài sản thông tin'].entries()) {
      const label = referenceLabel('dbi-2021.md', `| ${i + 1} | ${name} |`);
      expect(f.pillars[i]!.name.vi).toBe(name);
      expect(agrees(f.pillars[i]!.nameStatus, label)).toBe(true);
    }
    const maxima = referenceLabel('dbi-2021.md', 'Totals 65+25+80+65+50+35 = 320 [C-gh]');
    for (const p of f.pillars) expect(agrees(p.maxStatus, maxima)).toBe(true);
    const rule = referenceLabel('dbi-2021.md', '**Status:** [C-gh] G1');
    expect(f.levelRule.kind === 'pillar-bands-and-count' && agrees(f.levelRule.status, rule)).toBe(true);
    // the sources say what they are: student projects' code and an SQL dump, unofficial
    const g1 = f.sources.find((s) => s.id === 'G1')!.title;
    const g4 = f.sources.find((s) => s.id === 'G4')!.title;
    expect(g1).toMatch(/^Unofficial: the code of a student application on GitHub/);
    expect(g4).toMatch(/^Unofficial: an SQL database dump/);
    const levelRule = f.assumptions.find((a) => a.id === 'level-rule')!;
    expect(levelRule.description.en).toMatch(/one source is the code of a student application .* not the decision's text/);
    expect(levelRule.description.en).toMatch(/applied by default/);
  });

  it('large-enterprise sets: maxima inferred, no level rule (thresholds not found)', () => {
    const maxima = referenceLabel('dbi-2021.md', 'DN lớn scoring [INF]');
    const thresholds = referenceLabel('dbi-2021.md', 'DN lớn level thresholds [NF]');
    expect(thresholds).toBe('not-found');
    for (const id of ['dbi-2021-large', 'dbi-2021-group', 'dbi-2023-large', 'dbi-2025-large']) {
      const f = dbi(id);
      for (const p of f.pillars) expect(agrees(p.maxStatus, maxima)).toBe(true);
      expect(f.levelRule.kind).toBe('none');
    }
  });

  it('2158 SME readiness: five pillar names and Phụ lục 1 confirmed, pillars 6–7 not found', () => {
    const f = dbi('dbi-2023-sme-readiness');
    for (const [i, name] of ['Định hướng chiến lược', 'Trải nghiệm khách hàng và bán hàng đa kênh', 'Chuỗi cung ứng', 'Hệ thống thông tin và quản trị dữ liệu', 'Quản lý rủi ro và an toàn thông tin mạng'].entries()) {
      expect(agrees(f.pillars[i]!.nameStatus, referenceLabel('dbi-2023.md', `| ${i + 1} | ${name} |`))).toBe(true);
    }
    expect(agrees(f.pillars[5]!.nameStatus, referenceLabel('dbi-2023.md', '| 6 | NOT FOUND'))).toBe(true);
    expect(f.legalBasis.part).toBe('Phụ lục 1');
    expect(referenceLabel('dbi-2023.md', 'Phụ lục 1 is for SMEs.')).toBe('confirmed');
  });

  it("1567: its appendix numbering is not given as a fact, nor a 2026 year", () => {
    expect(referenceLabel('dbi-2023.md', 'Phụ lục I: SME criteria set; Phụ lục II: large-enterprise index.')).toBe('secondary');
    const f = dbi('dbi-2025-large');
    expect(f.legalBasis.part).toBeUndefined();
    expect(f.title.vi).not.toMatch(/Phụ lục/);
    expect(f.notes.map((n) => n.en).join(' ')).toMatch(/appendix numbers .* appear only in unofficial code/);
    expect(f.years).toEqual([2025]);
    expect(agrees(f.pillars[0]!.maxStatus, referenceLabel('dbi-2023.md', '695 (SECONDARY)'))).toBe(true);
  });
});

describe('one word for "reconstructed", and a front page that says what is official', () => {
  const texts = (dir: string, ext: RegExp): string[] =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && ext.test(e.name))
      .map((e) => join(e.parentPath, e.name));

  it('writes "tái lập" everywhere, never "tái dựng"', () => {
    const all = [...texts('src', /\.ts$/), ...texts('docs', /\.md$/), join(root, 'README.md'), join(root, 'CHANGELOG.md')];
    const found = all.filter((p) => readFileSync(p, 'utf8').includes('tái dựng'));
    expect(found).toEqual([]);
    expect(readFileSync(join(root, 'src', 'presentation', 'format', 'provenance.ts'), 'utf8')).toContain('tái lập');
  });

  it('README first paragraph and package description: official, reconstructed, and which sets give a level', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const first = readme.slice(readme.indexOf('\n\n') + 2, readme.indexOf('```'));
    expect(first).toMatch(/1726 and\s+922 are \*\*official\*\*/);
    expect(first).toMatch(/405's is \*\*reconstructed\*\*/);
    expect(first).toMatch(/Every DBI set is\s+\*\*reconstructed\*\*/);
    expect(first).toMatch(/only one gives a \*\*maturity level\*\*: the\s+2021 SME set of 1970, by a rule whose only source is an unofficial/);
    expect(first).not.toMatch(/official digital-transformation indices/);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { description: string };
    expect(pkg.description).toMatch(/1726 and 922 official, 405 reconstructed/);
    expect(pkg.description).toMatch(/every set reconstructed; a maturity level only for the 2021 SME set, by an unofficial rule/);
  });
});
