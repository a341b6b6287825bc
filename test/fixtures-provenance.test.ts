/**
 * No bundled fixture shows an illustrative figure under a real province's name (issue #11). Every
 * row that a real unit's name or code identifies must hold exactly the figures published for it, as
 * listed below from ../shared/reference (typed in here independently of fixtures/generate.ts), and
 * cite its source; every other row is marked `illustrative` and names a clearly fictional unit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProvince } from '../src/index.js';
import { readRows, cellValue } from '../src/presentation/io/rows.js';

const root = join(__dirname, '..', 'fixtures');

/** Published figures, by unit and year, with where the reference gives them. */
const PUBLISHED: Record<string, { year: number; points?: Record<string, number>; values?: Record<string, number>; citation: RegExp }> = {
  // Not itself listed in ../shared/reference: the project's issue #2 gives these as Đắk Lắk's DTI 2021
  // points quoted in its own plan; provinces.md cites that plan ("a provincial plan") for its
  // regional rank 2/5 in Tây Nguyên.
  'Đắk Lắk': {
    year: 2021,
    points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 },
    citation: /Đắk Lắk provincial plan/,
  },
  // dti-province.md §2.3: Quảng Ninh 2022, official dti.gov.vn main-indicator values
  'Quảng Ninh': {
    year: 2022,
    values: { awareness: 0.9581, institutions: 0.9, infrastructure: 0.7648, humanResources: 0.625, cybersecurity: 0.5382, digitalGovernment: 0.8385, digitalEconomy: 0.5904, digitalSociety: 0.4505 },
    citation: /dti\.gov\.vn\/xep-hang-2022/,
  },
};

const ILLUSTRATIVE = new Set(['illustrative', 'minh họa']);
const FICTIONAL_NAME = /^(Tỉnh Minh Họa( Mới)? \d{2}|Doanh nghiệp mẫu \d+|(Tổng công ty|Công ty) mẫu [A-Z])$/;

interface Row { id?: unknown; name?: unknown; source?: unknown; year?: unknown; points?: Record<string, number>; values?: Record<string, number> }

/** Every object in a JSON document that names something (`name`), with the file's own source. */
function namedObjects(doc: unknown, inherited?: unknown): { row: Row; source: unknown }[] {
  if (Array.isArray(doc)) return doc.flatMap((d) => namedObjects(d, inherited));
  if (typeof doc !== 'object' || doc === null) return [];
  const o = doc as Record<string, unknown>;
  const source = o.source ?? inherited;
  const own = typeof o.name === 'string' ? [{ row: o as Row, source }] : [];
  return [...own, ...Object.values(o).flatMap((v) => namedObjects(v, source))];
}

function realUnit(row: Row) {
  const byName = typeof row.name === 'string' ? findProvince(row.name) : undefined;
  const byId = typeof row.id === 'string' && /^\d{1,2}$/.test(row.id) ? findProvince(row.id) : undefined;
  return byName ?? byId;
}

function checkRow(row: Row, source: unknown, where: string) {
  const real = realUnit(row);
  if (real) {
    const published = PUBLISHED[real.name];
    expect(published, `${where}: ${String(row.name)} is a real unit with no published figures listed`).toBeDefined();
    expect(ILLUSTRATIVE.has(String(source)), `${where}: ${real.name} marked illustrative`).toBe(false);
    expect(String(source)).toMatch(published!.citation);
    expect(row.name).toBe(real.name);
    expect(row.id).toBe(real.code);
    if (row.year !== undefined) expect(row.year).toBe(published!.year);
    expect(row.points, `${where}: ${real.name} points`).toEqual(published!.points);
    expect(row.values, `${where}: ${real.name} values`).toEqual(published!.values);
  } else {
    expect(ILLUSTRATIVE.has(String(source)), `${where}: ${String(row.name)} must be marked illustrative`).toBe(true);
    expect(String(row.name), where).toMatch(FICTIONAL_NAME);
  }
}

describe('fixtures: no illustrative figure under a real name', () => {
  const files = readdirSync(root).filter((f) => f.endsWith('.json') || f.endsWith('.csv'));

  it('covers every fixture file', () => {
    expect(files.sort()).toEqual([
      'dbi-large.json', 'dbi-sme-daklak.json', 'dti-2021-excel.csv', 'dti-2021.json', 'dti-2022.json', 'dti-2024.json',
      'merger-2025-illustrative.json', 'registered-smes-daklak.json',
    ]);
  });

  it.each(files.filter((f) => f.endsWith('.json')))('%s', (file) => {
    const doc = JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown;
    const named = namedObjects(doc);
    if (file === 'registered-smes-daklak.json') {
      expect((doc as { source: string }).source).toBe('illustrative'); // real district names, illustrative counts
      return;
    }
    expect(named.length).toBeGreaterThan(0);
    for (const { row, source } of named) checkRow(row, source, file);
  });

  it('dti-2021-excel.csv', () => {
    const rows = readRows(readFileSync(join(root, 'dti-2021-excel.csv'), 'utf8'), 'dti-2021-excel.csv');
    const keys: Record<string, string> = {
      'Nhận thức số': 'awareness', 'Thể chế số': 'institutions', 'Hạ tầng số': 'infrastructure', 'Nhân lực số': 'humanResources',
      'An toàn thông tin mạng': 'cybersecurity', 'Hoạt động chính quyền số': 'digitalGovernment', 'Hoạt động kinh tế số': 'digitalEconomy',
      'Hoạt động xã hội số': 'digitalSociety',
    };
    expect(rows.length).toBe(2);
    for (const r of rows) {
      const points = Object.fromEntries(Object.entries(r.cells).map(([h, v]) => [keys[h]!, Number(cellValue(v))]));
      checkRow({ id: r.id, name: r.meta.name, points }, r.meta.source, 'dti-2021-excel.csv');
    }
  });

  it('the checks catch an illustrative figure under a real name', () => {
    expect(() => checkRow({ id: '01', name: 'Hà Nội', points: { awareness: 25.9 } }, 'illustrative', 'probe')).toThrow();
    expect(() => checkRow({ id: 'MH01', name: 'Hoà Bình', values: { awareness: 0.5 } }, 'illustrative', 'probe')).toThrow();
    expect(() => checkRow({ id: '66', name: 'Tỉnh Minh Họa 05', points: { awareness: 1 } }, 'illustrative', 'probe')).toThrow();
    const altered = { ...PUBLISHED['Quảng Ninh']!.values, awareness: 0.9582 };
    expect(() => checkRow({ id: '22', name: 'Quảng Ninh', year: 2022, values: altered }, 'https://dti.gov.vn/xep-hang-2022', 'probe')).toThrow();
    expect(() => checkRow({ id: 'MH01', name: 'Tỉnh Minh Họa 01', points: {} }, 'https://dti.gov.vn', 'probe')).toThrow();
  });
});

describe('fixtures/generate.ts', () => {
  it('regenerates the committed files byte for byte (deterministic)', () => {
    const out = mkdtempSync(join(tmpdir(), 'vndi-fixtures-'));
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'generate.ts')], { env: { ...process.env, FIXTURES_OUT: out }, stdio: 'pipe' });
    const written = readdirSync(out).sort();
    expect(written).toEqual(readdirSync(root).filter((f) => f.endsWith('.json') || f.endsWith('.csv')).sort());
    for (const f of written) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(root, f), 'utf8'));
  }, 60_000);
});
