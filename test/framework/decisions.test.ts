/**
 * One answer to "which framework applies": every decision boundary (1726 → 922 → 405; 1970 → 2158 on
 * 07/11/2023 → 1567 on 30/06/2025), for SMEs, large enterprises, groups and no size, asked of the
 * API (`frameworkInForce`, `frameworkForYear`) and of the command line (`--date`, `--year`,
 * `--size`), and the frameworks' `years`: all read the decisions table and give the same answer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DBI_FRAMEWORKS, DTI_FRAMEWORKS, criterionOrder, frameworkForYear, frameworkInForce, getFramework, type Framework,
} from '../../src/index.js';
import { DBI_DECISIONS, DTI_DECISIONS, dayBefore } from '../../src/framework/decisions.js';
import { runCli } from '../helpers.js';
import { METHODOLOGY_PATH, methodologyWithTable } from '../../scripts/decisions-table.js';
import { readFileSync } from 'node:fs';

type Size = 'sme' | 'large' | 'group' | undefined;
type Answer = ReturnType<typeof frameworkForYear>;

/** What an answer gives: a framework id, or the outcome (and why) where none. */
function said(a: Answer): string {
  if (a.outcome === 'encoded') return a.framework.id;
  if (a.outcome === 'not-encoded') return `not-encoded:${a.why}`;
  return `changeover:${a.periods.map((p) => said(p.answer)).join('>')}`;
}

describe('the decisions table', () => {
  it('is ordered, each decision replaced on the day its successor applies', () => {
    for (const list of [DTI_DECISIONS, DBI_DECISIONS]) {
      list.forEach((d, i) => {
        const next = list[i + 1];
        expect(d.replacedOn).toBe(next ? next.inForceFrom : null);
        expect(d.replacedBy).toBe(next ? next.decision : null);
        expect(d.inForceFrom >= d.signed).toBe(true);
      });
    }
  });

  it('names each bundled framework once, with its own decision, and gives a reason wherever none is bundled', () => {
    const named = [...DTI_DECISIONS, ...DBI_DECISIONS].flatMap((d) => d.sets.filter((s) => s.framework).map((s) => [s.framework!, d.decision] as const));
    expect(named.map(([id]) => id).sort()).toEqual([...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].map((f) => f.id).sort());
    for (const [id, decision] of named) expect(getFramework(id).legalBasis.decision).toBe(decision);
    for (const d of DBI_DECISIONS) {
      expect(d.sets.map((s) => s.size)).toEqual(['sme', 'large', 'group']);
      for (const s of d.sets) {
        const f = s.framework === null ? undefined : (getFramework(s.framework) as Framework & { enterpriseSize: string });
        if (f) expect(f.enterpriseSize).toBe(s.size);
        else expect(s.notEncoded?.reason.vi && s.notEncoded.reason.en && s.notEncoded.remedy.vi && s.notEncoded.remedy.en).toBeTruthy();
      }
    }
  });

  it('is the table docs/methodology.md prints (npx tsx scripts/decisions-table.ts rewrites it)', () => {
    const text = readFileSync(METHODOLOGY_PATH, 'utf8');
    expect(text).toBe(methodologyWithTable(text));
  });

  it("is what the README's framework table says of each set (used for, and 'not encoded')", () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    for (const d of [...DTI_DECISIONS, ...DBI_DECISIONS]) {
      for (const set of d.sets) {
        if (set.framework === null) {
          if (set.notEncoded!.why === 'content-not-found') expect(readme).toMatch(new RegExp(`\\| — \\| ${d.decision}[^|]*\\| from ${dmy(d.inForceFrom)} \\| \\*\\*not encoded\\*\\*`));
          continue;
        }
        const row = readme.split('\n').find((l) => l.startsWith('| `') && l.split('|')[1]!.includes(`\`${set.framework}\``))!;
        expect(row, set.framework).toBeDefined();
        const used = row.split('|')[3]!;
        if (d.kind === 'dti') for (const y of d.assessmentYears) expect(used, set.framework).toContain(`DTI ${y.year}`);
        else expect(used.trim(), set.framework).toBe(d.replacedOn ? `${dmy(d.inForceFrom)} – ${dmy(dayBefore(d.replacedOn))}` : `from ${dmy(d.inForceFrom)}`);
      }
    }
  });

  it("gives each framework's `years` from the table, and frameworkForYear agrees for every one of them", () => {
    for (const f of [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS]) {
      const d = [...DTI_DECISIONS, ...DBI_DECISIONS].find((x) => x.sets.some((s) => s.framework === f.id))!;
      const expected = d.kind === 'dti'
        ? d.assessmentYears.map((y) => y.year)
        : Array.from({ length: Number((d.replacedOn ? dayBefore(d.replacedOn) : d.inForceFrom).slice(0, 4)) - Number(d.inForceFrom.slice(0, 4)) + 1 }, (_, i) => Number(d.inForceFrom.slice(0, 4)) + i);
      expect(f.years, f.id).toEqual(expected);
      for (const y of f.years) {
        const size = f.kind === 'dbi' ? f.enterpriseSize : undefined;
        const a = frameworkForYear(f.kind, y, size);
        const ids = a.outcome === 'changeover' ? a.periods.map((p) => (p.answer.outcome === 'encoded' ? p.answer.framework.id : '')) : [a.outcome === 'encoded' ? a.framework.id : ''];
        expect(ids, `${f.id} ${y}`).toContain(f.id);
      }
    }
    // the newest decisions: no year beyond what the sources show (1567 is not "2026" by fact)
    expect(getFramework('dbi-2025-large').years).toEqual([2025]);
    expect(getFramework('dbi-2023-large').years).toEqual([2023, 2024, 2025]);
    expect(getFramework('dti-province-2025').years).toEqual([2024]);
  });
});

