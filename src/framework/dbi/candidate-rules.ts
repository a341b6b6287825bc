/**
 * Level rules that secondary sources give for the large-enterprise sets of Decisions 2158 and 1567,
 * offered as named, sourced, opt-in rules. None is official and none is applied by default: the
 * bundled frameworks give no level until a caller chooses one (reference dbi-2023.md §A.2, §B.2).
 */
import type { Localized } from '../../errors.js';
import { deepFreeze } from '../freeze.js';
import type { DbiLevelRule, FactStatus, Source } from '../schema.js';

/** A level rule a source proposes, with where it comes from and how far to trust it. */
export interface CandidateLevelRule {
  /** Stable id, e.g. `five-levels-25-percent`. */
  readonly id: string;
  readonly name: Localized;
  /** Always `reconstructed`: no official source gives these rules. */
  readonly status: FactStatus;
  readonly sources: readonly Source[];
  /** What the sources say and what is doubtful. */
  readonly note: Localized;
  /** The rule, for `withDbiLevelRule(framework, candidate.rule)`. */
  readonly rule: DbiLevelRule;
}

const DX_OS: Source = { id: 'dx-os', title: '"DX-OS" e-book on GitHub, section 2.2, quoting "QĐ 1567" (its author also writes that the original questionnaire was not at hand)' };
const STUDENT_2158: Source = { id: 'student-2158', title: 'University student project applying the 2158 large-enterprise index to banks (states its own rubric is unofficial)' };
const APP_1567: Source = { id: 'G6', title: 'Unofficial TypeScript app that says it encodes the large-enterprise index of Decision 1567 ("Phụ lục II"; constants: 695 points, level bands)' };

const fiveLevels = (basis: Localized): DbiLevelRule => ({
  kind: 'total-percent-bands',
  status: 'reconstructed',
  basis,
  bands: [
    { level: 1, fromPercent: 0, fromInclusive: true },
    { level: 2, fromPercent: 25, fromInclusive: true },
    { level: 3, fromPercent: 50, fromInclusive: true },
    { level: 4, fromPercent: 75, fromInclusive: true },
    { level: 5, fromPercent: 100, fromInclusive: true },
  ],
});

const FIVE_LEVELS_NAME = { vi: '5 mức, bước 25% (Dẫn dắt chỉ ở 100%)', en: 'Five levels in 25% steps (Dẫn dắt only at 100%)' } as const;

/**
 * Candidate level rules for the large-enterprise index of Decision 1567/QĐ-BKHCN (numbered Phụ lục II by unofficial code only;
 * `dbi-2025-large`). Opt in with `withDbiLevelRule('dbi-2025-large', candidate.rule)`.
 *
 * @example
 * ```ts
 * const five = DBI_2025_CANDIDATE_LEVEL_RULES.find((c) => c.id === 'five-levels-25-percent')!;
 * const large = withDbiLevelRule('dbi-2025-large', five.rule);
 * scoreDbi(large, { answers: { customer: 62.5, strategy: 60, technology: 72.5, operations: 55, culture: 55, data: 42.5 } }).level; // 3 (50%)
 * ```
 */
