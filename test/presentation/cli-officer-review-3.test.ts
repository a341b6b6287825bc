/**
 * Regressions found by running the command line as an officer on the files an office has (a
 * province sheet resubmitted, a values sheet, an enterprise list): each test is one defect, fixed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vndi-officer3-'));
});

/** A CSV as Excel writes it for Vietnam: BOM, `;`, decimal commas, CRLF. */
function excelCsv(name: string, rows: readonly (readonly (string | number)[])[]): string {
  const path = join(dir, name);
  writeFileSync(path, '\uFEFF' + rows.map((r) => r.map((v) => String(v).replace('.', ',')).join(';')).join('\r\n') + '\r\n');
  return path;
}

const DTI_HEADER = ['Mã tỉnh', 'Tên tỉnh', 'Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng', 'Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số'];

describe('the notice of merged spellings', () => {
  it('names each line once under --duplicates last, which reads the file twice', async () => {
    const file = excelCsv('resubmitted.csv', [
      DTI_HEADER,
      ['17', 'Hòa Bình', 60, 55.5, 40.25, 30, 35.15, 100.2, 50.3, 40.45],
      ['22', 'Quảng Ninh', 95.81, 90, 76.48, 62.5, 53.82, 167.7, 88.56, 67.58],
      ['17', 'Hoà Bình'.normalize('NFD'), 62, 56, 41, 31, 36, 101, 51, 41],
    ]);
    for (const rule of ['first', 'last']) {
      const r = await runCli(['score', file, '--framework', 'dti-province-2022', '--duplicates', rule, '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(r.err).toContain('Tên tỉnh "Hoà Bình" (dòng 4)');
      expect(r.err).toContain('Tên tỉnh "Hoà Bình" (lines 4)');
    }
  });
});