/** Every boundary, as the API answers it (a day, or a year), for each size. */
const DAYS: readonly { day: string; sme: string; large: string; group: string }[] = [
  { day: '2021-12-12', sme: 'not-encoded:no-decision', large: 'not-encoded:no-decision', group: 'not-encoded:no-decision' },
  { day: '2021-12-13', sme: 'dbi-2021-sme', large: 'dbi-2021-large', group: 'dbi-2021-group' },
  { day: '2023-11-06', sme: 'dbi-2021-sme', large: 'dbi-2021-large', group: 'dbi-2021-group' },
  { day: '2023-11-07', sme: 'dbi-2023-sme-readiness', large: 'dbi-2023-large', group: 'not-encoded:no-set-for-size' },
  { day: '2025-06-29', sme: 'dbi-2023-sme-readiness', large: 'dbi-2023-large', group: 'not-encoded:no-set-for-size' },
  { day: '2025-06-30', sme: 'not-encoded:content-not-found', large: 'dbi-2025-large', group: 'not-encoded:no-set-for-size' },
];
const DBI_YEARS: readonly { year: number; sme: string; large: string; group: string }[] = [
  { year: 2020, sme: 'not-encoded:no-decision', large: 'not-encoded:no-decision', group: 'not-encoded:no-decision' },
  { year: 2021, sme: 'dbi-2021-sme', large: 'dbi-2021-large', group: 'dbi-2021-group' },
  { year: 2022, sme: 'dbi-2021-sme', large: 'dbi-2021-large', group: 'dbi-2021-group' },
  { year: 2023, sme: 'changeover:dbi-2021-sme>dbi-2023-sme-readiness', large: 'changeover:dbi-2021-large>dbi-2023-large', group: 'changeover:dbi-2021-group>not-encoded:no-set-for-size' },
  { year: 2024, sme: 'dbi-2023-sme-readiness', large: 'dbi-2023-large', group: 'not-encoded:no-set-for-size' },
  { year: 2025, sme: 'changeover:dbi-2023-sme-readiness>not-encoded:content-not-found', large: 'changeover:dbi-2023-large>dbi-2025-large', group: 'changeover:not-encoded:no-set-for-size>not-encoded:no-set-for-size' },
];
const DTI_YEARS: readonly [number, string, string?][] = [
  [2019, 'not-encoded:no-decision'],
  [2020, 'dti-province-2020', 'confirmed'],
  [2021, 'dti-province-2022', 'inferred'],
  [2022, 'dti-province-2022', 'confirmed'],
  [2023, 'dti-province-2022', 'inferred'],
  [2024, 'dti-province-2025', 'inferred'],
  [2025, 'not-encoded:year-not-known'],
];
const DTI_DAYS: readonly [string, string][] = [
  ['2020-10-11', 'not-encoded:no-decision'],
  ['2020-10-12', 'dti-province-2020'],
  ['2022-05-19', 'dti-province-2020'],
  ['2022-05-20', 'dti-province-2022'],
  ['2025-04-02', 'dti-province-2022'],
  ['2025-04-03', 'dti-province-2025'],
];