export const DBI_2025_CANDIDATE_LEVEL_RULES: readonly CandidateLevelRule[] = /* @__PURE__ */ deepFreeze<readonly CandidateLevelRule[]>([
  {
    id: 'five-levels-25-percent',
    name: FIVE_LEVELS_NAME,
    status: 'reconstructed',
    sources: [DX_OS, STUDENT_2158],
    note: {
      vi: 'Hai nguồn thứ cấp độc lập nêu cùng quy tắc: Mức 1 Khởi động < 25%, Mức 2 Bắt đầu 25% – < 50%, Mức 3 Hình thành 50% – < 75%, Mức 4 Nâng cao 75% – < 100%, Mức 5 Dẫn dắt 100% (cận dưới tính vào mức, như các nguồn viết). Là phỏng đoán tốt nhất hiện có, chưa được xác nhận.',
      en: 'Two independent secondary sources give the same rule: Mức 1 Khởi động < 25%, Mức 2 Bắt đầu 25% – < 50%, Mức 3 Hình thành 50% – < 75%, Mức 4 Nâng cao 75% – < 100%, Mức 5 Dẫn dắt 100% (lower bounds inclusive, as the sources write them). The best current guess, unconfirmed.',
    },
    rule: fiveLevels({
      vi: 'Phương án thứ cấp (sách điện tử "DX-OS" trích "QĐ 1567"; đề tài sinh viên trích QĐ 2158); chưa được xác nhận.',
      en: 'Secondary candidate (the "DX-OS" e-book quoting "QĐ 1567"; a student project citing Decision 2158); unconfirmed.',
    }),
  },
  {
    id: 'six-levels-app-bands',
    name: { vi: '6 mức theo dải 10/25/50/75/90% (một ứng dụng)', en: 'Six levels by 10/25/50/75/90% bands (one app)' },
    status: 'reconstructed',
    sources: [APP_1567],
    note: {
      vi: 'Một ứng dụng không chính thức nêu: Mức 0 < 10%, Mức 1 10% – < 25%, Mức 2 25% – < 50%, Mức 3 50% – < 75%, Mức 4 75% – < 90%, Mức 5 ≥ 90%. Mâu thuẫn với phương án 5 mức của hai nguồn khác; các dải có vẻ do người viết ứng dụng tự đặt.',
      en: 'One unofficial app gives: Mức 0 < 10%, Mức 1 10% – < 25%, Mức 2 25% – < 50%, Mức 3 50% – < 75%, Mức 4 75% – < 90%, Mức 5 ≥ 90%. It conflicts with the five-level rule of two other sources; the bands look like the app author\'s own.',
    },
    rule: {
      kind: 'total-percent-bands',
      status: 'reconstructed',
      basis: { vi: 'Một ứng dụng không chính thức cho bộ chỉ số doanh nghiệp lớn của Quyết định 1567; chưa được xác nhận.', en: 'One unofficial app for the large-enterprise index of Decision 1567; unconfirmed.' },
      bands: [
        { level: 0, fromPercent: 0, fromInclusive: true },
        { level: 1, fromPercent: 10, fromInclusive: true },
        { level: 2, fromPercent: 25, fromInclusive: true },
        { level: 3, fromPercent: 50, fromInclusive: true },
        { level: 4, fromPercent: 75, fromInclusive: true },
        { level: 5, fromPercent: 90, fromInclusive: true },
      ],
    },
  },
]);

/**
 * Candidate level rules for the large-enterprise index of Decision 2158/QĐ-BTTTT (Phụ lục 2,
 * `dbi-2023-large`). Opt in with `withDbiLevelRule('dbi-2023-large', candidate.rule)`.
 *
 * @example
 * ```ts
 * const large = withDbiLevelRule('dbi-2023-large', DBI_2023_CANDIDATE_LEVEL_RULES[0]!.rule);
 * scoreDbi(large, { answers: { customer: 125, strategy: 120, technology: 145, operations: 110, culture: 110, data: 85 } }).level; // 5 (100%)
 * ```
 */
export const DBI_2023_CANDIDATE_LEVEL_RULES: readonly CandidateLevelRule[] = /* @__PURE__ */ deepFreeze<readonly CandidateLevelRule[]>([
  {
    id: 'five-levels-25-percent',
    name: FIVE_LEVELS_NAME,
    status: 'reconstructed',
    sources: [STUDENT_2158],
    note: {
      vi: 'Một đề tài sinh viên trích QĐ 2158 áp các mức Mức 1 Khởi động … Mức 5 Dẫn dắt cho điểm 0–100: 0–< 25 / 25–< 50 / 50–< 75 / 75–< 100 / 100. Các dải có thể do đề tài tự chọn.',
      en: 'A student project citing Decision 2158 applies Mức 1 Khởi động … Mức 5 Dẫn dắt to a 0–100 score: 0–< 25 / 25–< 50 / 50–< 75 / 75–< 100 / 100. The bands may be the project\'s own choice.',
    },
    rule: fiveLevels({
      vi: 'Phương án thứ cấp (đề tài sinh viên trích QĐ 2158); chưa được xác nhận.',
      en: 'Secondary candidate (a student project citing Decision 2158); unconfirmed.',
    }),
  },
]);
