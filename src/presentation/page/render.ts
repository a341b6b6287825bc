/**
 * `renderAssessmentPage`: one self-contained HTML file in which an enterprise answers a DBI
 * framework's questionnaire and sees its result, its level and a plan to the next level, offline.
 *
 * The page carries the library's own `scoreDbi` and `dbiGap` (bundled with the page's script by
 * scripts/page-runtime.ts into generated-runtime.ts, kept current by test/page/runtime.test.ts),
 * the framework (a bundled framework by id; a framework file as data, which the page checks again
 * with `defineDbiFramework` before it scores anything), and a Content-Security-Policy that lets
 * the page run exactly its own inline script and style and load nothing at all.
 */
import { readOnce } from '../../assessment/snapshot.js';
import { ValidationError, makeIssue, pathToString, type ValidationIssue } from '../../errors.js';
import { resolveDbiFramework, type DbiFrameworkRef } from '../../framework/dbi/index.js';
import { isBundledFramework } from '../../framework/freeze.js';
import type { DbiFramework } from '../../framework/schema.js';
import type { DbiGap } from '../../analysis/dbi-gap.js';
import type { DbiAnswerInput, DbiAssessment, DbiResult } from '../../score/score-dbi.js';
import type { Localized } from '../../errors.js';
import type { Lang } from '../format/locale.js';
import { provenanceOf } from '../format/provenance.js';
import { provenanceHtml } from '../report/html.js';
import { esc } from '../report/svg.js';
import { PAGE_SCRIPT, PAGE_SCRIPT_SHA256, PAGE_STYLE, PAGE_STYLE_SHA256 } from './generated-runtime.js';
import { checkEntered, pageLayout } from './model.js';
import { word } from './words.js';

/** Options of {@link renderAssessmentPage}. */
export interface AssessmentPageOptions {
  /** Language of the page: `vi` (the default) or `en`. A framework's Vietnamese-only texts stay Vietnamese. */
  readonly lang?: Lang;
  /** The page's title; default "Tự đánh giá mức độ chuyển đổi số — <the framework's short title>". */
  readonly title?: string;
  /** A line under the title: who hands the page out, where to send the answers, a deadline. */
  readonly subtitle?: string;
  /**
   * The form filled in when the page opens (an enterprise's code and name, answers from last
   * year): checked as the page checks answers, and changed freely afterwards.
   */
  readonly initial?: {
    readonly id?: string;
    readonly name?: string;
    readonly sector?: string;
    readonly answers?: Readonly<Record<string, DbiAnswerInput>>;
  };
  /**
   * The origin of an app that embeds the page in an iframe from another origin (e.g.
   * `https://dx.daklak.gov.vn`): the page then posts each change to its parent at that origin and
   * takes messages from it only (see docs/assessment-page.md). Absent: the page posts nothing.
   */
  readonly messageOrigin?: string;
}

/** Where a page's answers stand (`window.vndiAssessment.status()`). */
export interface AssessmentPageStatus {
  /** Questions that apply (the chosen sector's part included). */
  readonly total: number;
  readonly answered: number;
  /** Ids of the questions that apply and are not answered, in form order. */
  readonly unanswered: readonly string[];
  /** The framework has sector parts and no sector is chosen. */
  readonly sectorMissing: boolean;
  /** Answers (or a sector) the library refuses: the question's id (`null`: the whole) and the message. */
  readonly issues: readonly { readonly criterion: string | null; readonly message: Localized }[];
  /** Every question answered and nothing refused: `result()` is the score. */
  readonly complete: boolean;
}

/** What the page reports on every change (the `vndi-assessment:change` event's `detail`, and `onChange`). */
export interface AssessmentPageChange {
  readonly status: AssessmentPageStatus;
  /** `scoreDbi` of the answers, once complete; else `null`. */
  readonly result: DbiResult | null;
  /** `dbiGap` to the page's target level (default: the next one), once complete; else `null`. */
  readonly plan: DbiGap | null;
  /** The sector and the answers of the questions that apply, as `scoreDbi` takes them. */
  readonly assessment: DbiAssessment;
  /** The enterprise's code and name as entered. */
  readonly enterprise: { readonly id?: string; readonly name?: string };
}

/**
 * The API of a page, as `window.vndiAssessment` in the page (an embedding app reaches it through
 * `iframe.contentWindow`). Results and plans are plain copies of what `scoreDbi` and `dbiGap`
 * return; setters check answers with the library and throw its `ValidationError` (with `issues`)
 * for anything it refuses, changing nothing.
 */
