/**
 * The one table of "which decision applies when": every decision the library knows, the day it
 * applies from and the day it was replaced, the kinds and sizes it covers, and which bundled set
 * encodes each size (or why none does). `frameworkForYear`, `frameworkInForce`, each bundled
 * framework's `years`, the command line's `--year` / `--date` and `Năm` column, and the table in
 * docs/methodology.md all read from it; nothing else states these dates.
 *
 * Every dated or year fact carries its evidence as the reference labels it (`../shared/reference/`:
 * confirmed, inferred, secondary, not found) and, where a reference line states it, the file and a
 * quotation of that line, so that a test can check the label against the reference.
 *
 * No framework data is imported here (the framework files read their `years` from this table), and
 * the DTI and DBI rows are separate constants, so that a DTI-only bundle leaves the DBI rows out.
 */
import type { Localized } from '../errors.js';
import { deepFreeze } from './freeze.js';

/** How well a fact is established, in the reference's words. */
export type Evidence = 'confirmed' | 'inferred' | 'secondary' | 'not-found';

/** Where the reference states a fact: its file in `../shared/reference/` and words of that line. */
export interface ReferenceQuote {
  readonly file: 'dti-province.md' | 'dbi-2021.md' | 'dbi-2023.md' | 'provinces.md';
  /** Words of the reference line, followed on that line by the fact's label (`[C]`, `[I]`, `CONFIRMED` …). */
  readonly quote: string;
}

/** A fact with its evidence, and the reference line that states it where one does. */
export interface Evidenced {
  readonly evidence: Evidence;
  /** The reference line, or `null` where the fact is the library's own reading (then never `confirmed`). */
  readonly reference: ReferenceQuote | null;
  /** What the fact rests on, in both languages. */
  readonly note: Localized;
}

/** The sizes a decision's sets cover: `province` for the DTI, enterprise sizes for the DBI. */
export type DecisionSize = 'province' | 'sme' | 'large' | 'group';

/** Why a decision has no bundled set for a size. */
export type NotEncodedReason = 'content-not-found' | 'no-set-for-size';

/** One size of a decision: the bundled set that encodes it, or why there is none. */
export interface DecisionSet {
  readonly size: DecisionSize;
  /** The id of the bundled framework, or `null`. */
  readonly framework: string | null;
  /** Where `framework` is `null`: why, in both languages, with what to do. */
  readonly notEncoded: { readonly why: NotEncodedReason; readonly reason: Localized; readonly remedy: Localized; readonly basis: Evidenced } | null;
}

/** An assessment year scored under a decision (DTI: the DTI of year N is assessed in N + 1). */
export interface AssessmentYear extends Evidenced {
  readonly year: number;
}

/** One decision of the table. */
export interface DecisionRecord {
  readonly kind: 'dti' | 'dbi';
  /** e.g. `1970/QĐ-BTTTT`. */
  readonly decision: string;
  readonly issuer: Localized;
  /** Date of signature, ISO `YYYY-MM-DD`. */
  readonly signed: string;
  /** The first day it applies, ISO; with what says so. */
  readonly inForceFrom: string;
  readonly inForceBasis: Evidenced;
  /** The first day the next decision applies (this one no longer does), or `null` while none is known. */
  readonly replacedOn: string | null;
  readonly replacedBy: string | null;
  /** What says it was replaced, where it was. */
  readonly replacementBasis: Evidenced | null;
  /** DTI: the assessment years scored under it. DBI: empty (a DBI assessment is dated by its day). */
  readonly assessmentYears: readonly AssessmentYear[];
  /** Each size it covers, in a fixed order (DTI: `province`; DBI: `sme`, `large`, `group`). */
  readonly sets: readonly DecisionSet[];
}

const MIC: Localized = { vi: 'Bộ Thông tin và Truyền thông', en: 'Ministry of Information and Communications' };
const MOST: Localized = { vi: 'Bộ Khoa học và Công nghệ', en: 'Ministry of Science and Technology' };

/** "Applies from its signature": the library's reading where no source gives the effective date. */
const fromSignature = (decision: string): Evidenced => ({
  evidence: 'inferred',
  reference: null,
  note: {
    vi: `Nguồn đã đọc không nêu ngày hiệu lực của Quyết định ${decision}; thư viện coi quyết định áp dụng từ ngày ký.`,
    en: `No source read gives the effective date of Decision ${decision}; the library takes it to apply from its signature.`,
  },
});

