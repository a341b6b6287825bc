/**
 * The markup of the self-assessment form, from the page's questionnaire (model.ts): the
 * enterprise, its sector, then each pillar with its direct questions and its groups, one fieldset
 * per question (its legend the question, its controls labelled), and the result panel's frame.
 *
 * Controls are named by the question's position (`a12`), options by theirs (`value="3"`), so that
 * no framework text ever reaches an attribute unescaped or a selector. Every text goes through
 * `esc`.
 *
 * @internal
 */
import { viNumber } from '../../errors.js';
import type { DbiFramework, DbiPillar } from '../../framework/schema.js';
import { formatNumber, type Lang } from '../format/locale.js';
import { esc } from '../report/svg.js';
import { targetLevels, type PageLayout, type PageQuestion } from './model.js';
import { word } from './words.js';

const num = (n: number, lang: Lang) => (lang === 'vi' ? viNumber(n) : String(n));
const points = (n: number, lang: Lang) => `${formatNumber(n, lang)} ${word(n === 1 && lang === 'en' ? 'pointWord' : 'pointsWord', lang)}`;

/** The hint under a question: bounds, unit, decimals, how a figure becomes points, a cap. */
function hint(q: PageQuestion, lang: Lang): string {
  const parts: string[] = [];
  const answer = q.criterion?.answer;
  const bounds = () => {
    const range = word('between', lang, { min: num(q.min, lang), max: num(q.max, lang) });
    return `${range}, ${q.decimals > 0 ? word('decimals', lang, { d: q.decimals }) : word('wholeNumber', lang)}`;
  };
  if (answer?.kind === 'figure') {
    parts.push(`${word('unit', lang)} ${answer.unit[lang]}: ${bounds()}`);
    const steps = answer.thresholds.map((t) => `${t.inclusive ? '≥' : '>'} ${num(t.from, lang)}: ${points(t.points, lang)}`);
    parts.push(`${word('thresholds', lang)}: ${steps.join('; ')}`);
  } else if (answer?.kind === 'multiple') {
    parts.push(word('chooseAll', lang));
    if (answer.cap !== undefined) parts.push(`${word('cap', lang)} ${points(answer.cap, lang)}`);
  } else if (q.kind === 'number') {
    parts.push(q.steps.length > 0 ? q.steps.map((s) => num(s, lang)).join(', ') : bounds());
  }
  if (q.criterion?.question && q.criterion.question[lang] !== q.criterion.name[lang]) parts.unshift(q.criterion.name[lang]);
  return parts.length ? `<p class="hint" id="h${q.index}">${esc(parts.join('. '))}.</p>` : '';
}

function radio(q: PageQuestion, value: string, label: string, extra = ''): string {
  return `<label class="opt${extra}"><input type="radio" name="a${q.index}" value="${value}"><span>${label}</span></label>`;
}

function checkbox(q: PageQuestion, value: string, label: string, extra = ''): string {
  return `<label class="opt${extra}"><input type="checkbox" name="a${q.index}" value="${value}"><span>${label}</span></label>`;
}

/** The controls of one question. */
function controls(q: PageQuestion, lang: Lang): string {
  const answer = q.criterion?.answer;
  const na = word('notApplicable', lang);
  if (q.kind === 'points') {
    const radios = q.steps.map((s) => radio(q, String(s), esc(formatNumber(s, lang)), ' step')).join('');
    return `<div class="opts steps">${radios}${q.notApplicable ? radio(q, 'na', esc(na), ' na') : ''}</div>`;
  }
  if (answer?.kind === 'single' || answer?.kind === 'multiple') {
    const option = answer.options
      .map((o, j) => {
        const text = `${o.letter ? `<span class="letter">${esc(o.letter)})</span> ` : ''}${esc(o.text[lang])} <span class="pts">(${esc(points(o.points, lang))}${o.exclusive ? `; ${esc(word('exclusive', lang))}` : ''})</span>`;
        return answer.kind === 'single' ? radio(q, String(j), text) : checkbox(q, String(j), text, o.exclusive ? ' exclusive' : '');
      })
      .join('');
    if (answer.kind === 'single') {
      const inline = answer.options.length <= 3 && answer.options.every((o) => o.text[lang].length <= 12) ? ' inline' : '';
      return `<div class="opts${inline}">${option}${q.notApplicable ? radio(q, 'na', esc(na), ' na') : ''}</div>`;
    }
    // "none of these" where no exclusive option says it: an untouched question stays unanswered
    const none = answer.options.some((o) => o.exclusive) ? '' : checkbox(q, 'none', esc(word('noneOfThese', lang)), ' exclusive none');
    return `<div class="opts">${option}${none}${q.notApplicable ? checkbox(q, 'na', esc(na), ' exclusive na') : ''}</div>`;
  }
  // a typed number: a figure with its unit, points in a range, a pillar's points
  const label = answer?.kind === 'figure' ? `${word('figureValue', lang)} (${answer.unit[lang]})` : word('points', lang);
  const described = [`h${q.index}`, `s${q.index}`].join(' ');
  const input = `<label class="num" for="a${q.index}">${esc(label)}</label> <input type="text" id="a${q.index}" name="a${q.index}" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="${described}">`;
  return `<div class="opts typed">${input}${q.notApplicable ? checkbox(q, 'na', esc(na), ' na') : ''}</div>`;
}