export interface AssessmentPageApi {
  /** 1: the version of this API. */
  readonly version: 1;
  readonly lang: Lang;
  readonly framework: { readonly id: string; readonly decision: string; readonly status: 'official' | 'reconstructed' };
  status(): AssessmentPageStatus;
  /** The sector and answers entered (the questions that apply only). */
  assessment(): DbiAssessment;
  enterprise(): { readonly id?: string; readonly name?: string };
  setEnterprise(enterprise: { readonly id?: string; readonly name?: string }): void;
  /** Replaces every answer (or, with `merge`, sets the ones given); the sector stays. */
  setAnswers(answers: Readonly<Record<string, DbiAnswerInput>>, options?: { readonly merge?: boolean }): AssessmentPageStatus;
  /** Chooses the sector (`null`: none); the answers stay. */
  setSector(sector: string | null): AssessmentPageStatus;
  /** Replaces the sector and every answer. */
  setAssessment(assessment: DbiAssessment): AssessmentPageStatus;
  /** Clears the sector and every answer. */
  clear(): AssessmentPageStatus;
  /** `scoreDbi` of the answers once every question is answered; `null` before. */
  result(): DbiResult | null;
  /** `dbiGap` to `targetLevel` (default: the page's target, else the next level) once complete; `null` before. */
  plan(targetLevel?: number): DbiGap | null;
  /** The target level of the page's plan (`null`: the next level). */
  setTarget(level: number | null): void;
  /** The JSON file the page saves (what `vndi score` reads). */
  toJSON(): string;
  /** The CSV file the page saves (for Excel; what `vndi score` reads). */
  toCSV(): string;
  /** Opens a saved JSON or CSV file's text, as the page's "open" button does. */
  load(text: string, fileName?: string): AssessmentPageStatus;
  /** Calls `listener` on every change; returns the function that stops it. */
  onChange(listener: (change: AssessmentPageChange) => void): () => void;
}

/** The page's Content-Security-Policy: its own inline script and style by hash, nothing else. */
export const ASSESSMENT_PAGE_CSP = [
  "default-src 'none'",
  `script-src '${PAGE_SCRIPT_SHA256}'`,
  `style-src '${PAGE_STYLE_SHA256}'`,
  "img-src 'none'",
  "font-src 'none'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const MAX_TEXT = 10_000;

function checkOptions(f: DbiFramework, options: unknown): AssessmentPageOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError([makeIssue(['options'], 'invalid_type', { expected: 'object', received: options })]);
  }
  const o = options as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const known = ['lang', 'title', 'subtitle', 'initial', 'messageOrigin'];
  for (const key of Object.keys(o)) if (!known.includes(key)) issues.push(makeIssue(['options', key], 'unknown_key', { key }));
  if (o.lang !== undefined && o.lang !== 'vi' && o.lang !== 'en') issues.push(makeIssue(['options', 'lang'], 'invalid_option', { detail: 'lang là "vi" hoặc "en"', detailEn: 'lang is "vi" or "en"' }));
  for (const key of ['title', 'subtitle']) {
    const v = o[key];
    if (v !== undefined && typeof v !== 'string') issues.push(makeIssue(['options', key], 'invalid_type', { expected: 'string', received: v }));
    else if (typeof v === 'string' && v.length > MAX_TEXT) {
      issues.push(makeIssue(['options', key], 'invalid_option', { detail: `${key} dài ${v.length.toLocaleString('vi-VN')} ký tự, tối đa ${MAX_TEXT.toLocaleString('vi-VN')}`, detailEn: `${key} is ${v.length.toLocaleString('en')} characters long; at most ${MAX_TEXT.toLocaleString('en')}` }));
    }
  }
  const origin = o.messageOrigin;
  if (origin !== undefined && !(typeof origin === 'string' && isOrigin(origin))) {
    issues.push(makeIssue(['options', 'messageOrigin'], 'invalid_option', { detail: 'messageOrigin là một origin, ví dụ https://dx.daklak.gov.vn', detailEn: 'messageOrigin is an origin, e.g. https://dx.daklak.gov.vn' }));
  }
  const initial = o.initial;
  if (initial !== undefined) {
    if (typeof initial !== 'object' || initial === null || Array.isArray(initial)) issues.push(makeIssue(['options', 'initial'], 'invalid_type', { expected: 'object { id?, name?, sector?, answers? }', received: initial }));
    else {
      const { id, name, sector, answers, ...rest } = initial as Record<string, unknown>;
      for (const key of Object.keys(rest)) issues.push(makeIssue(['options', 'initial', key], 'unknown_key', { key }));
      for (const [key, v] of [['id', id], ['name', name]] as const) {
        if (v !== undefined && (typeof v !== 'string' || v.length > 200)) issues.push(makeIssue(['options', 'initial', key], 'invalid_type', { expected: 'string (200 characters at most)', received: v }));
      }
      if (issues.length === 0) {
        try {
          checkEntered(pageLayout(f), sector === undefined ? { answers: answers ?? {} } : { sector, answers: answers ?? {} });
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          for (const i of e.issues) {
            const path = ['options', 'initial', ...i.path];
            issues.push({ ...i, path, pathString: pathToString(path) });
          }
        }
      }
    }
  }
  if (issues.length) throw new ValidationError(issues);
  return o as AssessmentPageOptions;
}