describe('the API walks every boundary', () => {
  it('by day, for every size; no size means SMEs', () => {
    for (const c of DAYS) {
      for (const size of ['sme', 'large', 'group'] as const) expect(said(frameworkInForce('dbi', c.day, size)), `${c.day} ${size}`).toBe(c[size]);
      expect(said(frameworkInForce('dbi', c.day)), `${c.day} no size`).toBe(c.sme);
    }
    for (const [day, id] of DTI_DAYS) expect(said(frameworkInForce('dti', day)), day).toBe(id);
  });

  it('by year: one decision, or the periods of a changeover (never the set of 31 December alone)', () => {
    for (const c of DBI_YEARS) {
      for (const size of ['sme', 'large', 'group'] as const) expect(said(frameworkForYear('dbi', c.year, size)), `${c.year} ${size}`).toBe(c[size]);
      expect(said(frameworkForYear('dbi', c.year)), `${c.year} no size`).toBe(c.sme);
    }
    for (const [year, id, evidence] of DTI_YEARS) {
      const a = frameworkForYear('dti', year);
      expect(said(a), String(year)).toBe(id);
      if (evidence) expect(a).toMatchObject({ evidence });
    }
    // the periods meet: 2023 splits on 06/11 → 07/11, 2025 on 29/06 → 30/06
    const y2023 = frameworkForYear('dbi', 2023, 'large');
    expect(y2023.outcome === 'changeover' && y2023.periods.map((p) => [p.from, p.to])).toEqual([['2023-01-01', '2023-11-06'], ['2023-11-07', '2023-12-31']]);
    const y2025 = frameworkForYear('dbi', 2025, 'sme');
    expect(y2025.outcome === 'changeover' && y2025.periods.map((p) => [p.from, p.to])).toEqual([['2025-01-01', '2025-06-29'], ['2025-06-30', '2025-12-31']]);
  });

  it('answers "not encoded" with the reason and what to do, in both languages, never another framework', () => {
    const sme = frameworkInForce('dbi', '2025-07-01');
    expect(sme.outcome).toBe('not-encoded');
    if (sme.outcome !== 'not-encoded') return;
    expect(sme.decision?.decision).toBe('1567/QĐ-BKHCN');
    expect(sme.message.vi).toMatch(/chưa được mã hóa/);
    expect(sme.message.en).toMatch(/not encoded/);
    expect(sme.remedy.vi).toMatch(/--framework-file/);
    expect(sme.remedy.en).toMatch(/--framework-file/);
    expect(sme).not.toHaveProperty('framework');
    const y2025 = frameworkForYear('dti', 2025);
    expect(y2025.outcome === 'not-encoded' && y2025.remedy.en).toMatch(/--framework dti-province-2025/);
  });

  it('marks as inferred what the sources do not state: the first year of a decision read from its signature, years after the newest', () => {
    expect(frameworkInForce('dbi', '2023-11-07', 'large')).toMatchObject({ evidence: 'inferred' });
    expect(frameworkInForce('dbi', '2024-06-01', 'large')).toMatchObject({ evidence: 'confirmed' });
    expect(frameworkInForce('dbi', '2025-06-30', 'large')).toMatchObject({ evidence: 'confirmed' }); // 1567: effective 30/06/2025, stated
    expect(frameworkInForce('dbi', '2026-03-01', 'large')).toMatchObject({ outcome: 'encoded', evidence: 'inferred' });
    expect(frameworkForYear('dbi', 2026, 'large')).toMatchObject({ outcome: 'encoded', evidence: 'inferred' });
  });

  it('gives frozen answers', () => {
    const a = frameworkForYear('dbi', 2023);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.outcome === 'changeover' && Object.isFrozen(a.periods[0]!.answer)).toBe(true);
  });
});

