/**
 * Words and numbers as an officer reads them. Tables are built with canonical machine column keys
 * (`id`, `total`, `value`, `rankInGroup`, a pillar id …); the writers turn them into Vietnamese or
 * English headers here, and print decimals with a comma in Vietnamese, as the official tables do
 * (`0,3985`, `398,49`). JSON and NDJSON keep the keys and dot decimals: they are for machines.
 */
import type { Localized } from '../../errors.js';
import type { Framework } from '../../framework/schema.js';

/** The language of officer-facing output. */
export type Lang = 'vi' | 'en';

interface ColumnWord extends Localized {
  /** Fixed decimals of the column's numbers (0–1 values print 4, as published), where fixed. */
  readonly decimals?: number;
}

/** The header of every canonical column key the command line writes. */
const COLUMNS: Readonly<Record<string, ColumnWord>> = {
  id: { vi: 'Mã', en: 'ID' },
  name: { vi: 'Tên', en: 'Name' },
  framework: { vi: 'Bộ chỉ số', en: 'Framework' },
  kind: { vi: 'Loại', en: 'Kind' },
  title: { vi: 'Tên bộ chỉ số', en: 'Title' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  date: { vi: 'Ngày ban hành', en: 'Date' },
  years: { vi: 'Năm áp dụng', en: 'Years' },
  status: { vi: 'Tình trạng', en: 'Status' },
  total: { vi: 'Tổng điểm', en: 'Total points' },
  max: { vi: 'Điểm tối đa', en: 'Maximum' },
  percent: { vi: 'Tỷ lệ (%)', en: 'Percent' },
  value: { vi: 'Giá trị DTI', en: 'DTI value', decimals: 4 },
  level: { vi: 'Mức', en: 'Level' },
  levelName: { vi: 'Tên mức', en: 'Level name' },
  levelNote: { vi: 'Ghi chú mức', en: 'Level note' },
  rank: { vi: 'Xếp hạng', en: 'Rank' },
  group: { vi: 'Nhóm', en: 'Group' },
  region: { vi: 'Vùng', en: 'Region' },
  rankInGroup: { vi: 'Hạng trong nhóm', en: 'Rank in group' },
  rankInRegion: { vi: 'Hạng trong vùng', en: 'Rank in region' },
  change: { vi: 'Thay đổi so với năm trước', en: 'Change from previous year' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  pillar: { vi: 'Trụ cột', en: 'Pillar' },
  from: { vi: 'Từ', en: 'From' },
  to: { vi: 'Lên', en: 'To' },
  gain: { vi: 'Điểm tăng', en: 'Points gained' },
  indicator: { vi: 'Chỉ số chính', en: 'Main indicator' },
  points: { vi: 'Điểm', en: 'Points' },
  headroom: { vi: 'Còn trống', en: 'Headroom' },
  needed: { vi: 'Cần thêm', en: 'Needed' },
  'perPoint.value': { vi: 'DTI tăng mỗi điểm', en: 'DTI value per point', decimals: 4 },
  'perPoint.government': { vi: 'Chính quyền số tăng mỗi điểm', en: 'Digital government value per point', decimals: 4 },
  'perPoint.economy': { vi: 'Kinh tế số tăng mỗi điểm', en: 'Digital economy value per point', decimals: 4 },
  'perPoint.society': { vi: 'Xã hội số tăng mỗi điểm', en: 'Digital society value per point', decimals: 4 },
  // differences of 0–1 values: 4 decimals like the values (a column printed 0,2667 beside 0,231 and 0)
  gapToAverage: { vi: 'Khoảng cách tới trung bình', en: 'Gap to average', decimals: 4 },
  gapToRegionalLeader: { vi: 'Khoảng cách tới dẫn đầu vùng', en: 'Gap to regional leader', decimals: 4 },
  gapToLeader: { vi: 'Khoảng cách tới dẫn đầu', en: 'Gap to leader', decimals: 4 },
  count: { vi: 'Số doanh nghiệp', en: 'Enterprises' },
  mean: { vi: 'Trung bình', en: 'Mean' },
  median: { vi: 'Trung vị', en: 'Median' },
  q1: { vi: 'Tứ phân vị 1', en: 'Lower quartile' },
  q3: { vi: 'Tứ phân vị 3', en: 'Upper quartile' },
  min: { vi: 'Nhỏ nhất', en: 'Minimum' },
  registered: { vi: 'Số đăng ký', en: 'Registered' },
  coverage: { vi: 'Tỷ lệ đánh giá', en: 'Coverage', decimals: 4 },
  // coverage as the reports print it: a percentage with 2 decimals (share × 100)
  coveragePercent: { vi: 'Tỷ lệ đánh giá (%)', en: 'Coverage (%)', decimals: 2 },
  shortfall: { vi: 'Còn thiếu', en: 'Shortfall' },
  source: { vi: 'Nguồn số liệu', en: 'Data source' },
  line: { vi: 'Dòng', en: 'Line' },
  field: { vi: 'Trường', en: 'Field' },
  reason: { vi: 'Lý do', en: 'Reason' },
  // DTI pillars, with the values' 4 decimals (a framework's own names take precedence, see frameworkLabels)
  government: { vi: 'Chính quyền số', en: 'Digital government', decimals: 4 },
  economy: { vi: 'Kinh tế số', en: 'Digital economy', decimals: 4 },
  society: { vi: 'Xã hội số', en: 'Digital society', decimals: 4 },
};

/** Words that appear in cells (group keys, statuses, kinds). */
const TERMS: Readonly<Record<string, Localized>> = {
  all: { vi: 'Tất cả', en: 'All' },
  none: { vi: 'chưa xếp mức', en: 'no level' },
  official: { vi: 'chính thức', en: 'official' },
  reconstructed: { vi: 'tái lập', en: 'reconstructed' },
  confirmed: { vi: 'đã xác nhận', en: 'confirmed' },
  'not-found': { vi: 'chưa tìm thấy', en: 'not found' },
  illustrative: { vi: 'minh họa', en: 'illustrative' },
  dti: { vi: 'DTI (cấp tỉnh)', en: 'DTI (provincial)' },
  dbi: { vi: 'DBI (doanh nghiệp)', en: 'DBI (enterprise)' },
  new: { vi: 'mới', en: 'new' },
  missing: { vi: 'thiếu', en: 'missing' },
};

/**
 * A word of the output in one language: a column key (`rank`, `coverage` …) or a cell term (`all`,
 * `none`, `official`, `reconstructed`, `illustrative` …). An unknown word is returned unchanged.
 *
 * @example
 * ```ts
 * term('all', 'vi'); // 'Tất cả'
 * term('reconstructed', 'en'); // 'reconstructed'
 * ```
 */
export function term(word: string, lang: Lang): string {
  return (own(TERMS, word) ?? own(COLUMNS, word))?.[lang] ?? word;
}

/** A table's entry by own key only: an id `constructor` or `__proto__` (a framework file's) is not Object's. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Column labels taken from a framework: its pillar names (for the pillar id and `<pillar>.level`),
 * its main-indicator names, so that a header reads `Vận hành`, not `operations`.
 *
 * @example
 * ```ts
 * frameworkLabels(getFramework('dbi-2021-sme'))['operations'].vi; // 'Vận hành'
 * ```
 */
export function frameworkLabels(framework: Framework): Record<string, Localized> {
  const labels: Record<string, Localized> = {};
  for (const p of framework.pillars) {
    labels[p.id] = { vi: p.name.vi, en: p.name.en };
    labels[`${p.id}.level`] = { vi: `Mức ${p.name.vi}`, en: `${p.name.en} level` };
    labels[`${p.id}.percent`] = { vi: `${p.name.vi} (%)`, en: `${p.name.en} (%)` };
  }
  if (framework.kind === 'dti') for (const m of framework.mainIndicators) labels[m.id] = { vi: m.name.vi, en: m.name.en };
  return labels;
}

/**
 * Turns canonical column keys into headers in one language. `labels` (e.g. {@link frameworkLabels})
 * come first, then the built-in dictionary; `level N` becomes `Mức N`; an unknown key is kept.
 *
 * @example
 * ```ts
 * localizeHeaders(['rank', 'id', 'value', 'level 3'], 'vi'); // ['Xếp hạng', 'Mã', 'Giá trị DTI', 'Mức 3']
 * localizeHeaders(['operations'], 'vi', frameworkLabels(getFramework('dbi-2021-sme'))); // ['Vận hành']
 * ```
 */
export function localizeHeaders(keys: readonly string[], lang: Lang, labels: Readonly<Record<string, Localized>> = {}): string[] {
  return keys.map((key) => {
    const word = own(labels, key) ?? own(COLUMNS, key);
    if (word) return word[lang];
    const level = /^level (\S+)$/.exec(key);
    if (level) return level[1] === 'none' ? (lang === 'vi' ? 'Chưa xếp mức' : 'No level') : `${lang === 'vi' ? 'Mức' : 'Level'} ${level[1]}`;
    return key;
  });
}

/**
 * Fixed decimals of a column's numbers, where the column is a 0–1 value (printed with 4 decimals as
 * published); `undefined` where numbers print as they are.
 *
 * @example
 * ```ts
 * columnDecimals('value'); // 4
 * columnDecimals('total'); // undefined
 * ```
 */
export function columnDecimals(key: string): number | undefined {
  return own(COLUMNS, key)?.decimals;
}

/** A finite number in plain positional notation (no exponent), `decimals` fixed when given. */
function plain(n: number, decimals?: number): string {
  if (decimals !== undefined) return n.toFixed(decimals);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // 1e-7 or 1e21: write the digits out, trimming the zeros toFixed pads
  return Math.abs(n) < 1 ? n.toFixed(20).replace(/\.?0+$/, '') : BigInt(Math.round(n)).toString();
}

/**
 * A number as an officer reads it: a decimal comma in Vietnamese (`0,3985`), a dot in English, no
 * thousands separator (it would read as a decimal point in the other language), and `decimals`
 * fixed where the column has them.
 *
 * @example
 * ```ts
 * formatNumber(398.49, 'vi'); // '398,49'
 * formatNumber(0.4, 'vi', 4); // '0,4000'
 * formatNumber(0.3985, 'en'); // '0.3985'
 * ```
 */
export function formatNumber(n: number, lang: Lang, decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = plain(n, decimals);
  return lang === 'vi' ? s.replace('.', ',') : s;
}
