/**
 * Self-contained HTML reports (no network, no script): one enterprise, one province, or a cohort.
 * Charts are inline SVG drawn by `svg.ts`.
 */
import type { DbiGap } from '../../analysis/dbi-gap.js';
import type { RankChange } from '../../analysis/rank.js';
import type { DtiRanking } from '../../analysis/rank-dti.js';
import type { CohortSummary } from '../../analysis/summarize.js';
import type { DbiResult } from '../../score/score-dbi.js';
import type { DtiResult } from '../../score/score-dti.js';
import * as X from '../../arithmetic/decimal.js';
import { ratioHalfUp } from '../../arithmetic/scaled.js';
import { barChart, esc, radarChart, stackedBarChart } from './svg.js';

/** What a report shows. */
export type ReportInput =
  | {
      readonly kind: 'enterprise';
      readonly name?: string;
      readonly result: DbiResult;
      /** Other enterprises' results: their average profile is drawn beside this one. */
      readonly cohort?: readonly DbiResult[];
      readonly gap?: DbiGap;
    }
  | {
      readonly kind: 'province';
      readonly name?: string;
      readonly result: DtiResult;
      /** All provinces' results (for the national average and the leader). */
      readonly peers?: readonly DtiResult[];
      readonly ranking?: DtiRanking;
      readonly change?: RankChange;
    }
  | {
      readonly kind: 'cohort';
      readonly title?: string;
      readonly summary: CohortSummary;
      /** A ranked table: entries in rank order. */
      readonly ranked?: readonly { readonly id: string; readonly name?: string; readonly result: DbiResult; readonly rank: number | null }[];
    }
  | {
      readonly kind: 'provinces';
      readonly title?: string;
      readonly ranked: readonly { readonly id: string; readonly name?: string; readonly result: DtiResult; readonly rank: number | null; readonly change?: RankChange }[];
    };

export interface ReportOptions {
  /** Page title. */
  readonly title?: string;
  /** Date or period shown under the title. */
  readonly subtitle?: string;
}

const CSS = `body{font-family:"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;margin:24px auto;max-width:960px;color:#222;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#666;margin:0 0 16px}.figures{display:flex;gap:16px;flex-wrap:wrap}.figure{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:120px}
.figure b{display:block;font-size:22px}.figure span{color:#666;font-size:12px}table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}
th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}.note{color:#666;font-size:12px}.up{color:#2e9c5b}.down{color:#c0392b}`;

function page(title: string, subtitle: string | undefined, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><h1>${esc(title)}</h1>${subtitle ? `<p class="sub">${esc(subtitle)}</p>` : ''}${body}
<p class="note">vn-digital-index — số liệu làm tròn như bảng công bố (điểm 2 chữ số thập phân, giá trị 4 chữ số) · figures rounded as published</p>
</body></html>
`;
}

function figure(label: string, value: string | number): string {
  return `<div class="figure"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
}

