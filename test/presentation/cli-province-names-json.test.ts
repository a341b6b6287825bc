/**
 * A province list by names only (no id) in JSON and NDJSON rows, as in a CSV or .xlsx without an
 * id column: each row's province is found by `findProvince` from its name (`name`, `Tên tỉnh` …),
 * and `score` and `rank` give exactly what the same list with ids gives. A name that is no province
 * is refused naming the name field and the id (Mã tỉnh) to add; two spellings of one province are
 * one unit (--duplicates); a DBI row without an id is still refused for its missing id.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProvince, scoreDti } from '../../src/index.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vndi-names-json-'));
const KEYS = ['awareness', 'institutions', 'infrastructure', 'humanResources', 'cybersecurity', 'digitalGovernment', 'digitalEconomy', 'digitalSociety'] as const;
// Quảng Ninh's DTI 2022 figures as points (702,45); Đắk Lắk's DTI 2021 points (398,49); Hà Nội fictional
const UNITS = [
  { name: 'Tỉnh Quảng Ninh', points: [95.81, 90, 76.48, 62.5, 53.82, 167.7, 88.56, 67.575] },
  { name: 'Đắk Lắk', points: [74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17] },
  { name: 'TP. Hà Nội', points: [80, 70, 65, 50, 55, 150, 90, 80] },
];
const pointsOf = (p: readonly number[]) => Object.fromEntries(KEYS.map((k, i) => [k, p[i]!]));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const json = (out: string) => JSON.parse(out) as { rows: { id: string; meta: { name: string }; result: { total: number; value: number } }[] };

describe('JSON and NDJSON rows naming provinces without an id', () => {
  const ids = UNITS.map((u) => findProvince(u.name)!.code);
  const forms = {
    'JSON array, points object': () => write('names.json', JSON.stringify(UNITS.map((u) => ({ name: u.name, points: pointsOf(u.points) })))),
    'NDJSON, Vietnamese keys': () => write('names.ndjson', UNITS.map((u) => JSON.stringify({ 'Tên tỉnh': u.name, ...pointsOf(u.points) })).join('\n')),
  };

  for (const [form, file] of Object.entries(forms)) {
    it(`${form}: scored with the ids findProvince gives, as the list with ids is`, async () => {
      const r = await runCli(['score', file(), '--framework', 'dti-province-2022', '--format', 'json']);
      expect(r.code).toBe(0);
      const rows = json(r.out).rows;
      expect(rows.map((x) => x.id)).toEqual(ids);
      expect(ids).toEqual(['22', '66', '01']);
      rows.forEach((x, i) => expect(x.result.total).toBe(scoreDti('dti-province-2022', { points: pointsOf(UNITS[i]!.points) }).total));
      expect(rows[0]!.result.total).toBe(702.45);
      const withIds = write(`ids-${form.length}.json`, JSON.stringify(UNITS.map((u, i) => ({ id: ids[i], name: u.name, points: pointsOf(u.points) }))));
      const same = await runCli(['score', withIds, '--framework', 'dti-province-2022', '--format', 'json']);
      expect(json(same.out).rows.map((x) => [x.id, x.result])).toEqual(rows.map((x) => [x.id, x.result]));
    });

    it(`${form}: ranked by id and name`, async () => {
      const r = await runCli(['rank', file(), '--framework', 'dti-province-2022', '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(r.out.split('\n').slice(0, 4)).toEqual(['rank,id,name,value', '1,22,Tỉnh Quảng Ninh,0.7024', '2,01,TP. Hà Nội,0.64', '3,66,Đắk Lắk,0.3985']);
    });
  }

  it('a name that is no province: that row refused naming the name and the id to add (Mã tỉnh), the others scored', async () => {
    const file = write('unknown.json', JSON.stringify([{ name: 'Tỉnh Không Có', points: pointsOf(UNITS[0]!.points) }, { name: 'Đắk Lắk', points: pointsOf(UNITS[1]!.points) }]));
    const r = await runCli(['score', file, '--framework', 'dti-province-2022', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 1: name: không nhận ra tỉnh\/thành "Tỉnh Không Có" \(dòng không có "id" \(Mã tỉnh\)[^\n]* \/ no province is named "Tỉnh Không Có" \(the row has no "id" \(Mã tỉnh\), so the unit is identified by name\): correct the name or add an "id"/);
    expect(json(r.out).rows.map((x) => x.id)).toEqual(['66']);
  });

  it('two spellings of one province are one unit: the second refused as a duplicate, or kept with --duplicates last', async () => {
    const file = write('twice.json', JSON.stringify([{ name: 'Hòa Bình', points: pointsOf(UNITS[0]!.points) }, { name: 'Hoà Bình', points: pointsOf(UNITS[1]!.points) }]));
    const r = await runCli(['score', file, '--framework', 'dti-province-2022', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/lines 1 and 2 are one unit/);
    const last = await runCli(['score', file, '--framework', 'dti-province-2022', '--format', 'json', '--duplicates', 'last']);
    expect(last.code).toBe(0);
    expect(json(last.out).rows.map((x) => [x.id, x.result.total])).toEqual([['17', 398.49]]);
  });

  it('a row with an empty id, or a DBI row without one, is still refused for its missing id', async () => {
    const empty = write('empty-id.json', JSON.stringify([{ id: '', name: 'Đắk Lắk', points: pointsOf(UNITS[1]!.points) }]));
    expect((await runCli(['score', empty, '--framework', 'dti-province-2022', '--format', 'json'])).err).toMatch(/line 1: id: [^\n]*Missing required value "id"/);
    const dbi = write('dbi-no-id.json', JSON.stringify([{ name: 'Đắk Lắk', answers: { '1.1.1': 1 } }]));
    expect((await runCli(['score', dbi, '--framework', 'dbi-2021-sme', '--format', 'json'])).err).toMatch(/line 1: id: [^\n]*Missing required value "id"/);
  });
});