const frameworkFileRemedy = (what: Localized): Localized => ({
  vi: `Mã hóa ${what.vi} theo bản chính thức của tỉnh thành một tệp bộ chỉ số (vndi framework template) và chấm bằng --framework-file (API: defineFramework).`,
  en: `Encode ${what.en} from the province's official copy as a framework file (vndi framework template) and score with --framework-file (API: defineFramework).`,
});

/**
 * The provincial DTI decisions, oldest first. A DTI year is an assessment year: DTI N is assessed
 * and published in N + 1 under the set then in force, so each decision lists the years it scored.
 */
export const DTI_DECISIONS: readonly DecisionRecord[] = /* @__PURE__ */ (() => deepFreeze([
  {
    kind: 'dti',
    decision: '1726/QĐ-BTTTT',
    issuer: MIC,
    signed: '2020-10-12',
    inForceFrom: '2020-10-12',
    inForceBasis: fromSignature('1726/QĐ-BTTTT'),
    replacedOn: '2022-05-20',
    replacedBy: '922/QĐ-BTTTT',
    replacementBasis: {
      evidence: 'confirmed',
      reference: { file: 'dti-province.md', quote: 'DTI 2021 (published 8/8/2022), DTI 2022 (published 12/7/2023), DTI 2023' },
      note: { vi: 'DTI 2021 trở đi được chấm theo Quyết định 922.', en: 'DTI 2021 onwards was scored under Decision 922.' },
    },
    assessmentYears: [
      {
        year: 2020, evidence: 'confirmed',
        reference: { file: 'dti-province.md', quote: 'DTI 2020 (results published 19/10/2021)' },
        note: { vi: 'DTI 2020 được chấm theo Quyết định 1726 (công bố 19/10/2021).', en: 'DTI 2020 was scored under Decision 1726 (published 19/10/2021).' },
      },
    ],
    sets: [{ size: 'province', framework: 'dti-province-2020', notEncoded: null }],
  },
  {
    kind: 'dti',
    decision: '922/QĐ-BTTTT',
    issuer: MIC,
    signed: '2022-05-20',
    inForceFrom: '2022-05-20',
    inForceBasis: fromSignature('922/QĐ-BTTTT'),
    replacedOn: '2025-04-03',
    replacedBy: '405/QĐ-BKHCN',
    replacementBasis: {
      evidence: 'inferred',
      reference: { file: 'dti-province.md', quote: '[I]** That DTI 2024 was scored under 405' },
      note: { vi: 'DTI 2024 được chấm theo Quyết định 405: suy luận từ số lượng chỉ số khớp nhau.', en: 'DTI 2024 was scored under Decision 405: inferred from matching structure counts.' },
    },
    assessmentYears: [
      {
        year: 2021, evidence: 'inferred',
        reference: { file: 'dti-province.md', quote: '2021 and 2023 are [I]' },
        note: {
          vi: 'DTI 2021 dùng cấu trúc 9 chỉ số chính, 98 chỉ số thành phần của Quyết định 922 (đã xác nhận); công thức chỉ được kiểm chứng bằng số liệu năm 2022, nên việc áp dụng cho DTI 2021 là suy luận.',
          en: 'DTI 2021 used the 9 main indicators and 98 components of Decision 922 (confirmed); the formula was checked on 2022 figures only, so its use for DTI 2021 is inferred.',
        },
      },
      {
        year: 2022, evidence: 'confirmed',
        reference: { file: 'dti-province.md', quote: 'Formula reconstructed and **verified to 4 decimals** [C-calc]' },
        note: { vi: 'Công thức được kiểm chứng đến 4 chữ số thập phân trên số liệu DTI 2022 đã công bố.', en: 'The formula was verified to 4 decimals on published DTI 2022 figures.' },
      },
      {
        year: 2023, evidence: 'inferred',
        reference: { file: 'dti-province.md', quote: '2021 and 2023 are [I]' },
        note: {
          vi: 'DTI 2023 được tổng hợp từ 98 chỉ số thành phần (đã xác nhận); công thức chỉ được kiểm chứng bằng số liệu năm 2022, nên việc áp dụng cho DTI 2023 là suy luận.',
          en: 'DTI 2023 was compiled from 98 components (confirmed); the formula was checked on 2022 figures only, so its use for DTI 2023 is inferred.',
        },
      },
    ],
    sets: [{ size: 'province', framework: 'dti-province-2022', notEncoded: null }],
  },
  {
    kind: 'dti',
    decision: '405/QĐ-BKHCN',
    issuer: MOST,
    signed: '2025-04-03',
    inForceFrom: '2025-04-03',
    inForceBasis: fromSignature('405/QĐ-BKHCN'),
    replacedOn: null,
    replacedBy: null,
    replacementBasis: null,
    assessmentYears: [
      {
        year: 2024, evidence: 'inferred',
        reference: { file: 'dti-province.md', quote: '[I]** That DTI 2024 was scored under 405' },
        note: {
          vi: 'DTI 2024 được chấm theo Quyết định 405: suy luận từ số lượng khớp nhau (8 chỉ số chính, 47 chỉ số thành phần), không phải một câu nói rõ trong nguồn. Chưa nguồn nào cho biết DTI 2025 dùng bộ chỉ số nào.',
          en: 'DTI 2024 was scored under Decision 405: inferred from matching counts (8 main indicators, 47 components), not stated in a source. No source says which set DTI 2025 uses.',
        },
      },
    ],
    sets: [{ size: 'province', framework: 'dti-province-2025', notEncoded: null }],
  },
] satisfies DecisionRecord[]))();

