// The rows of the command-line benchmarks, generated deterministically: a row-number column (STT),
// an enterprise id and name, a district, and the 60 criteria of dbi-2021-sme (0–5; 2.1.1 in steps of 5).
import { criterionOrder } from '../dist/index.js';

export const DBI_ORDER = criterionOrder('dbi-2021-sme');
/** The header, as an office writes it. */
export const DBI_HEADER = ['STT', 'Mã DN', 'Tên doanh nghiệp', 'Huyện', ...DBI_ORDER];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` rows: [STT, id, name, district, ...criteria], numbers as numbers. */
export function* dbiRows(n) {
  const strategy = DBI_ORDER.indexOf('2.1.1');
  const rand = rng(11);
  for (let r = 0; r < n; r++) {
    const m = rand();
    const row = [r + 1, `DN${String(r + 1).padStart(7, '0')}`, `Doanh nghiệp ${r + 1}`, `Huyện ${(r * 7919) % 15}`];
    for (let c = 0; c < DBI_ORDER.length; c++) {
      const v = Math.min(5, Math.max(0, Math.round((m + (rand() - 0.5) * 0.6) * 5)));
      row.push(c === strategy ? v * 5 : v);
    }
    yield row;
  }
}
