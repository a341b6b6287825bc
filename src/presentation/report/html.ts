/**
 * Self-contained HTML reports (no network, no script): one enterprise, one province, or a cohort.
 * Charts are inline SVG drawn by `svg.ts`.
 *
 * Every page says what it rests on: under the title, the framework's decision and status
 * ("tái lập / reconstructed" where it is, also beside the maturity level), a visible mark on
 * illustrative rows, and a footer listing the assumptions in force and the sources. Each figure has
 * one format on the whole page: 0–1 values with 4 decimals in cards, charts and tables; coverage as
 * a percentage; Vietnamese decimals with a comma (`lang: 'vi'`, the default) or English with a dot.
 */
import { readOnce } from '../../assessment/snapshot.js';
import type { DbiGap } from '../../analysis/dbi-gap.js';
import type { DtiGap } from '../../analysis/dti-gap.js';
import type { RankChange } from '../../analysis/rank.js';
import { rankDti, type DtiRanking } from '../../analysis/rank-dti.js';
import { inspectDbiResult } from '../../assessment/dbi-result-check.js';
import { inspectDtiResult } from '../../assessment/dti-result-check.js';
import type { CohortSummary } from '../../analysis/summarize.js';
import { ValidationError, makeIssue, type Localized, type ValidationIssue } from '../../errors.js';
import type { DbiFramework, Framework } from '../../framework/schema.js';
import { findOption, partCriteria } from '../../framework/dbi-criterion.js';
import { exactText, percentBounds, roundingHidesBound } from '../../level/dbi-level.js';
import { recordedFramework } from '../../score/provenance.js';
import { dbiFrameworkOf, type DbiResult } from '../../score/score-dbi.js';
import { dtiFrameworkOf, type DtiResult } from '../../score/score-dti.js';
import * as X from '../../arithmetic/decimal.js';
import { formatNumber, term, type Lang } from '../format/locale.js';
import { ILLUSTRATIVE_MARK, checkProvenance, isIllustrative, provenanceOf, statusText, type Provenance, type ProvenanceRow } from '../format/provenance.js';
import { barChart, esc, radarChart, stackedBarChart } from './svg.js';

/** What a report shows. Entries may carry their data `source` (`minh họa` / `illustrative` is marked). */
export type ReportInput =
  | {
      readonly kind: 'enterprise';
      readonly name?: string;
      readonly result: DbiResult;
      /** Other enterprises' results: their average profile is drawn beside this one. */
      readonly cohort?: readonly DbiResult[];
      readonly gap?: DbiGap;
      readonly source?: string;
    }
  | {
      readonly kind: 'province';
      readonly name?: string;
      readonly result: DtiResult;
      /** All provinces' results (for the national average and the leader). */
      readonly peers?: readonly DtiResult[];
      readonly ranking?: DtiRanking;
      readonly change?: RankChange;
      readonly source?: string;
      /** A `dtiGap()` plan: the target, the points still needed and where they count. */
      readonly gap?: DtiGap;
    }
  | {
      readonly kind: 'cohort';
      readonly title?: string;
      readonly summary: CohortSummary;
      /**
       * A ranked table: entries in rank order. `best`, `worst` and `of` (as `rank` gives them) print
       * a rank that is not certain as its bounds, where units of the ranking have no value.
       */
      readonly ranked?: readonly {
        readonly id: string; readonly name?: string; readonly result: DbiResult; readonly rank: number | null; readonly source?: string;
        readonly best?: number; readonly worst?: number; readonly of?: number;
      }[];
    }
  | {
      readonly kind: 'provinces';
      readonly title?: string;
      /**
       * Entries in rank order. `ranking` (from `rankDti(…, { groupBy: 'region' })`) adds the region
       * and the rank in the region; `change` the move from the previous year.
       */
      readonly ranked: readonly {
        readonly id: string;
        readonly name?: string;
        readonly result: DtiResult;
        readonly rank: number | null;
        readonly change?: RankChange;
        readonly ranking?: DtiRanking;
        readonly source?: string;
      }[];
    };

export interface ReportOptions {
  /** Page title. */
  readonly title?: string;
  /** Date or period shown under the title. */
  readonly subtitle?: string;
  /** Language of the page (default `vi`): words, and decimal commas in Vietnamese. */
  readonly lang?: Lang;
  /** What the report rests on; by default built from the results' framework and the entries' `source`. */
  readonly provenance?: Provenance;
}

const CSS = `body{font-family:"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;margin:24px auto;max-width:980px;color:#222;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:14px;margin:14px 0 4px}
.sub{color:#555;margin:0 0 6px}.prov{margin:0 0 16px;font-size:13px;color:#444}.figures{display:flex;gap:16px;flex-wrap:wrap}.figure{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:120px}
.figure b{display:block;font-size:22px}.figure>span{color:#555;font-size:12px}table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}
th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}.note{color:#555;font-size:12px}.up{color:#1e7a45}.down{color:#b03a2e}
.badge{display:inline-block;white-space:nowrap;font-size:12px;font-weight:600;padding:1px 6px;border-radius:4px;margin-left:6px;vertical-align:middle}
.reconstructed{background:#fff1d6;color:#7a4b00;border:1px solid #e0b35a}.official{background:#e3f2e8;color:#1e5e36;border:1px solid #8cc3a0}
.illustrative{background:#fde2e1;color:#8a1f17;border:1px solid #e39a94}.warning{background:#fde2e1;border:1px solid #e39a94;color:#6b1a13;padding:8px 12px;border-radius:6px;font-size:13px}
footer{margin-top:32px;border-top:1px solid #ddd;font-size:12px;color:#444}footer li{margin:2px 0}.nw{white-space:nowrap}.figure.text b{font-size:14px;font-weight:normal;max-width:640px}`;