describe('the command line gives the same answer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vndi-decisions-'));
  });

  /** A one-row file with the scoring columns of a framework. */
  function fileFor(f: Framework): string {
    let header: string[];
    let cells: (string | number)[];
    if (f.kind === 'dti') {
      header = f.inputKeys === 'pillars' ? f.pillars.map((p) => p.id) : f.mainIndicators.filter((m) => m.max !== null && m.max > 0).map((m) => m.id);
      cells = header.map((id) => (f.inputKeys === 'pillars' ? f.pillars.find((p) => p.id === id)!.max / 2 : 50));
    } else {
      header = f.inputLevel === 'pillar' ? f.pillars.map((p) => p.id) : criterionOrder(f);
      cells = header.map((id) => (f.inputLevel === 'pillar' ? 10 : id === '2.1.1' ? 15 : 3));
    }
    const path = join(dir, `${f.id}.csv`);
    writeFileSync(path, `${['id', 'name', ...header].join(',')}\n${['U1', 'Đơn vị 1', ...cells].join(',')}\n`);
    return path;
  }

  /** The framework a run used (scored, or named by its refusal to score), or the refusal line. */
  async function cliSays(path: string, args: string[]): Promise<{ code: number; id?: string; err: string }> {
    const r = await runCli(['score', path, '--format', 'json', ...args]);
    if (r.code === 2) return { code: 2, err: r.err };
    const rows = JSON.parse(r.out).rows as { result: { framework: { id: string } } }[];
    // 2158's SME readiness set is picked, then refused as not scorable (its pillar maxima are not published)
    const id = rows[0]?.result.framework.id ?? (/The pillar maxima \(strategy, customer, supplyChain/.test(r.err) ? 'dbi-2023-sme-readiness' : undefined);
    return { code: r.code, id, err: r.err };
  }

  /** The set whose columns a file has when the API gives none: the set in force just before. */
  const previous: Record<string, string> = {
    'sme': 'dbi-2021-sme', 'large': 'dbi-2021-large', 'group': 'dbi-2021-group',
  };

  async function expectSame(api: Answer, args: string[], size: Size, lastEncoded: string | undefined): Promise<void> {
    const id = api.outcome === 'encoded' ? api.framework.id : lastEncoded ?? previous[size ?? 'sme']!;
    const got = await cliSays(fileFor(getFramework(id)), [...args, ...(size ? ['--size', size] : [])]);
    const what = `${args.join(' ')} ${size ?? 'no size'}`;
    if (api.outcome === 'encoded') {
      expect(got.id, what).toBe(api.framework.id);
    } else {
      expect(got.code, what).toBe(2);
      expect(got.err, what).toContain(api.message.vi.slice(0, 40));
      expect(got.err, what).toContain(api.message.en.slice(0, 40));
      expect(got.err, what).toContain(api.remedy.en.slice(0, 30));
    }
  }

  it('--date at every DBI boundary, for every size and for none', async () => {
    for (const c of DAYS) {
      for (const size of ['sme', 'large', 'group', undefined] as const) {
        const before = DAYS[DAYS.indexOf(c) - 1];
        const lastEncoded = before && !before[size ?? 'sme'].startsWith('not-encoded') ? before[size ?? 'sme'] : undefined;
        await expectSame(frameworkInForce('dbi', c.day, size), ['--date', c.day], size, lastEncoded);
      }
    }
  }, 60_000);

  it('--year for every DBI year: a changeover year is refused with its periods, a day inside it is answered', async () => {
    for (const c of DBI_YEARS) {
      for (const size of ['sme', 'large', 'group', undefined] as const) {
        const a = frameworkForYear('dbi', c.year, size);
        if (a.outcome !== 'changeover') {
          await expectSame(a, ['--year', String(c.year)], size, undefined);
          continue;
        }
        const first = a.periods[0]!.answer;
        const id = first.outcome === 'encoded' ? first.framework.id : previous[size ?? 'sme']!;
        const got = await cliSays(fileFor(getFramework(id)), ['--year', String(c.year), ...(size ? ['--size', size] : [])]);
        expect(got.code).toBe(2);
        expect(got.err).toContain(a.message.vi.slice(0, 60));
        expect(got.err).toContain('--date');
        // each period's own day gives that period's answer
        for (const p of a.periods) await expectSame(p.answer, ['--date', p.from], size, id);
      }
    }
  }, 60_000);

  it('--year and --date for DTI files at 1726 → 922 → 405', async () => {
    for (const [year, id] of DTI_YEARS) {
      const a = frameworkForYear('dti', year);
      await expectSame(a, ['--year', String(year)], undefined, id.startsWith('dti-') ? id : 'dti-province-2025');
    }
    for (const [day] of DTI_DAYS) await expectSame(frameworkInForce('dti', day), ['--date', day], undefined, 'dti-province-2020');
  }, 60_000);

  it('a row\'s Năm and Ngày đánh giá columns are answered per row, a changeover row refused with its reason', async () => {
    const sme = getFramework('dbi-2021-sme');
    const ids = criterionOrder(sme);
    const row = (id: string, when: string) => [id, `DN ${id}`, when, ...ids.map((c) => (c === '2.1.1' ? 15 : 3))].join(',');
    const path = join(dir, 'per-row.csv');
    writeFileSync(path, [['id', 'name', 'Năm', ...ids].join(','), row('A', '2022'), row('B', '2023'), row('C', '2024')].join('\n'));
    const r = await runCli(['score', path, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out).rows as { id: string }[]).map((x) => x.id)).toEqual(['A']);
    expect(r.err).toContain('line 3 (B): framework: Năm 2023 có 2 quyết định DBI');
    expect(r.err).toContain('line 4 (C): framework: Năm 2024: bộ chỉ số áp dụng là dbi-2023-sme-readiness');
    const dated = join(dir, 'per-day.csv');
    writeFileSync(dated, [['id', 'name', 'Ngày đánh giá', ...ids].join(','), row('A', '06/11/2023'), row('B', '2023-11-07'), row('C', 'hôm qua')].join('\n'));
    const d = await runCli(['score', dated, '--format', 'json']);
    expect((JSON.parse(d.out).rows as { id: string }[]).map((x) => x.id)).toEqual(['A']);
    expect(d.err).toContain('line 3 (B): framework: Ngày 07/11/2023: bộ chỉ số áp dụng là dbi-2023-sme-readiness');
    expect(d.err).toContain('line 4 (C): framework: Ngày đánh giá "hôm qua" không phải một ngày');
  });

  it('--year 2024 on a DTI file: the 405 set when the columns are its own, else which set the columns fit', async () => {
    const f922 = getFramework('dti-province-2022');
    const ids = f922.mainIndicators.map((m) => m.name.vi);
    const path = join(dir, 'dti-2024-smart-city.csv');
    writeFileSync(path, `${['Mã tỉnh', 'Tỉnh', ...ids].join(',')}\n${['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 0, 78.47, 61.62, 46.17].join(',')}\n`);
    const r = await runCli(['score', path, '--year', '2024']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('DTI 2024: bộ chỉ số áp dụng là dti-province-2025 (Quyết định 405/QĐ-BKHCN, suy luận), nhưng các cột của tệp khớp bộ dti-province-2022');
    expect(r.err).toContain('dti-province-2025 has no column Đô thị thông minh');
    const plain = join(dir, 'dti-2024.csv');
    writeFileSync(plain, `${['Mã tỉnh', 'Tỉnh', ...ids.filter((n) => n !== 'Đô thị thông minh')].join(',')}\n${['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17].join(',')}\n`);
    const ok = await runCli(['score', plain, '--year', '2024', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).rows[0].result).toMatchObject({ framework: { id: 'dti-province-2025' }, total: 398.49 });
  });

  it('refuses a bad --date, --size, or --year with --date', async () => {
    const path = fileFor(getFramework('dbi-2021-sme'));
    expect((await runCli(['score', path, '--date', '2023-02-30'])).err).toMatch(/--date phải là một ngày/);
    expect((await runCli(['score', path, '--size', 'huge', '--year', '2022'])).err).toMatch(/--size must be sme, large or group/);
    expect((await runCli(['score', path, '--year', '2022', '--date', '2022-01-01'])).code).toBe(2);
    expect(DBI_FRAMEWORKS.length).toBeGreaterThan(0);
  });
});
