/** The catalog of every bundled framework, DTI and DBI. */
import { readGuarded, readOnce } from '../assessment/snapshot.js';
import { obj, oneOf, optional, parse } from '../assessment/check.js';
import { ValidationError, makeIssue } from '../errors.js';
import { DBI_FRAMEWORKS } from './dbi/index.js';
import { DTI_FRAMEWORKS } from './dti/index.js';
import type { BundledFramework, FrameworkId } from './ids.js';
import type { Framework, FrameworkStatus, LegalBasis } from './schema.js';

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
type EnterpriseSize = 'sme' | 'large' | 'group';

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

/**
 * The decision in force on a day: the latest bundled decision of that kind signed on or before it.
 * Each decision replaced the previous one as a whole (2158 replaced 1970; 1567 replaced 2158; 922 and
 * 405 superseded 1726 and 922), so a size the new decision does not cover has no framework after it.
 */
function decisionInForce(kind: Kind, day: string): string | undefined {
  const list: readonly Framework[] = kind === 'dti' ? DTI_FRAMEWORKS : DBI_FRAMEWORKS;
  let best: { decision: string; date: string } | undefined;
  for (const f of list) {
    const { decision, date } = f.legalBasis;
    if (date <= day && (best === undefined || date > best.date)) best = { decision, date };
  }
  return best?.decision;
}

/**
 * The bundled framework in force on a date, by kind (and, for DBI, enterprise size): the framework
 * of the latest decision signed on or before that date. Use it where a decision changed mid-year:
 * Decision 2158/QĐ-BTTTT replaced 1970 on 07/11/2023, and 1567/QĐ-BKHCN replaced 2158 on
 * 30/06/2025 (effective the day it was signed).
 *
 * - A decision is taken to apply from its signature date (confirmed for 1567; the others are read
 *   the same way).
 * - `undefined` before the first bundled decision, and where the decision in force has no bundled
 *   set for that size: SMEs from 30/06/2025 (1567 Phụ lục I is not encoded), groups from 07/11/2023
 *   (2158 has no group index). Never a replaced framework.
 * - After the newest bundled decision the answer is that decision; a later one the library does not
 *   know of may have replaced it.
 * - For DTI this answers which decision was in force on the date. The DTI of year N is assessed in
 *   N+1 under the set then in force; for an assessment year use {@link frameworkForYear}.
 * - Without `enterpriseSize`, a DBI answer is the decision's first set (SME where there is one).
 *
 * `date` is a calendar date `YYYY-MM-DD` (taken as written), an ISO date-time with an offset, or a
 * `Date`; instants are read on the Vietnamese calendar (UTC+7).
 *
 * @throws {@link ValidationError} for a malformed or impossible date (`invalid_type`), an unknown
 * kind or enterprise size (`invalid_option`).
 * @example
 * ```ts
 * frameworkInForce('dbi', '2025-06-29', 'large')?.id; // 'dbi-2023-large' (Decision 2158)
 * frameworkInForce('dbi', '2025-06-30', 'large')?.id; // 'dbi-2025-large' (Decision 1567)
 * frameworkInForce('dbi', '2025-07-01', 'sme');       // undefined: 1567's SME set is not encoded
 * frameworkInForce('dti', new Date('2022-06-01T00:00:00Z'))?.id; // 'dti-province-2022'
 * ```
 */
export function frameworkInForce(kind: Kind, date: string | Date, enterpriseSize?: EnterpriseSize): Framework | undefined {
  checkKindAndSize(kind, enterpriseSize);
  const day = calendarDay(date);
  const decision = decisionInForce(kind, day);
  if (decision === undefined) return undefined;
  const list: readonly Framework[] = kind === 'dti' ? DTI_FRAMEWORKS : DBI_FRAMEWORKS;
  return list.find(
    (f) => f.legalBasis.decision === decision && (f.kind === 'dti' || enterpriseSize === undefined || f.enterpriseSize === enterpriseSize),
  );
}

/**
 * The framework for a year, by kind (and, for DBI, enterprise size).
 *
 * - **DTI:** the set used to score that assessment year (a framework's `years`): the DTI of year N is
 *   assessed and published in N+1, so DTI 2021 was scored under Decision 922 of May 2022. DTI 2024
 *   under Decision 405 is inferred; no bundled set lists 2025, because no source says which set DTI
 *   2025 uses.
 * - **DBI:** the framework in force on 31 December of that year ({@link frameworkInForce}), since a
 *   DBI self-assessment may be made on any day. In a changeover year that is the newer framework:
 *   2021 → 1970 (signed 13/12/2021), 2023 → 2158 (from 07/11/2023; 1970 before), 2025 → 1567 for
 *   large enterprises (from 30/06/2025; 2158 before) and `undefined` for SMEs (1567's SME set is not
 *   encoded). For a day inside a changeover year, call {@link frameworkInForce} with the date.
 *
 * @throws {@link ValidationError} when `year` is not an integer, or for an unknown kind or size.
 * @example
 * ```ts
 * frameworkForYear('dti', 2022)?.id; // 'dti-province-2022'
 * frameworkForYear('dbi', 2022, 'sme')?.id; // 'dbi-2021-sme'
 * frameworkForYear('dbi', 2025, 'large')?.id; // 'dbi-2025-large' (1567 replaced 2158 on 30/06/2025)
 * ```
 */
export function frameworkForYear(kind: Kind, year: number, enterpriseSize?: EnterpriseSize): Framework | undefined {
  checkKindAndSize(kind, enterpriseSize);
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
    throw new ValidationError([makeIssue(['year'], 'invalid_type', { expected: 'an integer year such as 2024', received: year })]);
  }
  if (kind === 'dbi') return frameworkInForce('dbi', `${String(year).padStart(4, '0')}-12-31`, enterpriseSize);
  return DTI_FRAMEWORKS.find((f) => f.years.includes(year));
}
