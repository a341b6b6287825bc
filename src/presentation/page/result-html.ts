/**
 * The markup of the result and the plan, from what the library computed (model.ts `evaluate`): the
 * figures, the level (or why there is none, and a level condition that held), the pillars, and the
 * plan of `dbiGap`. Percentages, answers and the level condition are worded by the reports' own
 * helpers, so the page and `renderReport` print a result alike.
 *
 * @internal
 */
import type { DbiResult } from '../../score/score-dbi.js';
import { formatNumber, type Lang } from '../format/locale.js';
import { statusText } from '../format/provenance.js';
import { dbiAnswerText, dbiPercentText, levelCapText } from '../report/html.js';
import { esc, radarChart } from '../report/svg.js';
import { targetLevels, type PageEvaluation, type PageLayout } from './model.js';
import { word } from './words.js';

/** A link to a question of the form, by its answer id. */
function questionLink(layout: PageLayout, id: string, sector: string | undefined): string {
  const q = layout.questions.find((x) => x.id === id && (x.sector === null || x.sector.id === sector));
  return q ? `<a href="#q${q.index}">${esc(id)}</a>` : esc(id);
}

function levelHtml(layout: PageLayout, r: DbiResult, lang: Lang): string {
  const f = layout.framework;
  const badge = f.status === 'reconstructed' ? ` <span class="badge reconstructed">${esc(statusText(f.status, lang))}</span>` : '';
  if (r.level === null) return `<span class="level none">${esc(word('noLevel', lang))}</span>`;
  return `<span class="level" data-level="${r.level}">${esc(`${word('level', lang)} ${r.level}`)}${r.levelName ? ` — ${esc(r.levelName[lang])}` : ''}</span>${badge}`;
}

/** The one-line summary of the bar at the top (read out by screen readers as it changes). */
export function summaryText(ev: PageEvaluation, lang: Lang): string {
  const r = ev.result ?? ev.provisional;
  if (!r) return ev.status.sectorMissing ? word('sectorNotChosen', lang) : '';
  const level = r.level === null ? word('noLevel', lang).split(':')[0]! : `${word('level', lang)} ${r.level}`;
  const figures = `${level} · ${formatNumber(r.total, lang)}/${formatNumber(r.max, lang)} ${word('pointsWord', lang)} · ${formatNumber(r.percent, lang, 2)}%`;
  return ev.result ? figures : `${figures} (${lang === 'vi' ? 'tạm tính' : 'provisional'})`;
}