const dbi1567SmeNotFound = (): DecisionSet['notEncoded'] => ({
  why: 'content-not-found',
  reason: {
    vi: 'Bộ tiêu chí cho doanh nghiệp nhỏ và vừa của Quyết định 1567/QĐ-BKHCN (bảng hỏi chung và theo ngành) chưa được mã hóa: nội dung chính thức chưa tìm thấy trong nguồn công khai nào đã đọc.',
    en: 'The SME criteria set of Decision 1567/QĐ-BKHCN (a common and a sector questionnaire) is not encoded: its official content was not found in any public source read.',
  },
  remedy: frameworkFileRemedy({ vi: 'bộ tiêu chí doanh nghiệp nhỏ và vừa của Quyết định 1567', en: 'the SME criteria set of Decision 1567' }),
  basis: {
    evidence: 'not-found',
    reference: { file: 'dbi-2023.md', quote: 'SME set (exact official content NOT FOUND' },
    note: { vi: 'Nội dung chính thức của bộ tiêu chí doanh nghiệp nhỏ và vừa chưa tìm thấy.', en: 'The official content of the SME criteria set was not found.' },
  },
});

const noGroupSet = (decision: string, sets: Localized, reference: ReferenceQuote): DecisionSet['notEncoded'] => ({
  why: 'no-set-for-size',
  reason: {
    vi: `Quyết định ${decision} có ${sets.vi}; không có bộ riêng cho tập đoàn, tổng công ty.`,
    en: `Decision ${decision} has ${sets.en}; none for groups and corporations.`,
  },
  remedy: {
    vi: 'Chấm tập đoàn bằng bộ chỉ số doanh nghiệp lớn nếu tỉnh quyết định như vậy (--framework), hoặc bằng tệp bộ chỉ số của tỉnh (--framework-file).',
    en: 'Score a group with the large-enterprise set if the province so decides (--framework), or with the province\'s own framework file (--framework-file).',
  },
  basis: { evidence: 'confirmed', reference, note: { vi: `Quyết định ${decision} có ${sets.vi}.`, en: `Decision ${decision} has ${sets.en}.` } },
});

