/** The catalog of every bundled framework, DTI and DBI. */
import { readGuarded, readOnce } from '../assessment/snapshot.js';
import { obj, oneOf, optional, parse } from '../assessment/check.js';
import { ValidationError, makeIssue, type Localized } from '../errors.js';
import { DBI_FRAMEWORKS } from './dbi/index.js';
import { DTI_FRAMEWORKS } from './dti/index.js';
import type { BundledFramework, FrameworkId } from './ids.js';
import type { DbiFramework, DtiFramework, Framework, FrameworkStatus, LegalBasis } from './schema.js';
import { DBI_DECISIONS, DTI_DECISIONS, dayBefore, decisionsOf, type DecisionRecord, type DecisionSize, type Evidence } from './decisions.js';
import { deepFreeze } from './freeze.js';

/** One line of the catalog. */
export interface FrameworkSummary {
  readonly id: string;
  readonly kind: 'dti' | 'dbi';
  readonly title: Framework['title'];
  readonly shortTitle: Framework['shortTitle'];
  readonly legalBasis: LegalBasis;
  readonly years: readonly number[];
  readonly status: FrameworkStatus;
  /** Whether scoring gives a maturity level (DBI) or a value (always, for DTI). */
  readonly givesLevel: boolean;
}

const listFilterCheck = /* @__PURE__ */ obj({ kind: optional(oneOf(['dti', 'dbi'] as const)) });

/**
 * Lists every bundled framework: id, titles, legal basis, years and status.
 *
 * @example
 * ```ts
 * for (const f of listFrameworks()) console.log(f.id, f.legalBasis.decision, f.status);
 * // dti-province-2020 1726/QĐ-BTTTT official …
 * ```
 */
export function listFrameworks(filter: { kind?: 'dti' | 'dbi' } = {}): FrameworkSummary[] {
  filter = readOnce(filter, ['filter']);
  parse(listFilterCheck, filter, ['filter']);
  const all: Framework[] = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS];
  return all
    .filter((f) => filter.kind === undefined || f.kind === filter.kind)
    .map((f) => ({
      id: f.id,
      kind: f.kind,
      title: f.title,
      shortTitle: f.shortTitle,
      legalBasis: f.legalBasis,
      years: f.years,
      status: f.status,
      givesLevel: f.kind === 'dti' || f.levelRule.kind !== 'none',
    }));
}

/**
 * Returns the frozen framework data for an id.
 *
 * @throws {@link ValidationError} with code `unknown_framework` for an unknown id.
 * @example
 * ```ts
 * const dti = getFramework('dti-province-2022');
 * dti.pillars.map((p) => `${p.name.vi}: ${p.max}`); // ['Chính quyền số: 700', …]
 * ```
 */
export function getFramework<const Id extends FrameworkId | (string & {})>(
  id: Id extends FrameworkId ? Id : string extends Id ? Id : FrameworkId,
): Id extends FrameworkId ? BundledFramework<Id> : Framework;
export function getFramework(id: string): Framework {
  const found = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].find((f) => f.id === id);
  if (found) return found;
  throw new ValidationError([
    makeIssue(['framework'], 'unknown_framework', {
      id,
      known: [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].map((f) => f.id),
    }),
  ]);
}

type Kind = 'dti' | 'dbi';
/** The enterprise sizes of the DBI sets. */
export type EnterpriseSize = 'sme' | 'large' | 'group';

const KINDS: readonly Kind[] = ['dti', 'dbi'];
const SIZES: readonly EnterpriseSize[] = ['sme', 'large', 'group'];