function question(q: PageQuestion, lang: Lang): string {
  const text = q.criterion ? (q.criterion.question ?? q.criterion.name)[lang] : word('pillarPoints', lang);
  const id = q.criterion ? `<span class="qid">${esc(q.id)}</span> ` : '';
  const max = `<span class="qmax">(${esc(word('upTo', lang))} ${esc(points(q.max, lang))})</span>`;
  return `<fieldset class="q unanswered" id="q${q.index}" data-q="${q.index}" aria-describedby="s${q.index}"><legend>${id}${esc(text)} ${max}</legend>${hint(q, lang)}${controls(q, lang)}<p class="qstatus" id="s${q.index}">${esc(word('unanswered', lang))}</p></fieldset>`;
}

function pillarHeading(layout: PageLayout, p: DbiPillar, index: number, lang: Lang): string {
  const f = layout.framework;
  const weight = f.aggregation?.kind === 'weighted' ? f.aggregation.weights.find((w) => w.pillar === p.id)?.weight : undefined;
  const extra = [
    ...(p.max !== null ? [`${word('upTo', lang)} ${points(p.max, lang)}`] : []),
    ...(weight !== undefined ? [`${word('weight', lang)} ${num(weight, lang)}`] : []),
  ];
  return `<h2 id="p${index}h"><span class="code">${esc(p.code)}.</span> ${esc(p.name[lang])}${extra.length ? ` <span class="pmax">(${esc(extra.join('; '))})</span>` : ''}</h2>`;
}

function sectorFieldset(layout: PageLayout, lang: Lang): string {
  const f = layout.framework;
  if (!f.sectors) return '';
  const rules = f.sectorRules;
  const other = rules?.unlistedSector === 'common-part-only';
  const radios = f.sectors.map((s, i) => `<label class="opt"><input type="radio" name="sector" value="${i}"><span>${esc(s.name[lang])}</span></label>`).join('');
  const otherControl = other
    ? `<label class="opt"><input type="radio" name="sector" value="other"><span>${esc(word('sectorOther', lang))}</span></label><p class="other"><label for="vndi-sector-other">${esc(word('sectorOtherName', lang))}</label> <input type="text" id="vndi-sector-other" autocomplete="off" disabled></p>`
    : '';
  const notes = [word(other ? 'sectorCommonOnly' : 'sectorRefused', lang), ...(rules?.otherSectorAnswers === 'ignore' ? [word('otherSectorIgnored', lang)] : [])];
  if (rules?.basis) notes.push(rules.basis[lang]);
  return `<fieldset class="q sector unanswered" id="vndi-sector" aria-describedby="vndi-sector-hint vndi-sector-status"><legend>${esc(word('sector', lang))}</legend><div class="opts">${radios}${otherControl}</div><p class="hint" id="vndi-sector-hint">${esc(notes.join(' '))}</p><p class="qstatus" id="vndi-sector-status">${esc(word('sectorNotChosen', lang))}</p></fieldset>`;
}

/** The form: the enterprise, its sector, then the pillars in order. */
export function formHtml(layout: PageLayout, lang: Lang): string {
  const f = layout.framework;
  const enterprise = `<fieldset class="q enterprise"><legend>${esc(word('enterprise', lang))}</legend><p class="field"><label for="vndi-name">${esc(word('enterpriseName', lang))} <span class="opt-note">(${esc(word('optional', lang))})</span></label> <input type="text" id="vndi-name" autocomplete="organization"></p><p class="field"><label for="vndi-id">${esc(word('enterpriseId', lang))} <span class="opt-note">(${esc(word('optional', lang))})</span></label> <input type="text" id="vndi-id" autocomplete="off"></p></fieldset>`;
  const pillars = layout.pillars
    .map((pp) => {
      const parts = pp.parts
        .map((part, pi) => {
          const body = part.direct.map((q) => question(q, lang)).join('') + part.groups
            .map((g, gi) => {
              const id = `g${pp.index}-${pi}-${gi}`;
              return `<section class="group" aria-labelledby="${id}"><h3 id="${id}"><span class="code">${esc(g.component.id)}</span> ${esc(g.component.name[lang])}</h3>${g.questions.map((q) => question(q, lang)).join('')}</section>`;
            })
            .join('');
          if (!part.sector) return body;
          const s = part.sector;
          return `<div class="sector-part" data-sector="${esc(s.id)}" hidden><p class="part-head">${esc(word('sectorPart', lang))}: <b>${esc(s.name[lang])}</b> (${esc(word('upTo', lang))} ${esc(points(s.max, lang))})</p>${body}</div>`;
        })
        .join('');
      const waiting = pp.pillar.sectorSpecific && f.inputLevel === 'criterion' ? `<p class="note sector-waiting">${esc(word('sectorPartHint', lang))}</p>` : '';
      return `<section class="pillar" id="p${pp.index}" aria-labelledby="p${pp.index}h">${pillarHeading(layout, pp.pillar, pp.index, lang)}${waiting}${parts}</section>`;
    })
    .join('');
  return `<form id="vndi-form" class="form" novalidate>${enterprise}${sectorFieldset(layout, lang)}${pillars}</form>`;
}