type Words = Record<string, Localized>;
const W = {
  overallLevel: { vi: 'Mức tổng thể', en: 'Overall level' },
  noLevel: { vi: 'chưa xếp mức', en: 'no level' },
  total: { vi: 'Tổng điểm', en: 'Total points' },
  percent: { vi: 'Tỷ lệ điểm', en: 'Percent of maximum' },
  pillarProfile: { vi: 'Hồ sơ trụ cột', en: 'Pillar profile' },
  radarTitle: { vi: 'Trụ cột (% điểm tối đa)', en: 'Pillars (% of maximum)' },
  pillar: { vi: 'Trụ cột', en: 'Pillar' },
  pillars: { vi: 'Trụ cột', en: 'Pillars' },
  points: { vi: 'Điểm', en: 'Points' },
  max: { vi: 'Tối đa', en: 'Maximum' },
  level: { vi: 'Mức', en: 'Level' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  content: { vi: 'Nội dung', en: 'Description' },
  from: { vi: 'Từ', en: 'From' },
  to: { vi: 'Lên', en: 'To' },
  gain: { vi: 'Điểm tăng', en: 'Points gained' },
  notApplicable: { vi: 'không áp dụng', en: 'not applicable' },
  dtiValue: { vi: 'Giá trị DTI', en: 'DTI value' },
  nationalRank: { vi: 'Xếp hạng cả nước', en: 'National rank' },
  change: { vi: 'So với năm trước', en: 'Change from previous year' },
  value: { vi: 'Giá trị', en: 'Value' },
  mainIndicators: { vi: 'Chỉ số chính', en: 'Main indicators' },
  mainIndicator: { vi: 'Chỉ số chính', en: 'Main indicator' },
  barTitle: { vi: 'Giá trị chỉ số chính so với trung bình và dẫn đầu', en: 'Main-indicator values against the average and the leader' },
  province: { vi: 'Tỉnh', en: 'Province' },
  average: { vi: 'Trung bình cả nước', en: 'National average' },
  leader: { vi: 'Dẫn đầu', en: 'Leader' },
  assessed: { vi: 'Doanh nghiệp đã đánh giá', en: 'Enterprises assessed' },
  meanTotal: { vi: 'Điểm trung bình', en: 'Mean total' },
  medianTotal: { vi: 'Trung vị tổng điểm', en: 'Median total' },
  coverage: { vi: 'Tỷ lệ đánh giá', en: 'Coverage' },
  levelsByGroup: { vi: 'Phân bố mức theo nhóm', en: 'Levels by group' },
  groups: { vi: 'Theo nhóm', en: 'By group' },
  levelsTitle: { vi: 'Số doanh nghiệp theo mức', en: 'Enterprises by level' },
  group: { vi: 'Nhóm', en: 'Group' },
  count: { vi: 'Số DN', en: 'Enterprises' },
  mean: { vi: 'Trung bình', en: 'Mean' },
  median: { vi: 'Trung vị', en: 'Median' },
  registered: { vi: 'Đăng ký', en: 'Registered' },
  shortfall: { vi: 'Còn thiếu', en: 'Shortfall' },
  ranking: { vi: 'Xếp hạng', en: 'Ranking' },
  rank: { vi: 'Hạng', en: 'Rank' },
  id: { vi: 'Mã', en: 'ID' },
  name: { vi: 'Tên', en: 'Name' },
  region: { vi: 'Vùng', en: 'Region' },
  rankInRegion: { vi: 'Hạng trong vùng', en: 'Rank in region' },
  provincesWithoutData: { vi: 'tỉnh chưa có số liệu: thứ hạng ghi dạng tốt nhất–xấu nhất', en: 'provinces without data: ranks are shown as best–worst' },
  unitsWithoutData: { vi: 'đơn vị chưa có số liệu: thứ hạng ghi dạng tốt nhất–xấu nhất', en: 'units without data: ranks are shown as best–worst' },
  dataSource: { vi: 'Nguồn số liệu', en: 'Data source' },
  top20: { vi: 'DTI (20 đầu bảng)', en: 'DTI (top 20)' },
  provincesTitle: { vi: 'Xếp hạng DTI cấp tỉnh', en: 'Provincial DTI ranking' },
  cohortTitle: { vi: 'Bức tranh chuyển đổi số doanh nghiệp', en: 'Enterprise digital transformation overview' },
  framework: { vi: 'Bộ chỉ số', en: 'Framework' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  restsOn: { vi: 'Căn cứ của báo cáo', en: 'What this report rests on' },
  assumptions: { vi: 'Giả định đang áp dụng', en: 'Assumptions in force' },
  sources: { vi: 'Nguồn', en: 'Sources' },
  noAssumption: { vi: 'Không có giả định.', en: 'No assumption.' },
  illustrativeWarning: {
    vi: 'Báo cáo có số liệu MINH HỌA (không phải số liệu công bố), được đánh dấu',
    en: 'This report holds ILLUSTRATIVE figures (not published data), marked',
  },
  planTo: { vi: 'Lộ trình đạt mục tiêu DTI', en: 'Plan to the DTI target' },
  pointsNeeded: { vi: 'Cần thêm', en: 'Points needed' },
  headroom: { vi: 'Còn trống', en: 'Headroom' },
  unreachable: { vi: 'Không đạt được trong điểm tối đa của bộ chỉ số.', en: 'Not reachable within the framework\'s maxima.' },
  rounding: {
    vi: 'vn-digital-index — số liệu làm tròn như bảng công bố (điểm 2 chữ số thập phân, giá trị 4 chữ số)',
    en: 'vn-digital-index — figures rounded as published (points to 2 decimals, values to 4)',
  },
} satisfies Words;

/** The page's formatting context. */
interface Ctx {
  readonly lang: Lang;
  readonly t: (w: Localized) => string;
  /** A number as printed on this page; `decimals` fixed where given. */
  readonly n: (v: number, decimals?: number) => string;
  /** A 0–1 value, 4 decimals. */
  readonly v: (v: number) => string;
  /** A percentage with its sign, as printed everywhere on the page. */
  readonly pct: (percent: number) => string;
  readonly provenance: Provenance;
}

function context(options: ReportOptions, provenance: Provenance): Ctx {
  const lang = options.lang ?? 'vi';
  const n = (v: number, decimals?: number) => formatNumber(v, lang, decimals);
  return { lang, t: (w) => w[lang], n, v: (v) => n(v, 4), pct: (p) => `${n(p, 2)}%`, provenance };
}

/** A table cell: text, or a number already formatted and marked numeric. */
type HtmlCell = { readonly html: string; readonly numeric?: boolean } | string | null;

const num = (html: string): HtmlCell => ({ html: esc(html), numeric: true });
/** A rank as printed: one number only when certain, else its bounds (`2–5`). */
const bounds = (rank: number, best: number | undefined, worst: number | undefined): string =>
  best !== undefined && worst !== undefined && best !== worst ? `${best}–${worst}` : String(rank);
const raw = (html: string): HtmlCell => ({ html });
/** A unit's name kept on one line: left to the table's layout, "Tỉnh Minh Họa 59" broke over three. */
const name = (text: string): HtmlCell => ({ html: `<span class="nw">${esc(text)}</span>` });

function statusBadge(provenance: Provenance, lang: Lang): string {
  return provenance.frameworks
    .filter((f) => f.status === 'reconstructed')
    .map(() => `<span class="badge reconstructed">${esc(statusText('reconstructed', lang))}</span>`)
    .slice(0, 1)
    .join('');
}

function sourceHtml(source: string | undefined): string {
  if (!source) return '—';
  return isIllustrative(source) ? `<span class="badge illustrative">${esc(ILLUSTRATIVE_MARK)}</span>` : esc(source);
}

/**
 * What a page rests on, as HTML: the line under the title (each framework's decision, date and
 * status badge), the warning of illustrative rows, and the footer's assumptions and sources. The
 * reports and the self-assessment page print it alike.
 *
 * @internal
 */
export function provenanceHtml(p: Provenance, lang: Lang): { readonly line: string; readonly warning: string; readonly footer: string } {
  const t = (w: Localized) => w[lang];
  const line = p.frameworks
    .map((f) => `${esc(t(W.framework))}: <b>${esc(f.id)}</b> — ${esc(t(W.decision))} ${esc(f.decision)} (${esc(dateText(f.date, lang))}) <span class="badge ${f.status}">${esc(statusText(f.status, lang))}</span>`)
    .join('<br>');
  const warning = p.illustrative ? `<p class="warning">${esc(t(W.illustrativeWarning))} <span class="badge illustrative">${esc(ILLUSTRATIVE_MARK)}</span></p>` : '';
  const footer = p.frameworks
    .map((f) => {
      const head = p.frameworks.length > 1 ? `<h3>${esc(f.id)}</h3>` : '';
      const assumptions = f.assumptions.length
        ? `<ul>${f.assumptions.map((a) => `<li><b>${esc(a.id)}</b> (${esc(term(a.status, lang))}): ${esc(a.text[lang])}</li>`).join('')}</ul>`
        : `<p>${esc(t(W.noAssumption))}</p>`;
      const sources = `<ul>${f.sources.map((s) => `<li><b>${esc(s.id)}</b>: ${esc(s.title)}${s.url ? ` — <span class="url">${esc(s.url)}</span>` : ''}</li>`).join('')}</ul>`;
      return `${head}<h3>${esc(t(W.assumptions))}</h3>${assumptions}<h3>${esc(t(W.sources))}</h3>${sources}`;
    })
    .join('');
  return { line, warning, footer };
}

function page(ctx: Ctx, title: string, subtitle: string | undefined, body: string): string {
  const { line, warning, footer } = provenanceHtml(ctx.provenance, ctx.lang);
  return `<!DOCTYPE html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><h1>${esc(title)}</h1>${subtitle ? `<p class="sub">${esc(subtitle)}</p>` : ''}<p class="prov">${line}</p>${warning}${body}
<footer><h2>${esc(ctx.t(W.restsOn))}</h2>${footer}<p class="note">${esc(ctx.t(W.rounding))}</p></footer>
</body></html>
`;
}

/** An ISO date as the documents write it: `13/12/2021` in Vietnamese, ISO in English. */
function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return lang === 'vi' && m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function figure(label: string, valueHtml: string, kind: 'number' | 'text' = 'number'): string {
  // a text (a data source's citation) in body size: in the figures' 22 px it filled the page's top
  return `<div class="figure${kind === 'text' ? ' text' : ''}"><b>${valueHtml}</b><span>${esc(label)}</span></div>`;
}

function table(header: readonly string[], rows: readonly (readonly HtmlCell[])[]): string {
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || (typeof r[i] === 'object' && r[i]!.numeric)));
  const th = header.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const cell = (c: HtmlCell, i: number) => {
    const inner = c === null ? '—' : typeof c === 'string' ? esc(c) : c.html;
    return `<td${numeric[i] || (c !== null && typeof c === 'object' && c.numeric) ? ' class="n"' : ''}>${inner}</td>`;
  };
  const trs = rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function levelText(ctx: Ctx, level: number | null, name: Localized | null | undefined): string {
  if (level === null) return ctx.t(W.noLevel);
  return `${ctx.t(W.level)} ${level}${name ? ` — ${name[ctx.lang]}` : ''}`;
}

function enterprise(input: Extract<ReportInput, { kind: 'enterprise' }>, options: ReportOptions, ctx: Ctx): string {
  const r = input.result;
  const title = options.title ?? `${ctx.lang === 'vi' ? 'Mức độ chuyển đổi số' : 'Digital transformation level'} — ${input.name ?? ''}`.replace(/ — $/, '');
  const series = [{ name: input.name ?? ctx.t(W.enterprise), values: r.pillars.map((p) => p.percent) }];
  if (input.cohort?.length) {
    const label = ctx.lang === 'vi' ? `Trung bình (${input.cohort.length} DN)` : `Average (${input.cohort.length} enterprises)`;
    // a pillar "not applicable" to an enterprise has no percentage: it is left out of the average
    series.push({ name: label, values: r.pillars.map((p, i) => mean(input.cohort!.flatMap((c) => (c.pillars[i] && !c.pillars[i].notApplicable ? [c.pillars[i].percent] : [])))) });
  }
  const badge = statusBadge(ctx.provenance, ctx.lang);
  // levels are decided on the unrounded percentage: where rounding hides a bound (75,00 shown,
  // 74,9996 decided), the exact figure stands beside the rounded one
  const f = dbiFrameworkOf(r);
  const pct = (scope: 'overall' | 'pillar', shown: number, exact: string) => dbiPercentText(f, scope, shown, exact, ctx.lang);
  let body = `<div class="figures">${figure(ctx.t(W.overallLevel), esc(levelText(ctx, r.level, r.levelName)) + badge)}${figure(ctx.t(W.total), esc(`${ctx.n(r.total)}/${ctx.n(r.max)}`))}${figure(ctx.t(W.percent), esc(pct('overall', r.percent, r.exact.percent)))}</div>`;
  if (r.noLevelReason) body += `<p class="note">${esc(r.noLevelReason[ctx.lang])}</p>`;
  const capNote = levelCapText(r, ctx.lang);
  if (capNote) body += `<p class="note">${esc(capNote)}</p>`;
  for (const notice of r.notices ?? []) body += `<p class="note">${esc(notice.message[ctx.lang])}</p>`;
  body += `<h2>${esc(ctx.t(W.pillarProfile))}</h2><div class="charts">${radarChart({ title: ctx.t(W.radarTitle), axes: r.pillars.map((p) => p.name[ctx.lang]), series })}`;
  const pillarLevels = r.pillars.some((p) => p.level !== null);
  body += table(
    [ctx.t(W.pillar), ctx.t(W.points), ctx.t(W.max), '%', ...(pillarLevels ? [ctx.t(W.level)] : [])],
    r.pillars.map((p) => [p.name[ctx.lang], num(ctx.n(p.points)), num(ctx.n(p.max)), p.notApplicable ? ctx.t(W.notApplicable) : num(pct('pillar', p.percent, p.exact.percent)), ...(pillarLevels ? [p.level === null ? null : num(String(p.level))] : [])]),
  ) + '</div>';
  if (input.gap) {
    const g = input.gap;
    body += `<h2>${esc(ctx.lang === 'vi' ? `Lộ trình lên mức ${g.targetLevel ?? ''}` : `Plan to level ${g.targetLevel ?? ''}`)}${badge}</h2>`;
    if (g.why) body += `<p>${esc(g.why.message[ctx.lang])}</p>`;
    if (!g.reachable || g.steps.length === 0) body += `<p>${esc(g.reason?.[ctx.lang] ?? '')}</p>`;
    else {
      // on a questionnaire, the answers themselves (option texts, figures) beside their points
      const answer = (criterion: string, a: unknown, points: number) => (a === undefined ? num(ctx.n(points)) : `${answerText(ctx, f, r.sector?.id, criterion, a)} (${ctx.n(points)})`);
      body += table([ctx.t(W.criterion), ctx.t(W.content), ctx.t(W.from), ctx.t(W.to), ctx.t(W.gain)], g.steps.map((s) => [s.criterion, s.name[ctx.lang], answer(s.criterion, s.fromAnswer, s.from), answer(s.criterion, s.toAnswer, s.to), num(ctx.n(s.gain))]));
    }
  }
  return page(ctx, title, options.subtitle, body);
}

/** An answer as the form shows it: option texts in the page's language, a figure as a number. */
function answerText(ctx: Ctx, f: DbiFramework, sector: string | undefined, criterion: string, answer: unknown): string {
  return dbiAnswerText(f, sector, criterion, answer, ctx.lang);
}

/**
 * A DBI answer in words (the reports' plans and the self-assessment page): option texts in `lang`,
 * a figure or points as a number, "không áp dụng" for `n/a`.
 *
 * @internal
 */
export function dbiAnswerText(f: DbiFramework, sector: string | undefined, criterion: string, answer: unknown, lang: Lang): string {
  // the assessed sector's criteria first: sectors may number their questions alike
  const own = (f.sectors ?? []).filter((s) => s.id === sector);
  const c = [...own, ...f.pillars].flatMap(partCriteria).find((k) => k.id === criterion);
  const options = c?.answer && c.answer.kind !== 'figure' ? c.answer.options : [];
  const text = (id: string) => findOption(options, id)?.text[lang] ?? id;
  if (answer === 'n/a') return W.notApplicable[lang];
  if (Array.isArray(answer)) return answer.length === 0 ? '—' : answer.map((id) => text(String(id))).join(', ');
  return typeof answer === 'number' ? formatNumber(answer, lang) : text(String(answer));
}

/**
 * A DBI percentage as the reports print it: 2 decimals, and the exact figure beside it where the
 * rounding hides a bound the level is decided on (`75,00% (chính xác 74,999…%)`).
 *
 * @internal
 */
export function dbiPercentText(f: DbiFramework, scope: 'overall' | 'pillar', shown: number, exact: string, lang: Lang): string {
  const hidden = roundingHidesBound(f, scope, exact, shown) ? ` (${lang === 'vi' ? 'chính xác' : 'exactly'} ${lang === 'vi' ? exactText(exact).replace('.', ',') : exactText(exact)}%)` : '';
  return `${formatNumber(shown, lang, 2)}%${hidden}`;
}

/**
 * The level condition that held a DBI result below its bands' level, in words ("The bands give level
 * 4, but a level condition holds: …"); `null` where none did.
 *
 * @internal
 */
export function levelCapText(r: DbiResult, lang: Lang): string | null {
  if (!r.levelCap) return null;
  const names = (ids: readonly string[]) => ids.map((id) => r.pillars.find((p) => p.id === id)?.name[lang] ?? id).join(', ');
  const hits = r.levelCap.hits.map((h) => `${h.rule[lang]} (${names(h.pillars)})`).join('; ');
  return lang === 'vi' ? `Các dải cho mức ${r.levelCap.bandLevel}, nhưng điều kiện giới hạn mức: ${hits}.` : `The bands give level ${r.levelCap.bandLevel}, but a level condition holds: ${hits}.`;
}

/**
 * What a table of DBI results (the command line's table, CSV and .xlsx) says beside a level, in
 * the words of the reports: the exact percentage where the 2-decimal one hides the bound the level
 * was decided on (`75,00% (chính xác 74,999…%)`: the level below), and the level condition that
 * held the level below its bands' ({@link levelCapText}); `null` where neither applies.
 *
 * @internal
 */
export function dbiLevelNote(r: DbiResult, lang: Lang): string | null {
  if (!mayNeedLevelNote(dbiFrameworkOf(r))) return null;
  const f = dbiFrameworkOf(r);
  const notes: string[] = [];
  if (roundingHidesBound(f, 'overall', r.exact.percent, r.percent)) {
    const pct = dbiPercentText(f, 'overall', r.percent, r.exact.percent, lang);
    notes.push(lang === 'vi' ? `Tỷ lệ ${pct}: mức được xét trên tỷ lệ chính xác.` : `Percentage ${pct}: the level is decided on the exact percentage.`);
  }
  const cap = levelCapText(r, lang);
  if (cap) notes.push(cap);
  return notes.length ? notes.join(' ') : null;
}

/**
 * Whether a framework's results may need a {@link dbiLevelNote}: its overall level is decided on
 * bounds of the overall percentage, or its rule has level conditions.
 *
 * @internal
 */
export function mayNeedLevelNote(f: DbiFramework): boolean {
  const rule = f.levelRule;
  return rule.kind !== 'none' && ((rule.caps?.length ?? 0) > 0 || percentBounds(f, 'overall').length > 0);
}

function province(input: Extract<ReportInput, { kind: 'province' }>, options: ReportOptions, ctx: Ctx): string {
  const r = input.result;
  const title = options.title ?? `${ctx.lang === 'vi' ? 'Chỉ số DTI' : 'DTI'} — ${input.name ?? ''}`.replace(/ — $/, '');
  const peers = input.peers ?? [];
  const indicators = r.mainIndicators.filter((m) => m.group !== 'unscored');
  let body = `<div class="figures">${figure(ctx.t(W.dtiValue), esc(ctx.v(r.value)))}${figure(ctx.t(W.total), esc(`${ctx.n(r.total)}/${ctx.n(r.max)}`))}`;
  const rk = input.ranking;
  if (rk?.rank) body += figure(ctx.t(W.nationalRank), esc(`${bounds(rk.rank, rk.best, rk.worst)}/${rk.of}`));
  if (rk?.rankInGroup) body += figure(`${ctx.t(W.rankInRegion)}: ${rk.groupName?.[ctx.lang] ?? rk.group ?? ''}`, esc(`${bounds(rk.rankInGroup, rk.bestInGroup, rk.worstInGroup)}/${rk.ofInGroup}`));
  if (input.change) body += figure(ctx.t(W.change), `<span class="${input.change.direction === 'up' ? 'up' : input.change.direction === 'down' ? 'down' : ''}">${esc(ctx.lang === 'vi' ? input.change.labelVi : input.change.label)}</span>`);
  // an illustrative source is already the banner under the title
  if (input.source && !isIllustrative(input.source)) body += figure(ctx.t(W.dataSource), sourceHtml(input.source), 'text');
  body += '</div>';
  // a rank that is not certain: how many units lack a value, in words
  if (rk && !rk.certain && rk.withoutValue) body += `<p class="note">${esc(ctx.lang === 'vi' ? rk.labelVi : rk.label)}</p>`;
  body += `<h2>${esc(ctx.t(W.pillars))}</h2>`;
  body += table([ctx.t(W.pillar), ctx.t(W.points), ctx.t(W.max), ctx.t(W.value)], Object.values(r.pillars).map((p) => [p.name[ctx.lang], num(ctx.n(p.points)), num(ctx.n(p.max)), num(ctx.v(p.value))]));
  if (indicators.length) {
    // the national average, exact, rounded as published
    const avg = (id: string): number | null => {
      const values = peers.map((p) => p.mainIndicators.find((m) => m.id === id)?.exact.value).filter((v): v is string => typeof v === 'string');
      return values.length ? X.toRoundedNumber(X.divide(X.sum(values.map((v) => X.exact(v))), values.length), 4) : null;
    };
    const lead = (id: string): number | null => {
      const values = peers.map((p) => p.mainIndicators.find((m) => m.id === id)?.value).filter((v): v is number => typeof v === 'number');
      return values.length ? Math.max(...values) : null;
    };
    const series = peers.length ? [ctx.t(W.province), ctx.t(W.average), ctx.t(W.leader)] : [ctx.t(W.province)];
    body += `<h2>${esc(ctx.t(W.mainIndicators))}</h2>${barChart({
      title: ctx.t(W.barTitle),
      series,
      max: 1,
      format: ctx.v,
      tickFormat: (v) => ctx.n(v),
      items: indicators.map((m) => ({ label: m.name[ctx.lang], values: peers.length ? [m.value, avg(m.id), lead(m.id)] : [m.value] })),
    })}`;
    const value = (x: number | null) => (x === null ? null : num(ctx.v(x)));
    body += table(
      [ctx.t(W.mainIndicator), ctx.t(W.points), ctx.t(W.max), ctx.t(W.value), ...(peers.length ? [ctx.t(W.average), ctx.t(W.leader)] : [])],
      indicators.map((m) => [m.name[ctx.lang], num(ctx.n(m.points)), num(ctx.n(m.max)), value(m.value), ...(peers.length ? [value(avg(m.id)), value(lead(m.id))] : [])]),
    );
  }
  if (input.gap) {
    // the plan the terminal prints as its heading and table: without it `gap --format html` lost the gap
    const g = input.gap;
    // points as the tables above print them
    const points = (x: number) => ctx.n(x);
    body += `<h2>${esc(ctx.t(W.planTo))}: ${esc(ctx.v(g.current.value))} → ${esc(ctx.v(g.target.value))}</h2>`;
    body += `<div class="figures">${figure(ctx.t(W.pointsNeeded), esc(`${points(g.pointsNeeded)} / ${points(g.target.total)}`))}${figure(ctx.t(W.dtiValue), esc(`+${ctx.v(g.valueNeeded)}`))}</div>`;
    if (!g.reachable) body += `<p class="note">${esc(ctx.t(W.unreachable))}</p>`;
    body += table(
      [ctx.t(W.mainIndicator), ctx.t(W.points), ctx.t(W.max), ctx.t(W.headroom), ctx.t(W.pointsNeeded)],
      g.indicators.map((i) => [i.name[ctx.lang], num(points(i.points)), num(points(i.max)), num(points(i.headroom)), num(points(i.needed))]),
    );
  }
  return page(ctx, title, options.subtitle, body);
}

function cohort(input: Extract<ReportInput, { kind: 'cohort' }>, options: ReportOptions, ctx: Ctx): string {
  const s = input.summary;
  const title = options.title ?? input.title ?? ctx.t(W.cohortTitle);
  // a framework with no level rule puts everyone under `none`: no level chart or columns then
  const leveled = Object.entries(s.overall.levels).some(([l, n]) => l !== 'none' && n > 0);
  const levelKeys = leveled ? Object.keys(s.overall.levels) : [];
  const noLevelReason = input.ranked?.find((e) => e.result.noLevelReason)?.result.noLevelReason;
  const coverageText = (c: { share: number } | undefined) => (c ? num(ctx.pct(X.toRoundedNumber(X.multiply(X.exact(String(c.share)), 100), 2))) : null);
  let body = `<div class="figures">${figure(ctx.t(W.assessed), esc(ctx.n(s.overall.count)))}${figure(ctx.t(W.meanTotal), esc(ctx.n(s.overall.total.mean)))}${figure(ctx.t(W.medianTotal), esc(ctx.n(s.overall.total.median)))}`;
  if (s.overall.coverage) body += figure(ctx.t(W.coverage), (coverageText(s.overall.coverage) as { html: string }).html);
  body += '</div>';
  const badge = statusBadge(ctx.provenance, ctx.lang);
  const levelLabel = (l: string) => (l === 'none' ? ctx.t(W.noLevel) : `${ctx.t(W.level)} ${l}`);
  if (leveled) {
    body += `<h2>${esc(ctx.t(W.levelsByGroup))}${badge}</h2>${stackedBarChart({
      title: ctx.t(W.levelsTitle),
      categories: levelKeys.map(levelLabel),
      rows: s.groups.map((g) => ({ label: term(g.key, ctx.lang), counts: levelKeys.map((l) => g.levels[l] ?? 0) })),
    })}`;
  } else {
    body += `<h2>${esc(ctx.t(W.groups))}</h2>${noLevelReason ? `<p class="note">${esc(noLevelReason[ctx.lang])}</p>` : ''}`;
  }
  const withCoverage = Boolean(s.overall.coverage);
  body += table(
    [ctx.t(W.group), ctx.t(W.count), ...levelKeys.map(levelLabel), ctx.t(W.mean), 'Q1', ctx.t(W.median), 'Q3', ...(withCoverage ? [ctx.t(W.registered), `${ctx.t(W.coverage)} (%)`, ctx.t(W.shortfall)] : [])],
    [...s.groups, ...(s.groups.length > 1 ? [s.overall] : [])].map((g) => [
      // a registered group with none assessed has no mean or quartiles (its figures are 0 with count 0)
      term(g.key, ctx.lang), num(ctx.n(g.count)), ...levelKeys.map((l) => num(ctx.n(g.levels[l] ?? 0))), ...(g.count === 0 ? [null, null, null, null] : [num(ctx.n(g.total.mean)), num(ctx.n(g.total.q1)), num(ctx.n(g.total.median)), num(ctx.n(g.total.q3))]),
      ...(withCoverage ? [g.coverage ? num(ctx.n(g.coverage.registered)) : null, coverageText(g.coverage), g.coverage?.shortfall === null || g.coverage?.shortfall === undefined ? null : num(ctx.n(g.coverage.shortfall))] : []),
    ]),
  );
  if (input.ranked?.length) {
    const withSource = input.ranked.some((e) => e.source);
    const of = input.ranked.reduce((m, e) => Math.max(m, e.of ?? 0), 0);
    const without = Math.max(0, of - input.ranked.filter((e) => e.rank !== null).length);
    body += `<h2>${esc(ctx.t(W.ranking))}${leveled ? badge : ''}</h2>${without ? `<p class="note">${esc(`${ctx.n(without)}/${ctx.n(of)} ${ctx.t(W.unitsWithoutData)}`)}</p>` : ''}${table(
      [ctx.t(W.rank), ctx.t(W.id), ctx.t(W.name), ctx.t(W.total), '%', ...(leveled ? [ctx.t(W.level)] : []), ...(withSource ? [ctx.t(W.dataSource)] : [])],
      input.ranked.map((e) => [
        e.rank === null ? null : num(bounds(e.rank, e.best, e.worst)), e.id, name(e.name ?? ''), num(ctx.n(e.result.total)), num(ctx.pct(e.result.percent)), ...(leveled ? [e.result.level === null ? null : num(String(e.result.level))] : []),
        ...(withSource ? [raw(sourceHtml(e.source))] : []),
      ]),
    )}`;
  }
  return page(ctx, title, options.subtitle, body);
}

/**
 * Regions and ranks in region for a ranking given without them: computed by DTI value, and used
 * only when the given national ranks are exactly those of a ranking by value (so that the two
 * columns never disagree).
 */
function regionalRanking(ranked: Extract<ReportInput, { kind: 'provinces' }>['ranked']): Map<string, DtiRanking> | undefined {
  if (ranked.length < 2 || ranked.some((u) => u.ranking)) return undefined;
  let computed: DtiRanking[];
  try {
    computed = rankDti(ranked.map((u) => ({ id: u.id, result: u.result })), { groupBy: 'region' });
  } catch (e) {
    if (e instanceof ValidationError) return undefined;
    throw e;
  }
  const given = new Map(ranked.map((u) => [u.id, u.rank]));
  if (!computed.every((x) => given.get(x.id) === x.rank) || !computed.some((x) => typeof x.rankInGroup === 'number')) return undefined;
  return new Map(computed.map((x) => [x.id, x]));
}

function provinces(input: Extract<ReportInput, { kind: 'provinces' }>, options: ReportOptions, ctx: Ctx): string {
  const title = options.title ?? input.title ?? ctx.t(W.provincesTitle);
  const regional = regionalRanking(input.ranked);
  const top = input.ranked.slice(0, 20);
  let body = `<h2>${esc(ctx.t(W.top20))}</h2>${barChart({ title: ctx.t(W.dtiValue), series: ['DTI'], max: 1, format: ctx.v, tickFormat: (v) => ctx.n(v), items: top.map((u) => ({ label: u.name ?? u.id, values: [u.result.value] })) })}`;
  const rankingOf = (u: (typeof input.ranked)[number]) => u.ranking ?? regional?.get(u.id);
  const withRegion = input.ranked.some((u) => rankingOf(u)?.rankInGroup !== undefined);
  const withChange = input.ranked.some((u) => u.change);
  const withSource = input.ranked.some((u) => u.source);
  const first = input.ranked[0]?.result.pillars;
  const pillarHeader = first ? [first.government.code, first.economy.code, first.society.code] : ['CQS', 'KTS', 'XHS'];
  const unsure = input.ranked.map(rankingOf).find((r) => r !== undefined && !r.certain && r.withoutValue);
  if (unsure) body += `<p class="note">${esc(`${ctx.n(unsure.withoutValue)}/${ctx.n(unsure.of)} ${ctx.t(W.provincesWithoutData)}`)}</p>`;
  body += table(
    [ctx.t(W.rank), ctx.t(W.id), ctx.t(W.province), 'DTI', ...pillarHeader, ...(withRegion ? [ctx.t(W.region), ctx.t(W.rankInRegion)] : []), ...(withChange ? [ctx.t(W.change)] : []), ...(withSource ? [ctx.t(W.dataSource)] : [])],
    input.ranked.map((u) => {
      const r = rankingOf(u);
      const change: HtmlCell = u.change ? raw(`<span class="${u.change.direction === 'up' ? 'up' : u.change.direction === 'down' ? 'down' : ''}">${esc(ctx.lang === 'vi' ? u.change.labelVi : u.change.label)}</span>`) : null;
      return [
        u.rank === null ? null : num(bounds(u.rank, r?.best, r?.worst)), u.id, name(u.name ?? ''), num(ctx.v(u.result.value)), num(ctx.v(u.result.pillars.government.value)), num(ctx.v(u.result.pillars.economy.value)), num(ctx.v(u.result.pillars.society.value)),
        ...(withRegion ? [r?.groupName?.[ctx.lang] ?? r?.group ?? null, r?.rankInGroup ? num(`${bounds(r.rankInGroup, r.bestInGroup, r.worstInGroup)}/${r.ofInGroup}`) : null] : []),
        ...(withChange ? [change] : []),
        ...(withSource ? [raw(sourceHtml(u.source))] : []),
      ];
    }),
  );
  return page(ctx, title, options.subtitle, body);
}

// ------------------------------------------------------------------ validation

type Path = (string | number)[];
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isLocalized = (x: unknown) => isObject(x) && typeof x.vi === 'string' && typeof x.en === 'string';
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A small schema checker for what the report reads: every field it prints or computes with. (The
 * analyses' own result checks cover more; this keeps a report from ever failing with a TypeError.)
 */
class Checker {
  readonly issues: ValidationIssue[] = [];
  fail(path: Path, expected: string, received: unknown): false {
    if (this.issues.length < 50) this.issues.push(makeIssue(path, finite(received) || typeof received !== 'number' ? 'invalid_type' : 'not_finite', { expected, received }));
    return false;
  }
  object(x: unknown, path: Path, expected: string): x is Record<string, unknown> {
    return isObject(x) || this.fail(path, expected, x);
  }
  number(o: Record<string, unknown>, key: string, path: Path, nullable = false): void {
    const v = o[key];
    if (!(finite(v) || (nullable && v === null))) this.fail([...path, key], nullable ? 'finite number or null' : 'finite number', v);
  }
  text(o: Record<string, unknown>, key: string, path: Path, optional = false): void {
    const v = o[key];
    if (!(typeof v === 'string' || (optional && v === undefined))) this.fail([...path, key], optional ? 'string or nothing' : 'string', v);
  }
  localized(o: Record<string, unknown>, key: string, path: Path, nullable = false): void {
    const v = o[key];
    if (!(isLocalized(v) || (nullable && (v === null || v === undefined)))) this.fail([...path, key], '{ vi, en }', v);
  }
  list(x: unknown, path: Path, each: (e: unknown, p: Path) => void, optional = false): void {
    if (optional && x === undefined) return;
    if (!Array.isArray(x)) return void this.fail(path, 'array', x);
    for (let i = 0; i < x.length && this.issues.length < 50; i++) each(x[i], [...path, i]);
  }
  framework(r: Record<string, unknown>, path: Path): void {
    if (this.object(r.framework, [...path, 'framework'], '{ id, decision, status }')) this.text(r.framework, 'id', [...path, 'framework']);
  }
  dbi(x: unknown, path: Path): void {
    if (!this.object(x, path, 'DBI result')) return;
    if (x.kind !== 'dbi') return void this.fail([...path, 'kind'], '"dbi"', x.kind);
    this.framework(x, path);
    for (const k of ['total', 'max', 'percent']) this.number(x, k, path);
    this.number(x, 'level', path, true);
    this.localized(x, 'levelName', path, true);
    this.localized(x, 'noLevelReason', path, true);
    this.list(x.pillars, [...path, 'pillars'], (p, pp) => {
      if (!this.object(p, pp, 'pillar score')) return;
      this.localized(p, 'name', pp);
      for (const k of ['points', 'max', 'percent']) this.number(p, k, pp);
      this.number(p, 'level', pp, true);
    });
    // a result the library did not hand out is re-scored: a forged figure never reaches the page
    if (this.issues.length === 0) inspectDbiResult(x, path, this.issues);
  }
  dti(x: unknown, path: Path): void {
    if (!this.object(x, path, 'DTI result')) return;
    if (x.kind !== 'dti') return void this.fail([...path, 'kind'], '"dti"', x.kind);
    this.framework(x, path);
    for (const k of ['total', 'max', 'value']) this.number(x, k, path);
    if (this.object(x.pillars, [...path, 'pillars'], '{ government, economy, society }')) {
      for (const id of ['government', 'economy', 'society']) {
        const pp = [...path, 'pillars', id];
        const p = x.pillars[id];
        if (!this.object(p, pp, 'pillar score')) continue;
        this.localized(p, 'name', pp);
        this.text(p, 'code', pp);
        for (const k of ['points', 'max', 'value']) this.number(p, k, pp);
      }
    }
    this.list(x.mainIndicators, [...path, 'mainIndicators'], (m, mp) => {
      if (!this.object(m, mp, 'main indicator score')) return;
      this.text(m, 'id', mp);
      this.text(m, 'group', mp);
      this.localized(m, 'name', mp);
      this.number(m, 'points', mp);
      this.number(m, 'max', mp);
      this.number(m, 'value', mp, true);
      const exact = m.exact;
      if (this.object(exact, [...path, 'exact'], '{ points, value }') && !(exact.value === null || (typeof exact.value === 'string' && DECIMAL.test(exact.value)))) {
        this.fail([...mp, 'exact', 'value'], 'decimal string or null', exact.value);
      }
    });
    // a result the library did not hand out is re-scored: a forged figure never reaches the page
    if (this.issues.length === 0) inspectDtiResult(x, path, this.issues);
  }
  stats(x: unknown, path: Path): void {
    if (!this.object(x, path, 'statistics')) return;
    for (const k of ['mean', 'q1', 'median', 'q3']) this.number(x, k, path);
  }
  group(g: unknown, path: Path): void {
    if (!this.object(g, path, 'group summary')) return;
    this.text(g, 'key', path);
    this.number(g, 'count', path);
    if (this.object(g.levels, [...path, 'levels'], 'counts per level')) for (const [l, n] of Object.entries(g.levels)) if (!finite(n)) this.fail([...path, 'levels', l], 'finite number', n);
    this.stats(g.total, [...path, 'total']);
    if (g.coverage !== undefined && this.object(g.coverage, [...path, 'coverage'], 'coverage')) {
      this.number(g.coverage, 'registered', [...path, 'coverage']);
      this.number(g.coverage, 'share', [...path, 'coverage']);
      this.number(g.coverage, 'shortfall', [...path, 'coverage'], true);
    }
  }
  change(x: unknown, path: Path): void {
    if (x === undefined || !this.object(x, path, 'rank change')) return;
    this.text(x, 'direction', path);
    this.text(x, 'label', path);
    this.text(x, 'labelVi', path);
  }
  ranking(x: unknown, path: Path): void {
    if (x === undefined || !this.object(x, path, 'DTI ranking')) return;
    this.number(x, 'rank', path, true);
    this.number(x, 'of', path);
    for (const k of ['best', 'worst', 'withoutValue', 'bestInGroup', 'worstInGroup']) if (x[k] !== undefined) this.number(x, k, path);
    if (x.label !== undefined) this.text(x, 'label', path);
    if (x.labelVi !== undefined) this.text(x, 'labelVi', path);
    if (x.rankInGroup !== undefined) this.number(x, 'rankInGroup', path, true);
    if (x.ofInGroup !== undefined) this.number(x, 'ofInGroup', path);
    if (x.group !== undefined) this.text(x, 'group', path);
    if (x.groupName !== undefined) this.localized(x, 'groupName', path);
  }
  dtiGap(x: unknown, path: Path): void {
    if (x === undefined || !this.object(x, path, 'dtiGap() result')) return;
    for (const k of ['current', 'target']) if (this.object(x[k], [...path, k], '{ total, value }')) for (const f of ['total', 'value']) this.number(x[k] as Record<string, unknown>, f, [...path, k]);
    for (const k of ['pointsNeeded', 'valueNeeded']) this.number(x, k, path);
    if (typeof x.reachable !== 'boolean') this.fail([...path, 'reachable'], 'boolean', x.reachable);
    this.list(x.indicators, [...path, 'indicators'], (i, ip) => {
      if (!this.object(i, ip, 'indicator leverage')) return;
      this.localized(i, 'name', ip);
      for (const k of ['points', 'max', 'headroom', 'needed']) this.number(i, k, ip);
    });
  }
  gap(x: unknown, path: Path): void {
    if (x === undefined || !this.object(x, path, 'dbiGap() result')) return;
    this.number(x, 'targetLevel', path, true);
    if (typeof x.reachable !== 'boolean') this.fail([...path, 'reachable'], 'boolean', x.reachable);
    if (x.why !== undefined && x.why !== null && this.object(x.why, [...path, 'why'], '{ message }')) this.localized(x.why, 'message', [...path, 'why']);
    this.localized(x, 'reason', path, true);
    this.list(x.steps, [...path, 'steps'], (st, sp) => {
      if (!this.object(st, sp, 'gap step')) return;
      this.text(st, 'criterion', sp);
      this.localized(st, 'name', sp);
      for (const k of ['from', 'to', 'gain']) this.number(st, k, sp);
      for (const k of ['fromAnswer', 'toAnswer']) {
        const a = st[k];
        const ok = a === undefined || typeof a === 'string' || (typeof a === 'number' && Number.isFinite(a)) || (Array.isArray(a) && a.length <= 1000 && [...Array(a.length).keys()].every((i) => typeof a[i] === 'string'));
        if (!ok) this.fail([...sp, k], 'answer (option id, option ids, figure or points)', a);
      }
    });
  }
}

/**
 * Checks a report input before drawing: its kind, the results it shows and every field the page
 * prints. Bad input is a {@link ValidationError} naming each path, never a TypeError.
 */
function checkReportInput(input: unknown, options: unknown): void {
  const c = new Checker();
  if (!c.object(input, [], 'report input object')) throw new ValidationError(c.issues);
  if (options !== undefined && c.object(options, ['options'], 'object')) {
    if (options.lang !== undefined && options.lang !== 'vi' && options.lang !== 'en') {
      c.issues.push(makeIssue(['options', 'lang'], 'invalid_option', { detail: 'lang là "vi" hoặc "en"', detailEn: 'lang is "vi" or "en"' }));
    }
    c.text(options, 'title', ['options'], true);
    c.text(options, 'subtitle', ['options'], true);
    if (options.provenance !== undefined) {
      try {
        checkProvenance(options.provenance, ['options', 'provenance']);
      } catch (e) {
        if (e instanceof ValidationError) c.issues.push(...e.issues);
        else throw e;
      }
    }
  }
  const source = (o: Record<string, unknown>, p: Path) => c.text(o, 'source', p, true);
  switch (input.kind) {
    case 'enterprise':
      c.text(input, 'name', [], true);
      source(input, []);
      c.dbi(input.result, ['result']);
      c.list(input.cohort, ['cohort'], (e, p) => c.dbi(e, p), true);
      c.gap(input.gap, ['gap']);
      break;
    case 'province':
      c.text(input, 'name', [], true);
      source(input, []);
      c.dti(input.result, ['result']);
      c.list(input.peers, ['peers'], (e, p) => c.dti(e, p), true);
      c.ranking(input.ranking, ['ranking']);
      c.change(input.change, ['change']);
      c.dtiGap(input.gap, ['gap']);
      break;
    case 'cohort': {
      c.text(input, 'title', [], true);
      const sm = input.summary;
      if (c.object(sm, ['summary'], 'summarize() result')) {
        c.text(sm, 'framework', ['summary']);
        c.group(sm.overall, ['summary', 'overall']);
        c.list(sm.groups, ['summary', 'groups'], (g, p) => c.group(g, p));
      }
      c.list(input.ranked, ['ranked'], (e, p) => {
        if (!c.object(e, p, 'entry { id, result, rank }')) return;
        c.text(e, 'id', p);
        c.text(e, 'name', p, true);
        source(e, p);
        c.number(e, 'rank', p, true);
        for (const k of ['best', 'worst', 'of']) if (e[k] !== undefined) c.number(e, k, p);
        c.dbi(e.result, [...p, 'result']);
      }, true);
      break;
    }
    case 'provinces':
      c.text(input, 'title', [], true);
      c.list(input.ranked, ['ranked'], (e, p) => {
        if (!c.object(e, p, 'entry { id, result, rank }')) return;
        c.text(e, 'id', p);
        c.text(e, 'name', p, true);
        source(e, p);
        c.number(e, 'rank', p, true);
        c.dti(e.result, [...p, 'result']);
        c.ranking(e.ranking, [...p, 'ranking']);
        c.change(e.change, [...p, 'change']);
      });
      break;
    default:
      c.issues.push(makeIssue(['kind'], 'invalid_option', { detail: 'kind là enterprise, province, cohort hoặc provinces', detailEn: 'kind is enterprise, province, cohort or provinces' }));
  }
  if (c.issues.length) throw new ValidationError(c.issues.slice(0, 50));
}

/** The frameworks and row sources a report rests on. */
function reportProvenance(input: ReportInput): Provenance {
  const frameworks: Framework[] = [];
  const rows: ProvenanceRow[] = [];
  switch (input.kind) {
    case 'enterprise':
      frameworks.push(dbiFrameworkOf(input.result));
      if (input.source) rows.push({ id: input.name ?? '', source: input.source });
      break;
    case 'province':
      frameworks.push(dtiFrameworkOf(input.result));
      if (input.source) rows.push({ id: input.name ?? '', source: input.source });
      break;
    case 'cohort': {
      const first = input.ranked?.[0]?.result;
      // a summary remembers the framework it summarised (a defined framework has no bundled id to resolve)
      const summarised = recordedFramework(input.summary);
      frameworks.push(first ? dbiFrameworkOf(first) : summarised?.kind === 'dbi' ? summarised : dbiFrameworkOf({ framework: { id: input.summary.framework } } as DbiResult));
      for (const e of input.ranked ?? []) if (e.source) rows.push({ id: e.id, source: e.source });
      break;
    }
    case 'provinces':
      for (const e of input.ranked) {
        frameworks.push(dtiFrameworkOf(e.result));
        if (e.source) rows.push({ id: e.id, source: e.source });
      }
      break;
  }
  return provenanceOf(frameworks, rows);
}

/**
 * Renders a self-contained HTML page (inline CSS and SVG, no script, no network), in Vietnamese
 * (default) or English, with the framework's status and a footer of assumptions and sources.
 *
 * @throws {@link ValidationError} when the input is not a report input (unknown kind, a result that
 * is not a scoring result …).
 * @example
 * ```ts
 * const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
 * const result = scoreDbi('dbi-2021-sme', { answers });
 * const html = renderReport({ kind: 'enterprise', name: 'DN001', result, gap: dbiGap('dbi-2021-sme', { answers }) }, { lang: 'vi' });
 * html.startsWith('<!DOCTYPE html>'); // true
 * // writeFileSync('dn001.html', html), and open it in a browser
 * ```
 */
export function renderReport(input: ReportInput, options: ReportOptions = {}): string {
  input = readOnce(input, ['input']);
  options = readOnce(options, ['options']);
  checkReportInput(input, options);
  const ctx = context(options, options.provenance ?? reportProvenance(input));
  switch (input.kind) {
    case 'enterprise':
      return enterprise(input, options, ctx);
    case 'province':
      return province(input, options, ctx);
    case 'cohort':
      return cohort(input, options, ctx);
    case 'provinces':
      return provinces(input, options, ctx);
  }
}