function checkKindAndSize(kind: unknown, enterpriseSize: unknown): void {
  const issues = [];
  if (!KINDS.includes(kind as Kind)) {
    issues.push(makeIssue(['kind'], 'invalid_option', { received: kind, allowed: [...KINDS] }));
  }
  if (enterpriseSize !== undefined && !SIZES.includes(enterpriseSize as EnterpriseSize)) {
    issues.push(makeIssue(['enterpriseSize'], 'invalid_option', { received: enterpriseSize, allowed: [...SIZES] }));
  }
  if (issues.length) throw new ValidationError(issues);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The Vietnamese calendar day (UTC+7, no daylight saving) of an instant, as YYYY-MM-DD. */
function vietnamDay(ms: number): string {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A date as the calendar day `YYYY-MM-DD`. A plain ISO date is taken as written; a `Date` or an ISO
 * date-time with an offset is an instant, read on the Vietnamese calendar (UTC+7), since decisions
 * take effect on Vietnamese dates.
 */
function calendarDay(date: unknown): string {
  // a Date's time read once through its internal slot: a Proxy or a Date subclass whose code throws is unreadable input
  const time = readGuarded(['date'], () => (date instanceof Date ? Date.prototype.getTime.call(date) : undefined));
  const bad = () => new ValidationError([makeIssue(['date'], 'invalid_type', {
    expected: 'a calendar date "YYYY-MM-DD", an ISO date-time with an offset, or a valid Date',
    received: time !== undefined ? 'Invalid Date' : date,
  })]);
  if (time !== undefined) {
    if (Number.isNaN(time)) throw bad();
    return vietnamDay(time);
  }
  if (typeof date !== 'string') throw bad();
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const withTime = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(date);
  const parts = plain ?? withTime;
  if (!parts) throw bad();
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (days === undefined || day < 1 || day > days) throw bad();
  if (plain) return date;
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) throw bad();
  return vietnamDay(ms);
}

/** A day as Vietnamese officers write it: `07/11/2023`. */
function viDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The bundled framework of a kind by id (the table names ids; a DTI-only bundle keeps no DBI data). */
function bundled(kind: Kind, id: string): Framework {
  const list: readonly Framework[] = kind === 'dti' ? DTI_FRAMEWORKS : DBI_FRAMEWORKS;
  const f = list.find((x) => x.id === id);
  if (!f) throw new Error(`decisions table names ${id}, which is not bundled`);
  return f;
}

/**
 * A bundled framework chosen for a day or a year, with the decision it encodes and how sure the
 * choice is.
 */
export interface FrameworkEncoded<F extends Framework = Framework> {
  readonly outcome: 'encoded';
  readonly framework: F;
  /** The row of the decisions table (decision, dates, sets). */
  readonly decision: DecisionRecord;
  readonly size: DecisionSize;
  /**
   * `confirmed` where the sources state that this decision applied then; `inferred` where the
   * library reads it (a DTI year whose formula was checked on another year's figures, a day in the
   * first year of a decision whose effective date is not published, a day after the last year the
   * sources cover).
   */
  readonly evidence: Evidence;
  /** Why this framework, in both languages. */
  readonly basis: Localized;
}

/**
 * No bundled framework answers: no decision applied (`no-decision`), the decision in force has no
 * set for that size (`no-set-for-size`), its set's content was not found (`content-not-found`), or
 * no source says which set scores that DTI year (`year-not-known`). Never another framework.
 */
export interface FrameworkNotEncoded {
  readonly outcome: 'not-encoded';
  readonly why: 'no-decision' | 'no-set-for-size' | 'content-not-found' | 'year-not-known';
  /** The decision in force, where there is one. */
  readonly decision: DecisionRecord | null;
  readonly size: DecisionSize;
  /** The reason, in both languages. */
  readonly message: Localized;
  /** What to do, in both languages (e.g. score with the province's own framework file). */
  readonly remedy: Localized;
}

/** One part of a DBI year that contains a changeover: the days one decision applied. */
export interface FrameworkPeriod<F extends Framework = Framework> {
  /** First and last day, ISO. */
  readonly from: string;
  readonly to: string;
  readonly answer: FrameworkEncoded<F> | FrameworkNotEncoded;
}

/**
 * A DBI year in which one decision replaced another (2023: 1970 → 2158 on 07/11/2023; 2025:
 * 2158 → 1567 on 30/06/2025): which set applies depends on the day of the assessment, so the answer
 * lists the periods and asks for the day ({@link frameworkInForce}, `vndi --date`).
 */
export interface FrameworkChangeover<F extends Framework = Framework> {
  readonly outcome: 'changeover';
  readonly year: number;
  readonly size: DecisionSize;
  readonly periods: readonly FrameworkPeriod<F>[];
  readonly message: Localized;
  readonly remedy: Localized;
}

/** What {@link frameworkInForce} answers for a day. */
export type FrameworkOnDay<F extends Framework = Framework> = FrameworkEncoded<F> | FrameworkNotEncoded;
/** What {@link frameworkForYear} answers for a year. */
export type FrameworkOfYear<F extends Framework = Framework> = FrameworkEncoded<F> | FrameworkNotEncoded | FrameworkChangeover<F>;

const KIND_WORD: Record<Kind, Localized> = {
  dti: { vi: 'DTI cấp tỉnh', en: 'provincial DTI' },
  dbi: { vi: 'DBI', en: 'DBI' },
};
const SIZE_WORD: Record<DecisionSize, Localized> = {
  province: { vi: 'cấp tỉnh', en: 'provincial' },
  sme: { vi: 'doanh nghiệp nhỏ và vừa', en: 'SMEs' },
  large: { vi: 'doanh nghiệp lớn', en: 'large enterprises' },
  group: { vi: 'tập đoàn, tổng công ty', en: 'groups and corporations' },
};

/** The dates a decision applies, in words: "từ 07/11/2023 đến 29/06/2025" / "from … to …". */
function span(d: DecisionRecord): Localized {
  const from = d.inForceBasis.evidence === 'confirmed'
    ? { vi: `từ ${viDate(d.inForceFrom)}`, en: `from ${viDate(d.inForceFrom)}` }
    : { vi: `từ ${viDate(d.inForceFrom)} (ngày ký; suy luận)`, en: `from ${viDate(d.inForceFrom)} (its signature; inferred)` };
  if (d.replacedOn === null) return { vi: `${from.vi}, chưa biết quyết định nào thay thế`, en: `${from.en}, no later decision known` };
  return {
    vi: `${from.vi} đến ${viDate(dayBefore(d.replacedOn))} (thay bằng ${d.replacedBy} từ ${viDate(d.replacedOn)})`,
    en: `${from.en} to ${viDate(dayBefore(d.replacedOn))} (replaced by ${d.replacedBy} on ${viDate(d.replacedOn)})`,
  };
}

/** The answer of one decision for one size: its bundled set, or why there is none. */
function answerOf(kind: Kind, d: DecisionRecord, size: DecisionSize, evidence: Evidence, basis: Localized): FrameworkEncoded | FrameworkNotEncoded {
  const set = d.sets.find((s) => s.size === size);
  if (set && set.framework !== null) {
    return { outcome: 'encoded', framework: bundled(kind, set.framework), decision: d, size, evidence, basis };
  }
  const missing = set?.notEncoded;
  return {
    outcome: 'not-encoded',
    why: missing?.why ?? 'no-set-for-size',
    decision: d,
    size,
    message: missing?.reason ?? { vi: `Quyết định ${d.decision} không có bộ chỉ số cho ${SIZE_WORD[size].vi}.`, en: `Decision ${d.decision} has no set for ${SIZE_WORD[size].en}.` },
    remedy: missing?.remedy ?? { vi: 'Chấm bằng tệp bộ chỉ số của tỉnh (--framework-file).', en: "Score with the province's own framework file (--framework-file)." },
  };
}

/** How sure "decision `d` applied on `day`" is (see {@link FrameworkEncoded.evidence}). */
function dayEvidence(d: DecisionRecord, day: string): Evidence {
  const year = day.slice(0, 4);
  if (d.inForceBasis.evidence !== 'confirmed' && year === d.inForceFrom.slice(0, 4)) return 'inferred';
  if (d.replacedOn === null && year > d.inForceFrom.slice(0, 4)) return 'inferred';
  if (d.replacedOn !== null && d.replacementBasis?.evidence !== 'confirmed' && year === dayBefore(d.replacedOn).slice(0, 4)) return 'inferred';
  return 'confirmed';
}

function notEncoded(why: FrameworkNotEncoded['why'], size: DecisionSize, message: Localized, remedy: Localized, decision: DecisionRecord | null = null): FrameworkNotEncoded {
  return { outcome: 'not-encoded', why, decision, size, message, remedy };
}

/** The size an answer is for: `province` for DTI, the enterprise size (SME by default) for DBI. */
function sizeOf(kind: Kind, enterpriseSize: EnterpriseSize | undefined): DecisionSize {
  return kind === 'dti' ? 'province' : (enterpriseSize ?? 'sme');
}

/**
 * The bundled framework in force on a day, by kind (and, for DBI, enterprise size), read from the
 * decisions table ({@link DTI_DECISIONS}, {@link DBI_DECISIONS}): the set of the decision that
 * applied that day. Use it for a DBI self-assessment, which is dated by its day.
 *
 * - A decision applies from its effective date (published for 1567: 30/06/2025) or, where none is
 *   published, from its signature (an inference, reported as `evidence: 'inferred'` for days in
 *   its first year), until the day its successor applies: 1970 until 06/11/2023, 2158 from
 *   07/11/2023 until 29/06/2025, 1567 from 30/06/2025.
 * - Where no bundled set answers, the answer is `not-encoded` with the reason and what to do, in
 *   both languages: no DBI decision before 13/12/2021; no group set in 2158 or 1567; 1567's SME set
 *   not encoded (its content was not found: score with the province's own framework file). Never
 *   `undefined`, never a replaced framework.
 * - After the latest decision of a kind the answer is that decision, `evidence: 'inferred'` past
 *   the year it began (no later decision is known to the library).
 * - For DTI this answers which decision was in force on the day; a DTI year is an assessment year
 *   (DTI N is assessed in N + 1): use {@link frameworkForYear} for it.
 * - Without `enterpriseSize`, DBI means SMEs.
 *
 * `date` is a calendar date `YYYY-MM-DD` (taken as written), an ISO date-time with an offset, or a
 * `Date`; instants are read on the Vietnamese calendar (UTC+7).
 *
 * @throws {@link ValidationError} for a malformed or impossible date (`invalid_type`), an unknown
 * kind or enterprise size (`invalid_option`).
 * @example
 * ```ts
 * const before = frameworkInForce('dbi', '2025-06-29', 'large');
 * before.outcome === 'encoded' && before.framework.id; // 'dbi-2023-large' (Decision 2158)
 * const after = frameworkInForce('dbi', '2025-06-30', 'large');
 * after.outcome === 'encoded' && after.framework.id;   // 'dbi-2025-large' (Decision 1567)
 * const sme = frameworkInForce('dbi', '2025-07-01');   // SMEs: 1567's set is not encoded
 * sme.outcome;     // 'not-encoded'
 * sme.outcome === 'not-encoded' && sme.why;        // 'content-not-found'
 * sme.outcome === 'not-encoded' && sme.remedy.en.startsWith('Encode the SME criteria set of Decision 1567'); // true
 * const dti = frameworkInForce('dti', new Date('2022-06-01T00:00:00Z'));
 * dti.outcome === 'encoded' && dti.framework.id;   // 'dti-province-2022'
 * ```
 */
export function frameworkInForce(kind: 'dti', date: string | Date, enterpriseSize?: EnterpriseSize): FrameworkOnDay<DtiFramework>;
export function frameworkInForce(kind: 'dbi', date: string | Date, enterpriseSize?: EnterpriseSize): FrameworkOnDay<DbiFramework>;
export function frameworkInForce(kind: Kind, date: string | Date, enterpriseSize?: EnterpriseSize): FrameworkOnDay;
export function frameworkInForce(kind: Kind, date: string | Date, enterpriseSize?: EnterpriseSize): FrameworkOnDay {
  checkKindAndSize(kind, enterpriseSize);
  return deepFreeze(onDay(kind, calendarDay(date), sizeOf(kind, enterpriseSize)));
}

function onDay(kind: Kind, day: string, size: DecisionSize): FrameworkOnDay {
  const list = decisionsOf(kind);
  let d: DecisionRecord | undefined;
  for (const x of list) if (x.inForceFrom <= day) d = x;
  if (!d) {
    const first = list[0]!;
    return notEncoded('no-decision', size, {
      vi: `Ngày ${viDate(day)} chưa có quyết định ${KIND_WORD[kind].vi} nào: quyết định đầu tiên, ${first.decision}, áp dụng ${span(first).vi}.`,
      en: `No ${KIND_WORD[kind].en} decision applied on ${viDate(day)}: the first, ${first.decision}, applies ${span(first).en}.`,
    }, { vi: 'Kiểm tra lại ngày đánh giá.', en: 'Check the date of the assessment.' });
  }
  const basis = {
    vi: `Ngày ${viDate(day)}: Quyết định ${d.decision} áp dụng ${span(d).vi}.`,
    en: `On ${viDate(day)}: Decision ${d.decision} applies ${span(d).en}.`,
  };
  return answerOf(kind, d, size, dayEvidence(d, day), basis);
}

/** The DTI answer for an assessment year. */
function dtiYear(year: number): FrameworkOnDay {
  for (const d of DTI_DECISIONS) {
    const y = d.assessmentYears.find((a) => a.year === year);
    if (y) return answerOf('dti', d, 'province', y.evidence, { vi: `DTI ${year} theo Quyết định ${d.decision}: ${y.note.vi}`, en: `DTI ${year} under Decision ${d.decision}: ${y.note.en}` });
  }
  const first = DTI_DECISIONS[0]!;
  const latest = DTI_DECISIONS[DTI_DECISIONS.length - 1]!;
  if (year < first.assessmentYears[0]!.year) {
    return notEncoded('no-decision', 'province', {
      vi: `Không có DTI cấp tỉnh năm ${year}: DTI đầu tiên là DTI ${first.assessmentYears[0]!.year}, theo Quyết định ${first.decision}.`,
      en: `There is no provincial DTI ${year}: the first is DTI ${first.assessmentYears[0]!.year}, under Decision ${first.decision}.`,
    }, { vi: 'Kiểm tra lại năm đánh giá.', en: 'Check the assessment year.' });
  }
  const lastYear = latest.assessmentYears[latest.assessmentYears.length - 1]!.year;
  const set = latest.sets[0]!.framework;
  return notEncoded('year-not-known', 'province', {
    vi: `Chưa nguồn nào cho biết DTI ${year} được chấm theo bộ chỉ số nào. Quyết định mới nhất thư viện biết là ${latest.decision} (${viDate(latest.signed)}), suy luận đã dùng cho DTI ${lastYear}.`,
    en: `No source says which set scores DTI ${year}. The latest decision the library knows is ${latest.decision} (${viDate(latest.signed)}), inferred to have scored DTI ${lastYear}.`,
  }, {
    vi: `Nếu DTI ${year} của tỉnh được chấm theo Quyết định ${latest.decision}, chọn bộ chỉ số đó (--framework ${set}; API: getFramework('${set}')); nếu theo bộ khác, mã hóa bộ đó thành tệp bộ chỉ số (--framework-file).`,
    en: `If the province's DTI ${year} is scored under Decision ${latest.decision}, choose that set (--framework ${set}; API: getFramework('${set}')); if under another, encode it as a framework file (--framework-file).`,
  }, latest);
}

/** The DBI answer for a calendar year: one decision, or the periods of a changeover. */
function dbiYear(year: number, size: DecisionSize): FrameworkOfYear {
  const y = String(year).padStart(4, '0');
  const start = `${y}-01-01`;
  const end = `${y}-12-31`;
  const periods: FrameworkPeriod[] = [];
  for (const d of DBI_DECISIONS) {
    const last = d.replacedOn === null ? end : dayBefore(d.replacedOn);
    if (d.inForceFrom > end || last < start) continue;
    const from = d.inForceFrom > start ? d.inForceFrom : start;
    const to = last < end ? last : end;
    const evidence = d.replacedOn === null && y > d.inForceFrom.slice(0, 4) ? 'inferred' : 'confirmed';
    const before = from > start && d === DBI_DECISIONS[0]
      ? { vi: `; trước ${viDate(from)} chưa có quyết định DBI nào`, en: `; no DBI decision applied before ${viDate(from)}` }
      : { vi: '', en: '' };
    periods.push({
      from, to,
      answer: answerOf('dbi', d, size, evidence, {
        vi: `Năm ${year}: Quyết định ${d.decision} áp dụng ${span(d).vi}${before.vi}.`,
        en: `${year}: Decision ${d.decision} applies ${span(d).en}${before.en}.`,
      }),
    });
  }
  if (periods.length === 0) {
    const first = DBI_DECISIONS[0]!;
    return notEncoded('no-decision', size, {
      vi: `Năm ${year} chưa có quyết định DBI nào: quyết định đầu tiên, ${first.decision}, áp dụng ${span(first).vi}.`,
      en: `No DBI decision applied in ${year}: the first, ${first.decision}, applies ${span(first).en}.`,
    }, { vi: 'Kiểm tra lại năm đánh giá.', en: 'Check the assessment year.' });
  }
  if (periods.length === 1) return periods[0]!.answer;
  const what = (p: FrameworkPeriod, lang: 'vi' | 'en') => {
    const range = `${viDate(p.from)}–${viDate(p.to)}`;
    const set = p.answer.outcome === 'encoded' ? p.answer.framework.id : lang === 'vi' ? 'không có bộ chỉ số đã mã hóa' : 'no encoded set';
    return `${p.answer.decision!.decision} ${range} (${set})`;
  };
  return {
    outcome: 'changeover',
    year,
    size,
    periods,
    message: {
      vi: `Năm ${year} có ${periods.length} quyết định DBI cho ${SIZE_WORD[size].vi}: ${periods.map((p) => what(p, 'vi')).join('; ')}. Bộ chỉ số áp dụng tùy ngày đánh giá.`,
      en: `${year} has ${periods.length} DBI decisions for ${SIZE_WORD[size].en}: ${periods.map((p) => what(p, 'en')).join('; ')}. Which set applies depends on the day of the assessment.`,
    },
    remedy: {
      vi: 'Cho biết ngày đánh giá: vndi --date YYYY-MM-DD hoặc cột "Ngày đánh giá" (API: frameworkInForce(kind, ngày, quy mô)); hoặc chọn hẳn bộ chỉ số bằng --framework.',
      en: 'Give the day of the assessment: vndi --date YYYY-MM-DD or a "Ngày đánh giá" (date) column (API: frameworkInForce(kind, date, size)); or choose the set with --framework.',
    },
  };
}

/**
 * The framework for a year, by kind (and, for DBI, enterprise size), read from the decisions table.
 *
 * - **DTI:** the set that scored that assessment year (DTI N is assessed and published in N + 1):
 *   2020 under 1726 (confirmed); 2021–2023 under 922 (2022 confirmed on published figures, 2021 and
 *   2023 inferred); 2024 under 405 (inferred). For 2025 on, no source says which set applies: the
 *   answer is `not-encoded` (`year-not-known`), with what to do.
 * - **DBI:** a calendar year. Where one decision applied all year (or, in 2021, from 13/12 when
 *   there was none before), its set for the size. Where one decision replaced another during the
 *   year — 2023 (1970 → 2158 on 07/11/2023) and 2025 (2158 → 1567 on 30/06/2025) — the answer is
 *   a `changeover` listing each period and its set: which applies depends on the day, so ask
 *   {@link frameworkInForce} with the day of the assessment. No replaced framework is ever given
 *   silently.
 * - Where no bundled set answers, `not-encoded` with the reason and what to do, in both languages.
 * - Without `enterpriseSize`, DBI means SMEs (every DBI decision has an SME set).
 *
 * @throws {@link ValidationError} when `year` is not an integer, or for an unknown kind or size.
 * @example
 * ```ts
 * const dti = frameworkForYear('dti', 2022);
 * dti.outcome === 'encoded' && dti.framework.id; // 'dti-province-2022'
 * dti.outcome === 'encoded' && dti.evidence;     // 'confirmed'
 * const sme = frameworkForYear('dbi', 2022);     // SMEs by default
 * sme.outcome === 'encoded' && sme.framework.id; // 'dbi-2021-sme'
 * const y2023 = frameworkForYear('dbi', 2023, 'sme');
 * y2023.outcome; // 'changeover'
 * y2023.outcome === 'changeover' && y2023.periods.map((p) => [p.from, p.answer.outcome === 'encoded' ? p.answer.framework.id : null]);
 * // [['2023-01-01', 'dbi-2021-sme'], ['2023-11-07', 'dbi-2023-sme-readiness']]
 * frameworkForYear('dti', 2025).outcome; // 'not-encoded' (no source says which set scores DTI 2025)
 * ```
 */
export function frameworkForYear(kind: 'dti', year: number, enterpriseSize?: EnterpriseSize): FrameworkOfYear<DtiFramework>;
export function frameworkForYear(kind: 'dbi', year: number, enterpriseSize?: EnterpriseSize): FrameworkOfYear<DbiFramework>;
export function frameworkForYear(kind: Kind, year: number, enterpriseSize?: EnterpriseSize): FrameworkOfYear;
export function frameworkForYear(kind: Kind, year: number, enterpriseSize?: EnterpriseSize): FrameworkOfYear {
  checkKindAndSize(kind, enterpriseSize);
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
    throw new ValidationError([makeIssue(['year'], 'invalid_type', { expected: 'an integer year such as 2024', received: year })]);
  }
  return deepFreeze(kind === 'dti' ? dtiYear(year) : dbiYear(year, sizeOf(kind, enterpriseSize)));
}

/**
 * A calendar day given as `YYYY-MM-DD`, an ISO date-time with an offset or a `Date`, as the ISO day
 * on the Vietnamese calendar (UTC+7). For the command line's `--date` and date column.
 *
 * @throws {@link ValidationError} (`invalid_type` at `date`) for anything else.
 * @internal
 */
export function calendarDayOf(date: unknown): string {
  return calendarDay(date);
}