/** Whether a text is an origin as `postMessage` compares it (`https://host[:port]`). */
function isOrigin(text: string): boolean {
  if (!/^https?:\/\/[^/?#\s]+$/.test(text)) return false;
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}

/**
 * A checked framework's text `{ vi, en }` whose English is the Vietnamese (the schema's default where
 * a file gives no English) is carried as `{ vi }`: the page's check fills it in again, and a framework
 * file within the check's 50,000 values stays within them in the page (the filled-in copies would
 * not).
 */
const compactText = (_key: string, value: unknown) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const text = value as { vi?: unknown; en?: unknown };
  return keys.length === 2 && typeof text.vi === 'string' && text.en === text.vi ? { vi: text.vi } : value;
};

/** JSON inside a `<script type="application/json">`: no `<` can end the element. */
const scriptJson = (value: unknown) => JSON.stringify(value, compactText).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * Renders a self-contained HTML page in which an enterprise assesses itself on a DBI framework:
 * the questionnaire drawn from the framework (pillars and groups in order; points, single and
 * multiple choice with caps and exclusive options, yes/no, figures with their unit and bounds,
 * "not applicable" where allowed, the sector and its part, or a points field per pillar for a
 * pillar-level framework), progress and unanswered questions marked, and, as the answers change,
 * the result of `scoreDbi` (total, pillars, level or why there is none, a level condition that
 * held, the framework's status and assumptions) and the plan of `dbiGap` to the next or a chosen
 * level. The answers are saved as JSON and CSV that `vndi score` reads back to the same result,
 * open again in the page, and print as an A4 record.
 *
 * The file loads nothing (a Content-Security-Policy allows only its own inline script and style)
 * and works from `file://`: a USB stick, an email attachment. The page checks the framework it
 * carries again before scoring; a framework whose maxima are not published gets a page that says
 * so instead of a form. See docs/assessment-page.md for the page API (`window.vndiAssessment`).
 *
 * @param framework - a bundled DBI framework id (`dbi-2021-sme`) or a framework object checked by
 *   `defineFramework` (a framework file).
 * @throws {@link ValidationError} for an unknown id, an unchecked or DTI framework, or bad options.
 * @example
 * ```ts
 * const html = renderAssessmentPage('dbi-2021-sme', { subtitle: 'Sở KH&CN tỉnh Đắk Lắk' });
 * html.startsWith('<!DOCTYPE html>'); // true
 * html.includes('Content-Security-Policy'); // true
 * const en = renderAssessmentPage('dbi-2021-sme', { lang: 'en' });
 * en.includes('<html lang="en">'); // true
 * ```
 */
export function renderAssessmentPage(framework: DbiFrameworkRef, options: AssessmentPageOptions = {}): string {
  framework = readOnce(framework, ['framework']);
  const f = resolveDbiFramework(framework);
  const o = checkOptions(f, readOnce(options, ['options']));
  const lang = o.lang ?? 'vi';
  const title = o.title ?? `${word('title', lang)} — ${f.shortTitle[lang]}`;
  const prov = provenanceHtml(provenanceOf(f), lang);
  const config = {
    lang,
    framework: isBundledFramework(f) ? f.id : f,
    ...(o.initial ? { initial: o.initial } : {}),
    ...(o.messageOrigin ? { messageOrigin: o.messageOrigin } : {}),
  };
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${ASSESSMENT_PAGE_CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="vn-digital-index">
<title>${esc(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="page-head"><h1>${esc(title)}</h1>${o.subtitle ? `<p class="sub">${esc(o.subtitle)}</p>` : ''}<p class="prov">${prov.line}</p>${prov.warning}<p class="offline">${esc(word('offline', lang))}</p><p class="printed-on"></p></header>
<main id="vndi-app"><noscript><p class="warning">${esc(word('noScript', lang))}</p></noscript></main>
<footer class="page-foot"><h2>${esc(word('restsOn', lang))}</h2>${prov.footer}<p class="note">${esc(word('generatedBy', lang))}</p></footer>
<script type="application/json" id="vndi-config">${scriptJson(config)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