function table(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], numeric: readonly boolean[]): string {
  const th = header.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${c === null ? '—' : esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function enterprise(input: Extract<ReportInput, { kind: 'enterprise' }>, options: ReportOptions): string {
  const r = input.result;
  const title = options.title ?? `Mức độ chuyển đổi số — ${input.name ?? ''}`.trim();
  const series = [{ name: input.name ?? 'Doanh nghiệp', values: r.pillars.map((p) => p.percent) }];
  if (input.cohort?.length) {
    series.push({ name: `Trung bình (${input.cohort.length} DN)`, values: r.pillars.map((p, i) => mean(input.cohort!.map((c) => c.pillars[i]?.percent ?? 0))) });
  }
  const levelText = r.level === null ? 'chưa xếp mức' : `Mức ${r.level} — ${r.levelName?.vi ?? ''}`;
  let body = `<div class="figures">${figure('Mức tổng thể / overall level', levelText)}${figure('Tổng điểm / total', `${r.total}/${r.max}`)}${figure('Tỷ lệ / percent', `${r.percent}%`)}</div>`;
  if (r.noLevelReason) body += `<p class="note">${esc(r.noLevelReason.vi)}</p>`;
  body += `<h2>Hồ sơ trụ cột / pillar profile</h2><div class="charts">${radarChart({ title: 'Trụ cột (% điểm tối đa)', axes: r.pillars.map((p) => p.name.vi), series })}`;
  body += table(['Trụ cột', 'Điểm', 'Tối đa', '%', 'Mức'], r.pillars.map((p) => [p.name.vi, p.points, p.max, p.percent, p.level]), [false, true, true, true, true]) + '</div>';
  if (input.gap) {
    const g = input.gap;
    body += `<h2>Lộ trình lên mức ${esc(g.targetLevel ?? '')} / plan to level ${esc(g.targetLevel ?? '')}</h2>`;
    if (g.why) body += `<p>${esc(g.why.message.vi)}<br><span class="note">${esc(g.why.message.en)}</span></p>`;
    if (!g.reachable) body += `<p>${esc(g.reason?.vi ?? '')}</p>`;
    else if (g.steps.length === 0) body += `<p>${esc(g.reason?.vi ?? '')}</p>`;
    else body += table(['Tiêu chí', 'Nội dung', 'Từ', 'Lên', '+ điểm'], g.steps.map((s) => [s.criterion, s.name.vi, s.from, s.to, s.gain]), [false, false, true, true, true]);
  }
  return page(title, options.subtitle ?? `${r.framework.id} (${r.framework.decision})`, body);
}

function province(input: Extract<ReportInput, { kind: 'province' }>, options: ReportOptions): string {
  const r = input.result;
  const title = options.title ?? `Chỉ số DTI — ${input.name ?? ''}`.trim();
  const peers = input.peers ?? [];
  const indicators = r.mainIndicators.filter((m) => m.group !== 'unscored');
  let body = `<div class="figures">${figure('Giá trị DTI / DTI value', r.value)}${figure('Tổng điểm / points', `${r.total}/${r.max}`)}`;
  if (input.ranking?.rank) body += figure('Xếp hạng / rank', `${input.ranking.rank}/${input.ranking.of}`);
  if (input.ranking?.rankInGroup) body += figure(input.ranking.groupName?.vi ?? 'nhóm', `${input.ranking.rankInGroup}/${input.ranking.ofInGroup}`);
  if (input.change) body += figure('So với năm trước / change', input.change.labelVi);
  body += '</div>';
  body += table(['Trụ cột', 'Điểm', 'Tối đa', 'Giá trị'], Object.values(r.pillars).map((p) => [p.name.vi, p.points, p.max, p.value]), [false, true, true, true]);
  if (indicators.length) {
    // the national average, exact, rounded as published
    const avg = (id: string) => {
      const values = peers.map((p) => p.mainIndicators.find((m) => m.id === id)?.exact.value).filter((v): v is string => typeof v === 'string');
      return values.length ? X.toRoundedNumber(X.divide(X.sum(values.map((v) => X.exact(v))), values.length), 4) : 0;
    };
    const lead = (id: string) => Math.max(0, ...peers.map((p) => p.mainIndicators.find((m) => m.id === id)?.value ?? 0));
    const series = peers.length ? ['Tỉnh', 'Trung bình cả nước', 'Dẫn đầu'] : ['Tỉnh'];
    body += `<h2>Chỉ số chính / main indicators</h2>${barChart({
      title: 'Giá trị chỉ số chính so với trung bình và dẫn đầu',
      series,
      max: 1,
      format: (v) => v.toFixed(4),
      items: indicators.map((m) => ({ label: m.name.vi, values: peers.length ? [m.value, avg(m.id), lead(m.id)] : [m.value] })),
    })}`;
  }
  return page(title, options.subtitle ?? `${r.framework.id} (${r.framework.decision})`, body);
}

function cohort(input: Extract<ReportInput, { kind: 'cohort' }>, options: ReportOptions): string {
  const s = input.summary;
  const title = options.title ?? input.title ?? 'Bức tranh chuyển đổi số doanh nghiệp';
  const levelKeys = Object.keys(s.overall.levels);
  let body = `<div class="figures">${figure('Doanh nghiệp đã đánh giá', s.overall.count)}${figure('Điểm trung bình', s.overall.total.mean)}${figure('Trung vị', s.overall.total.median)}`;
  if (s.overall.coverage) body += figure('Tỷ lệ đánh giá / coverage', `${ratioHalfUp(s.overall.coverage.assessed * 100, s.overall.coverage.registered, 1)}%`);
  body += '</div>';
  body += `<h2>Phân bố mức theo nhóm / levels by group</h2>${stackedBarChart({
    title: 'Số doanh nghiệp theo mức',
    categories: levelKeys.map((l) => (l === 'none' ? 'chưa xếp' : `Mức ${l}`)),
    rows: s.groups.map((g) => ({ label: g.key, counts: levelKeys.map((l) => g.levels[l] ?? 0) })),
  })}`;
  body += table(
    ['Nhóm', 'Số DN', 'TB', 'Q1', 'Trung vị', 'Q3', ...(s.overall.coverage ? ['Đăng ký', 'Tỷ lệ', 'Thiếu'] : [])],
    s.groups.map((g) => [g.key, g.count, g.total.mean, g.total.q1, g.total.median, g.total.q3, ...(s.overall.coverage ? [g.coverage?.registered ?? null, g.coverage ? g.coverage.share : null, g.coverage?.shortfall ?? null] : [])]),
    [false, true, true, true, true, true, true, true, true],
  );
  if (input.ranked?.length) {
    body += `<h2>Xếp hạng / ranking</h2>${table(['Hạng', 'Mã', 'Tên', 'Tổng điểm', '%', 'Mức'], input.ranked.map((e) => [e.rank, e.id, e.name ?? '', e.result.total, e.result.percent, e.result.level]), [true, false, false, true, true, true])}`;
  }
  return page(title, options.subtitle ?? s.framework, body);
}

function provinces(input: Extract<ReportInput, { kind: 'provinces' }>, options: ReportOptions): string {
  const title = options.title ?? input.title ?? 'Xếp hạng DTI cấp tỉnh';
  const top = input.ranked.slice(0, 20);
  let body = `<h2>DTI (20 đầu bảng)</h2>${barChart({ title: 'Giá trị DTI', series: ['DTI'], max: 1, format: (v) => v.toFixed(4), items: top.map((u) => ({ label: u.name ?? u.id, values: [u.result.value] })) })}`;
  body += table(
    ['Hạng', 'Mã', 'Tỉnh', 'DTI', 'CQS', 'KTS', 'XHS', 'Thay đổi'],
    input.ranked.map((u) => [u.rank, u.id, u.name ?? '', u.result.value, u.result.pillars.government.value, u.result.pillars.economy.value, u.result.pillars.society.value, u.change?.labelVi ?? null]),
    [true, false, false, true, true, true, true, false],
  );
  return page(title, options.subtitle ?? input.ranked[0]?.result.framework.id, body);
}

/**
 * Renders a self-contained HTML page (inline CSS and SVG, no script, no network).
 *
 * @example
 * ```ts
 * const html = renderReport({ kind: 'enterprise', name: 'DN001', result, cohort, gap });
 * writeFileSync('dn001.html', html);
 * ```
 */
export function renderReport(input: ReportInput, options: ReportOptions = {}): string {
  switch (input.kind) {
    case 'enterprise':
      return enterprise(input, options);
    case 'province':
      return province(input, options);
    case 'cohort':
      return cohort(input, options);
    case 'provinces':
      return provinces(input, options);
  }
}