/** The DBI decisions, oldest first. Each replaced the previous one as a whole. */
export const DBI_DECISIONS: readonly DecisionRecord[] = /* @__PURE__ */ (() => deepFreeze([
  {
    kind: 'dbi',
    decision: '1970/QĐ-BTTTT',
    issuer: MIC,
    signed: '2021-12-13',
    inForceFrom: '2021-12-13',
    inForceBasis: fromSignature('1970/QĐ-BTTTT'),
    replacedOn: '2023-11-07',
    replacedBy: '2158/QĐ-BTTTT',
    replacementBasis: {
      evidence: 'confirmed',
      reference: { file: 'dbi-2023.md', quote: '2158 replaces 1970 | Yes' },
      note: { vi: 'Quyết định 2158/QĐ-BTTTT (07/11/2023) thay thế Quyết định 1970.', en: 'Decision 2158/QĐ-BTTTT (07/11/2023) replaced Decision 1970.' },
    },
    assessmentYears: [],
    sets: [
      { size: 'sme', framework: 'dbi-2021-sme', notEncoded: null },
      { size: 'large', framework: 'dbi-2021-large', notEncoded: null },
      { size: 'group', framework: 'dbi-2021-group', notEncoded: null },
    ],
  },
  {
    kind: 'dbi',
    decision: '2158/QĐ-BTTTT',
    issuer: MIC,
    signed: '2023-11-07',
    inForceFrom: '2023-11-07',
    inForceBasis: fromSignature('2158/QĐ-BTTTT'),
    replacedOn: '2025-06-30',
    replacedBy: '1567/QĐ-BKHCN',
    replacementBasis: {
      evidence: 'confirmed',
      reference: { file: 'dbi-2023.md', quote: 'it replaces the 11/2023 Đề án' },
      note: { vi: 'Quyết định 1567/QĐ-BKHCN (30/06/2025) thay thế Đề án tháng 11/2023.', en: 'Decision 1567/QĐ-BKHCN (30/06/2025) replaced the 11/2023 scheme.' },
    },
    assessmentYears: [],
    sets: [
      { size: 'sme', framework: 'dbi-2023-sme-readiness', notEncoded: null },
      { size: 'large', framework: 'dbi-2023-large', notEncoded: null },
      {
        size: 'group', framework: null,
        notEncoded: noGroupSet('2158/QĐ-BTTTT',
          { vi: 'hai bộ chỉ số thành phần (doanh nghiệp nhỏ và vừa; doanh nghiệp lớn)', en: 'two component sets (SMEs; large enterprises)' },
          { file: 'dbi-2023.md', quote: '"Bộ chỉ số DBI gồm 02 Bộ chỉ số thành phần' }),
      },
    ],
  },
  {
    kind: 'dbi',
    decision: '1567/QĐ-BKHCN',
    issuer: MOST,
    signed: '2025-06-30',
    inForceFrom: '2025-06-30',
    inForceBasis: {
      evidence: 'confirmed',
      reference: { file: 'dbi-2023.md', quote: 'Dated 30/06/2025, effective 30/06/2025' },
      note: { vi: 'Ký và có hiệu lực ngày 30/06/2025.', en: 'Signed and effective on 30/06/2025.' },
    },
    replacedOn: null,
    replacedBy: null,
    replacementBasis: null,
    assessmentYears: [],
    sets: [
      { size: 'sme', framework: null, notEncoded: dbi1567SmeNotFound() },
      { size: 'large', framework: 'dbi-2025-large', notEncoded: null },
      {
        size: 'group', framework: null,
        notEncoded: noGroupSet('1567/QĐ-BKHCN',
          { vi: 'hai phần (bộ tiêu chí cho doanh nghiệp nhỏ và vừa; bộ chỉ số cho doanh nghiệp lớn)', en: 'two parts (an SME criteria set; a large-enterprise index)' },
          { file: 'dbi-2023.md', quote: 'comprising an SME criteria set and a large-enterprise index' }),
      },
    ],
  },
] satisfies DecisionRecord[]))();

/** The decisions of a kind, oldest first. */
export function decisionsOf(kind: 'dti' | 'dbi'): readonly DecisionRecord[] {
  return kind === 'dti' ? DTI_DECISIONS : DBI_DECISIONS;
}

/** The day before an ISO date (the last day of a decision replaced on `iso`). */
export function dayBefore(iso: string): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The years a bundled DTI framework is used for, read from the table: the assessment years its
 * decision scored.
 */
export function dtiFrameworkYears(frameworkId: string): number[] {
  const d = DTI_DECISIONS.find((x) => x.sets.some((s) => s.framework === frameworkId));
  if (!d) throw new Error(`decisions table: no DTI decision encodes ${frameworkId}`);
  return d.assessmentYears.map((y) => y.year);
}

/**
 * The years a bundled DBI framework is used for, read from the table: each calendar year in which
 * its decision applied on at least one day, up to its replacement. The latest decision (not
 * replaced as far as the sources go) lists only the year it began; `frameworkForYear` answers it
 * for later years with the evidence `inferred`.
 */
export function dbiFrameworkYears(frameworkId: string): number[] {
  const d = DBI_DECISIONS.find((x) => x.sets.some((s) => s.framework === frameworkId));
  if (!d) throw new Error(`decisions table: no DBI decision encodes ${frameworkId}`);
  const first = Number(d.inForceFrom.slice(0, 4));
  const last = d.replacedOn === null ? first : Number(dayBefore(d.replacedOn).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