/** The result: problems to correct, then the figures, the level and the pillars. */
export function resultHtml(layout: PageLayout, ev: PageEvaluation, lang: Lang): string {
  const f = layout.framework;
  const sector = ev.assessment.sector;
  let html = '';
  if (ev.status.sectorMissing) html += `<p class="note">${esc(word('chooseSector', lang))}</p>`;
  if (ev.status.issues.length) {
    const items = ev.status.issues.map((i) => `<li>${i.criterion ? `${questionLink(layout, i.criterion, sector)}: ` : ''}${esc(i.message[lang])}</li>`).join('');
    html += `<div class="problems"><h3>${esc(word('problems', lang))}</h3><ul>${items}</ul></div>`;
  }
  const r = ev.result ?? ev.provisional;
  if (!r) return html;
  if (!ev.result) html += `<p class="provisional">${esc(word('provisional', lang, { n: ev.status.unanswered.length }))}</p>`;
  const pct = (scope: 'overall' | 'pillar', shown: number, exact: string) => dbiPercentText(f, scope, shown, exact, lang);
  html += `<div class="figures${ev.result ? '' : ' is-provisional'}" data-complete="${ev.result ? 'true' : 'false'}">`;
  html += `<div class="figure wide"><span class="label">${esc(word('overallLevel', lang))}</span><b id="vndi-level">${levelHtml(layout, r, lang)}</b></div>`;
  html += `<div class="figure"><span class="label">${esc(word('total', lang))}</span><b id="vndi-total">${esc(`${formatNumber(r.total, lang)}/${formatNumber(r.max, lang)}`)}</b></div>`;
  html += `<div class="figure"><span class="label">${esc(word('percent', lang))}</span><b id="vndi-percent">${esc(pct('overall', r.percent, r.exact.percent))}</b></div></div>`;
  if (r.noLevelReason) html += `<p class="note">${esc(r.noLevelReason[lang])}</p>`;
  const cap = levelCapText(r, lang);
  if (cap) html += `<p class="note cap">${esc(cap)}</p>`;
  for (const n of r.notices ?? []) html += `<p class="note">${esc(n.message[lang])}</p>`;
  const withLevels = r.pillars.some((p) => p.level !== null);
  const rows = r.pillars
    .map((p) => {
      const percent = p.notApplicable ? esc(word('notApplicable', lang).toLowerCase()) : esc(pct('pillar', p.percent, p.exact.percent));
      return `<tr data-pillar="${esc(p.id)}"><th scope="row">${esc(p.name[lang])}</th><td class="n">${esc(formatNumber(p.points, lang))}</td><td class="n">${esc(formatNumber(p.max, lang))}</td><td class="n">${percent}</td>${withLevels ? `<td class="n">${p.level === null ? '—' : p.level}</td>` : ''}</tr>`;
    })
    .join('');
  html += `<table class="pillars"><caption class="sr-only">${esc(word('pillar', lang))}</caption><thead><tr><th scope="col">${esc(word('pillar', lang))}</th><th scope="col" class="n">${esc(word('points', lang))}</th><th scope="col" class="n">${esc(word('max', lang))}</th><th scope="col" class="n">%</th>${withLevels ? `<th scope="col" class="n">${esc(word('level', lang))}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>`;
  if (r.pillars.length >= 3) {
    html += `<div class="chart print-only">${radarChart({ title: word('radar', lang), axes: r.pillars.map((p) => p.name[lang]), series: [{ name: word('enterprise', lang), values: r.pillars.map((p) => p.percent) }], size: 300, ringLabel: (v) => `${v}%` })}</div>`;
  }
  return html;
}

/** The plan of `dbiGap` to the chosen level: why the enterprise is where it is, then the steps. */
export function planHtml(layout: PageLayout, ev: PageEvaluation, lang: Lang): string {
  const f = layout.framework;
  const g = ev.plan;
  if (f.levelRule.kind === 'none') return `<p class="note">${esc(f.levelRule.reason[lang])}</p>`;
  if (!g) return `<p class="note">${esc(word('planWhenComplete', lang))}</p>`;
  const sector = ev.assessment.sector;
  // a plan "to" a level the enterprise has reached, or that the rule does not have, has no title: its reason says so
  const ahead = g.targetLevel !== null && g.currentLevel !== null && g.targetLevel > g.currentLevel && targetLevels(f).includes(g.targetLevel);
  let html = ahead ? `<h3 id="vndi-plan-title">${esc(word('planTo', lang, { level: g.targetLevel! }))}</h3>` : '';
  if (!g.reachable || g.steps.length === 0) {
    // at the rule's highest level, "the next level" is none: say so rather than "level 6 is not in the rule"
    const top = g.currentLevel !== null && g.currentLevel >= Math.max(...targetLevels(f));
    const reason = top && !g.reachable ? word('alreadyAtTop', lang) : (g.reason?.[lang] ?? '');
    html += `<p class="reason" data-reachable="${g.reachable}">${esc(reason)}</p>`;
    return g.why ? `${html}<p class="why">${esc(g.why.message[lang])}</p>` : html;
  }
  if (g.why) html += `<p class="why">${esc(g.why.message[lang])}</p>`;
  const answer = (criterion: string, a: unknown, points: number) =>
    a === undefined ? esc(formatNumber(points, lang)) : `${esc(dbiAnswerText(f, sector, criterion, a, lang))} <span class="pts">(${esc(formatNumber(points, lang))})</span>`;
  const rows = g.steps
    .map((s) => `<tr data-criterion="${esc(s.criterion)}"><th scope="row">${questionLink(layout, s.criterion, sector)}</th><td>${esc(s.name[lang])}</td><td>${answer(s.criterion, s.fromAnswer, s.from)}</td><td>${answer(s.criterion, s.toAnswer, s.to)}</td><td class="n">+${esc(formatNumber(s.gain, lang))}</td></tr>`)
    .join('');
  html += `<table class="plan"><thead><tr><th scope="col">${esc(word('criterion', lang))}</th><th scope="col">${esc(word('content', lang))}</th><th scope="col">${esc(word('from', lang))}</th><th scope="col">${esc(word('to', lang))}</th><th scope="col" class="n">${esc(word('gain', lang))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const after = g.result;
  if (after) {
    const level = after.level === null ? '' : `${word('level', lang)} ${after.level}, `;
    html += `<p class="after">${esc(lang === 'vi' ? `Sau lộ trình: ${level}tổng ${formatNumber(after.total, lang)}/${formatNumber(after.max, lang)} điểm (+${formatNumber(g.pointsAdded, lang)}).` : `After the plan: ${level}total ${formatNumber(after.total, lang)}/${formatNumber(after.max, lang)} points (+${formatNumber(g.pointsAdded, lang)}).`)}</p>`;
  }
  return html;
}