/**
 * The page of a framework that cannot be scored (pillar maxima not published): for the officer who
 * hands the page out, the pillars by their code and name and what to do; for their developer, the
 * library's hint (English, labelled as such).
 */
export function notScorableHtml(f: DbiFramework, hint: string | undefined, lang: Lang): string {
  const missing = f.pillars.filter((p) => p.max === null && !p.sectorSpecific);
  const items = missing.map((p) => `<li><span class="code">${esc(p.code)}.</span> ${esc(p.name[lang])}</li>`).join('');
  const dev = hint ? `<p class="dev"><b>${esc(word('forDevelopers', lang))}:</b> <code>${esc(hint)}</code></p>` : '';
  return `<section class="warning" role="alert"><h2>${esc(word('cannotScore', lang))}</h2><p>${esc(word('cannotScoreWhy', lang, { decision: f.legalBasis.decision }))}</p><ul class="missing-maxima">${items}</ul><p>${esc(word('cannotScoreWhatToDo', lang))}</p>${dev}</section>`;
}

/** The progress bar at the top of the page. */
export function progressHtml(layout: PageLayout, lang: Lang): string {
  const total = layout.questions.filter((q) => q.sector === null).length;
  return `<div class="bar" id="vndi-bar"><div class="bar-in"><progress id="vndi-progress" max="${total}" value="0" aria-labelledby="vndi-progress-text"></progress> <span id="vndi-progress-text">${esc(word('questionsAnswered', lang, { n: 0, total }))}</span> <span id="vndi-summary" class="summary" role="status"></span> <span class="bar-tools"><button type="button" id="vndi-next">${esc(word('nextUnanswered', lang))}</button> <a href="#vndi-result" class="to-result">${esc(word('toResult', lang))}</a></span></div></div>`;
}

/** The result panel: the result, the plan with its target, saving, opening and printing. */
export function panelHtml(layout: PageLayout, lang: Lang): string {
  const f = layout.framework;
  const levels = targetLevels(f);
  const name = (l: number) => f.levels.find((x) => x.level === l)?.name[lang];
  const target = levels.length
    ? `<p class="target"><label for="vndi-target">${esc(word('target', lang))}</label> <select id="vndi-target"><option value="">${esc(word('nextLevel', lang))}</option>${levels.map((l) => `<option value="${l}">${esc(`${word('level', lang)} ${l}${name(l) ? ` — ${name(l)}` : ''}`)}</option>`).join('')}</select></p>`
    : '';
  const tools = [
    `<button type="button" id="vndi-save-json">${esc(word('saveJson', lang))}</button>`,
    `<button type="button" id="vndi-save-csv">${esc(word('saveCsv', lang))}</button>`,
    `<button type="button" id="vndi-load">${esc(word('load', lang))}</button>`,
    `<input type="file" id="vndi-file" accept=".json,.csv,application/json,text/csv" aria-label="${esc(word('load', lang))}" hidden>`,
    `<button type="button" id="vndi-print">${esc(word('print', lang))}</button>`,
    `<button type="button" id="vndi-clear" class="secondary">${esc(word('clear', lang))}</button>`,
  ].join('');
  return `<aside class="panel" id="vndi-result" aria-labelledby="vndi-result-h" tabindex="-1"><h2 id="vndi-result-h">${esc(word('result', lang))}</h2><div id="vndi-result-body"></div><h2 id="vndi-plan-h">${esc(word('plan', lang))}</h2>${target}<div id="vndi-plan-body"></div><div class="tools"><h2>${esc(word('save', lang))}</h2><div class="buttons">${tools}</div><p id="vndi-file-status" role="status"></p><p class="note">${esc(word('savedNote', lang))}</p></div></aside>`;
}

/** The whole application: progress bar, then the form and the result panel side by side. */
export function appHtml(layout: PageLayout, lang: Lang): string {
  return `${progressHtml(layout, lang)}<div class="layout">${formHtml(layout, lang)}${panelHtml(layout, lang)}</div>`;
}
