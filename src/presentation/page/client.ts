/// <reference lib="dom" />
/**
 * The script of the self-assessment page, bundled with the library's own scorer and planner into
 * the page (scripts/page-runtime.ts writes the bundle to generated-runtime.ts). It checks the
 * framework the page carries (a bundled id; a framework file checked again by
 * `defineDbiFramework`, or by `defineDerivedFramework` where an override helper derived it from a
 * bundled framework whose id it keeps: a page never scores with a framework that fails the
 * checks), draws the form from the framework, reads the controls into answers, and shows what the library computes from
 * them (model.ts `evaluate`: `safeScoreDbi`, `dbiGap`). It exposes the page API
 * (`window.vndiAssessment`, see docs/assessment-page.md) and an event on every change.
 *
 * Nothing here scores: the figures, levels and plans are the library's, and the saved files are
 * read with the command line's own reader (saved.ts).
 *
 * @internal
 */
import { ZOD_JITLESS } from './zod-jitless.js';
import { dbiGap, type DbiGap } from '../../analysis/dbi-gap.js';
import { NotScorableError, ValidationError, isValidationError, makeIssue } from '../../errors.js';
import { findOption } from '../../framework/dbi-criterion.js';
import { DBI_FRAMEWORKS, resolveDbiFramework } from '../../framework/dbi/index.js';
import { defineDbiFramework, defineDerivedFramework } from '../../framework/define.js';
import type { DbiFramework } from '../../framework/schema.js';
import type { DbiAnswerInput, DbiAssessment, DbiResult } from '../../score/score-dbi.js';
import type { Lang } from '../format/locale.js';
import { cellValue } from '../io/rows.js';
import { esc } from '../report/svg.js';
import { appHtml, notScorableHtml } from './form-html.js';
import { NOT_APPLICABLE, applicable, checkEntered, evaluate, pageLayout, targetLevels, type Entered, type PageEvaluation, type PageLayout, type PageQuestion, type PageStatus } from './model.js';
import { planHtml, resultHtml, summaryText } from './result-html.js';
import { DEFAULT_ID, readSaved, savedCsv, savedJson, type SavedEnterprise } from './saved.js';
import { word } from './words.js';

/** What renderAssessmentPage writes into the page (the `vndi-config` JSON). */
export interface PageConfig {
  readonly lang: Lang;
  /** A bundled framework's id, or a framework file's data (checked again here). */
  readonly framework: string | Record<string, unknown>;
  readonly initial?: { readonly id?: string; readonly name?: string; readonly sector?: string; readonly answers?: Record<string, DbiAnswerInput> };
  /** The origin of an embedding app that may exchange messages with the page. */
  readonly messageOrigin?: string;
}

/** What the page tells listeners on every change. */
interface PageChange {
  readonly status: PageStatus;
  readonly result: DbiResult | null;
  readonly plan: DbiGap | null;
  readonly assessment: DbiAssessment;
  readonly enterprise: SavedEnterprise;
}

const CHANGE_EVENT = 'vndi-assessment:change';
const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector<T>(selector);
const $$ = <T extends Element = HTMLInputElement>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];

/** A plain copy (results and answers handed to an embedding app are its own). */
const plain = <T>(x: T): T => (x === null || x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T));

function messages(e: unknown, lang: Lang): string[] {
  if (isValidationError(e)) return (e as ValidationError).issues.map((i) => `${i.pathString ? `${i.pathString}: ` : ''}${i.message[lang]}`);
  return [String((e as Error)?.message ?? e)];
}

function showProblem(app: HTMLElement, title: string, lead: string, details: readonly string[]): void {
  app.innerHTML = `<section class="warning" role="alert"><h2>${esc(title)}</h2><p>${esc(lead)}</p>${details.length ? `<ul>${details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>` : ''}</section>`;
}

/** The page's form, wired to the library. */
class AssessmentPage {
  readonly f: DbiFramework;
  readonly layout: PageLayout;
  readonly lang: Lang;
  private target: number | undefined;
  private ev!: PageEvaluation;
  /** Multiple-choice questions answered "nothing ticked" where no control says so (set by the API or a file). */
  private readonly emptyChosen = new Set<number>();
  private readonly listeners = new Set<(change: PageChange) => void>();
  /** Each question's radio buttons and boxes, by its position: found once, not by a selector that scans the whole form per question on every change. */
  private readonly choices: HTMLInputElement[][];

  constructor(
    readonly app: HTMLElement,
    layout: PageLayout,
    readonly config: PageConfig,
  ) {
    this.layout = layout;
    this.f = layout.framework;
    this.lang = config.lang;
    app.innerHTML = appHtml(layout, this.lang);
    this.choices = layout.questions.map(() => []);
    for (const input of $$('input[name^="a"]:not([type=text])', this.app)) this.choices[Number(input.name.slice(1))]?.push(input);
    this.wire();
  }

  // ------------------------------------------------------------ controls → answers

  private fieldset(q: PageQuestion): HTMLFieldSetElement {
    return $<HTMLFieldSetElement>(`#q${q.index}`, this.app)!;
  }

  /** The radio buttons or boxes of a question (not its typed field). */
  private inputs(q: PageQuestion): HTMLInputElement[] {
    return this.choices[q.index]!;
  }

  /** The sector chosen: a listed sector's id, the name typed for another sector, or undefined. */
  private sector(): string | undefined {
    const chosen = $<HTMLInputElement>('input[name="sector"]:checked', this.app)?.value;
    if (chosen === undefined) return undefined;
    if (chosen === 'other') {
      const typed = $<HTMLInputElement>('#vndi-sector-other', this.app)!.value.trim();
      return typed === '' ? undefined : typed;
    }
    return this.f.sectors![Number(chosen)]!.id;
  }

  private answerOf(q: PageQuestion): DbiAnswerInput | undefined {
    const checked = this.inputs(q).filter((i) => i.checked).map((i) => i.value);
    if (checked.includes('na')) return NOT_APPLICABLE;
    const answer = q.criterion?.answer;
    if (q.kind === 'points') return checked.length ? Number(checked[0]) : undefined;
    if (answer?.kind === 'single') return checked.length ? answer.options[Number(checked[0])]!.id : undefined;
    if (answer?.kind === 'multiple') {
      if (checked.includes('none') || (checked.length === 0 && this.emptyChosen.has(q.index))) return [];
      return checked.length ? checked.map((j) => answer.options[Number(j)]!.id) : undefined;
    }
    const text = $<HTMLInputElement>(`#a${q.index}`, this.app)!.value.trim();
    // a decimal comma is a decimal point, as in a spreadsheet cell (12,5)
    return text === '' ? undefined : String(cellValue(text));
  }

  /** What is entered: the sector, and the answers of the questions that apply to it. */
  entered(): Entered {
    const sector = this.sector();
    const answers: Record<string, DbiAnswerInput> = {};
    for (const q of applicable(this.layout, sector)) {
      const a = this.answerOf(q);
      if (a !== undefined) answers[q.id] = a;
    }
    return sector === undefined ? { answers } : { sector, answers };
  }

  // ------------------------------------------------------------ answers → controls

  private clearControls(): void {
    for (const i of $$('input[type=radio], input[type=checkbox]', $('#vndi-form', this.app)!)) i.checked = false;
    for (const i of $$('input[type=text][name^="a"]', this.app)) {
      i.value = '';
      i.disabled = false;
    }
    const other = $<HTMLInputElement>('#vndi-sector-other', this.app);
    if (other) {
      other.value = '';
      other.disabled = true;
    }
    this.emptyChosen.clear();
  }

  private setSectorControl(sector: string | undefined): void {
    for (const i of $$('input[name="sector"]', this.app)) i.checked = false;
    if (sector === undefined) return;
    const listed = this.f.sectors?.findIndex((s) => s.id === sector) ?? -1;
    const radio = $<HTMLInputElement>(`input[name="sector"][value="${listed >= 0 ? listed : 'other'}"]`, this.app);
    if (!radio) return;
    radio.checked = true;
    const other = $<HTMLInputElement>('#vndi-sector-other', this.app);
    if (other) {
      other.disabled = listed >= 0;
      other.value = listed >= 0 ? '' : sector;
    }
  }

  private setAnswer(q: PageQuestion, a: DbiAnswerInput): void {
    const inputs = this.inputs(q);
    const tick = (value: string) => {
      const input = inputs.find((i) => i.value === value);
      if (input) input.checked = true;
    };
    if (a === NOT_APPLICABLE) {
      tick('na');
      const text = $<HTMLInputElement>(`#a${q.index}`, this.app);
      if (text) text.disabled = true;
      return;
    }
    const answer = q.criterion?.answer;
    if (q.kind === 'points') {
      const step = inputs.find((i) => i.value !== 'na' && Number(i.value) === Number(a));
      if (step) step.checked = true;
      return;
    }
    if (answer?.kind === 'single') return tick(String(answer.options.indexOf(findOption(answer.options, String(a))!)));
    if (answer?.kind === 'multiple') {
      const list = a as readonly string[];
      if (list.length === 0) return inputs.some((i) => i.value === 'none') ? tick('none') : void this.emptyChosen.add(q.index);
      for (const given of list) tick(String(answer.options.indexOf(findOption(answer.options, given)!)));
      return;
    }
    const text = $<HTMLInputElement>(`#a${q.index}`, this.app)!;
    text.value = this.lang === 'vi' ? String(a).replace('.', ',') : String(a);
  }

  /** Puts checked answers into the controls: all of them, or (`merge`) over the answers already there. */
  private write(entered: Entered, merge: boolean): void {
    if (!merge) this.clearControls();
    this.setSectorControl(entered.sector);
    for (const q of this.layout.questions) {
      if (!Object.hasOwn(entered.answers, q.id)) continue;
      if (merge) {
        for (const i of this.inputs(q)) i.checked = false;
        const text = $<HTMLInputElement>(`#a${q.index}`, this.app);
        if (text) text.disabled = false;
      }
      this.emptyChosen.delete(q.index);
      this.setAnswer(q, entered.answers[q.id]!);
    }
    this.showSectorParts();
  }

  // ------------------------------------------------------------ events

  private wire(): void {
    const form = $<HTMLFormElement>('#vndi-form', this.app)!;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', (e) => this.onControl(e.target as HTMLInputElement));
    form.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.type === 'text') this.update();
    });
    $<HTMLSelectElement>('#vndi-target', this.app)?.addEventListener('change', (e) => {
      const v = (e.target as HTMLSelectElement).value;
      this.target = v === '' ? undefined : Number(v);
      this.update();
    });
    $('#vndi-next', this.app)!.addEventListener('click', () => this.focusUnanswered());
    $('#vndi-save-json', this.app)!.addEventListener('click', () => this.download('json'));
    $('#vndi-save-csv', this.app)!.addEventListener('click', () => this.download('csv'));
    const file = $<HTMLInputElement>('#vndi-file', this.app)!;
    $('#vndi-load', this.app)!.addEventListener('click', () => file.click());
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (chosen) void chosen.text().then((text) => this.loadFile(text, chosen.name), (e: Error) => this.loadFile(e, chosen.name));
      file.value = '';
    });
    $('#vndi-print', this.app)!.addEventListener('click', () => window.print());
    $('#vndi-clear', this.app)!.addEventListener('click', () => {
      if (window.confirm(word('clearConfirm', this.lang))) {
        this.clearControls();
        for (const id of ['#vndi-name', '#vndi-id']) $<HTMLInputElement>(id, this.app)!.value = '';
        this.showSectorParts();
        this.update();
      }
    });
    window.addEventListener('beforeprint', () => {
      const stamp = $('.printed-on');
      if (stamp) stamp.textContent = `${word('printedOn', this.lang)}: ${new Date().toLocaleDateString(this.lang === 'vi' ? 'vi-VN' : 'en-GB')}`;
    });
  }

  /** A control changed: keep exclusive options alone, enable what applies, then recompute. */
  private onControl(t: HTMLInputElement): void {
    if (t.name === 'sector' || t.id === 'vndi-sector-other') {
      const other = $<HTMLInputElement>('#vndi-sector-other', this.app);
      if (other && t.name === 'sector') {
        other.disabled = t.value !== 'other';
        if (t.value === 'other') other.focus();
      }
      this.showSectorParts();
    } else if (t.type === 'checkbox' && t.name.startsWith('a')) {
      const q = this.layout.questions[Number(t.name.slice(1))]!;
      this.emptyChosen.delete(q.index);
      const alone = t.closest('label')!.classList.contains('exclusive') || t.value === 'na';
      if (t.checked) {
        for (const other of this.inputs(q)) {
          if (other === t) continue;
          const otherAlone = other.closest('label')!.classList.contains('exclusive') || other.value === 'na';
          if (alone || otherAlone) other.checked = false;
        }
      }
      const text = $<HTMLInputElement>(`#a${q.index}`, this.app);
      if (text && t.value === 'na') text.disabled = t.checked;
    } else if (t.type === 'radio' && t.name.startsWith('a')) {
      this.emptyChosen.delete(Number(t.name.slice(1)));
    }
    this.update();
  }

  private showSectorParts(): void {
    const sector = this.sector();
    const listed = this.f.sectors?.some((s) => s.id === sector) ?? false;
    for (const part of $$<HTMLElement>('.sector-part', this.app)) part.hidden = part.dataset.sector !== sector;
    for (const wait of $$<HTMLElement>('.sector-waiting', this.app)) {
      wait.hidden = listed;
      wait.textContent = sector !== undefined && !listed ? word('sectorCommonOnly', this.lang) : word('sectorPartHint', this.lang);
    }
  }

  private focusUnanswered(): void {
    const first = this.ev.status.sectorMissing ? $<HTMLElement>('#vndi-sector', this.app) : (this.layout.questions.filter((q) => this.ev.status.unanswered.includes(q.id) && !this.fieldset(q).closest('[hidden]')).map((q) => this.fieldset(q))[0] ?? $<HTMLElement>('fieldset.invalid', this.app));
    if (!first) return void $<HTMLElement>('#vndi-result', this.app)!.focus();
    first.scrollIntoView({ block: 'center' });
    $<HTMLElement>('input:not([disabled])', first)?.focus();
  }

  // ------------------------------------------------------------ what the library computes

  update(): PageStatus {
    this.showSectorParts();
    const entered = this.entered();
    this.ev = evaluate(this.layout, entered, this.target);
    const { status } = this.ev;
    const problems = new Map(status.issues.filter((i) => i.criterion !== null).map((i) => [i.criterion!, i.message]));
    const open = new Set(status.unanswered);
    for (const q of applicable(this.layout, this.ev.assessment.sector)) {
      const fs = this.fieldset(q);
      const problem = problems.get(q.id);
      const state = problem ? 'invalid' : open.has(q.id) ? 'unanswered' : 'answered';
      fs.classList.remove('answered', 'unanswered', 'invalid');
      fs.classList.add(state);
      $(`#s${q.index}`, this.app)!.textContent = problem ? problem[this.lang] : word(state === 'answered' ? 'answered' : 'unanswered', this.lang);
    }
    const sectorSet = $<HTMLFieldSetElement>('#vndi-sector', this.app);
    if (sectorSet) {
      const sectorProblem = status.issues.find((i) => i.criterion === null && !status.sectorMissing);
      sectorSet.classList.remove('answered', 'unanswered', 'invalid');
      sectorSet.classList.add(status.sectorMissing ? 'unanswered' : 'answered');
      $('#vndi-sector-status', this.app)!.textContent = status.sectorMissing ? word('sectorNotChosen', this.lang) : sectorProblem ? '' : word('answered', this.lang);
    }
    const progress = $<HTMLProgressElement>('#vndi-progress', this.app)!;
    progress.max = Math.max(1, status.total);
    progress.value = status.answered;
    $('#vndi-progress-text', this.app)!.textContent = word('questionsAnswered', this.lang, { n: status.answered, total: status.total });
    $('#vndi-summary', this.app)!.textContent = summaryText(this.ev, this.lang);
    $('#vndi-result-body', this.app)!.innerHTML = resultHtml(this.layout, this.ev, this.lang);
    $('#vndi-plan-body', this.app)!.innerHTML = planHtml(this.layout, this.ev, this.lang);
    this.notify();
    return status;
  }

  change(): PageChange {
    return plain({ status: this.ev.status, result: this.ev.result, plan: this.ev.plan, assessment: this.ev.assessment, enterprise: this.enterprise() });
  }

  private notify(): void {
    const change = this.change();
    window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: change }));
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (e) {
        // an app's listener that throws is the app's error: reported, and the page and the other listeners go on
        window.reportError?.(e);
      }
    }
    if (this.config.messageOrigin && window.parent !== window) window.parent.postMessage({ type: CHANGE_EVENT, ...change }, this.config.messageOrigin);
  }

  enterprise(): SavedEnterprise {
    const id = $<HTMLInputElement>('#vndi-id', this.app)!.value.trim();
    const name = $<HTMLInputElement>('#vndi-name', this.app)!.value.trim();
    return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
  }

  setEnterprise(e: SavedEnterprise): void {
    checkEnterprise(e);
    if (e.id !== undefined) $<HTMLInputElement>('#vndi-id', this.app)!.value = String(e.id);
    if (e.name !== undefined) $<HTMLInputElement>('#vndi-name', this.app)!.value = String(e.name);
    this.notify();
  }

  /** The sector the form has chosen. */
  currentSector(): string | undefined {
    return this.sector();
  }

  /**
   * Sets the sector and answers after the library's check (`checkEntered`): a refused answer or
   * sector throws its ValidationError, and nothing changes.
   */
  set(sector: string | undefined, answers: unknown, merge: boolean): PageStatus {
    const given = answers === undefined ? {} : answers;
    const entered = checkEntered(this.layout, sector === undefined ? { answers: given } : { sector, answers: given });
    this.write(entered, merge);
    return this.update();
  }

  plan(target?: number): DbiGap | null {
    if (!this.ev.result) return null;
    const level = target ?? this.target;
    return plain(dbiGap(this.f, this.ev.assessment, level === undefined ? {} : { targetLevel: level }));
  }

  setTarget(level: number | null): void {
    const levels = targetLevels(this.f);
    if (level !== null && !levels.includes(level)) {
      throw new ValidationError([makeIssue(['target'], 'invalid_option', { received: level, allowed: [null, ...levels] })]);
    }
    this.target = level ?? undefined;
    const select = $<HTMLSelectElement>('#vndi-target', this.app);
    if (select) select.value = level === null ? '' : String(level);
    this.update();
  }

  fileText(kind: 'json' | 'csv'): string {
    const entered = this.entered();
    return kind === 'json' ? savedJson(this.layout, entered, this.enterprise(), this.lang) : savedCsv(this.layout, entered, this.enterprise(), this.lang);
  }

  private download(kind: 'json' | 'csv'): void {
    const base = (this.enterprise().id ?? '').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || DEFAULT_ID[this.lang];
    const blob = new Blob([this.fileText(kind)], { type: kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${base}.${kind}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  load(text: string, fileName = ''): PageStatus {
    return this.loadSaved(text, fileName).status;
  }

  private loadSaved(text: string, fileName: string): { status: PageStatus; ignored: readonly string[] } {
    const saved = readSaved(this.layout, text, fileName);
    checkEnterprise(saved.enterprise);
    const status = this.set(saved.entered.sector, saved.entered.answers, false);
    for (const id of ['#vndi-name', '#vndi-id']) $<HTMLInputElement>(id, this.app)!.value = '';
    this.setEnterprise(saved.enterprise);
    return { status, ignored: saved.ignored };
  }

  loadFile(text: string | Error, name: string): void {
    const out = $('#vndi-file-status', this.app)!;
    try {
      if (text instanceof Error) throw text;
      const { ignored } = this.loadSaved(text, name);
      // columns the page does not read are said, as `vndi score` says them, never dropped silently
      out.textContent = word('loaded', this.lang, { file: name }) + (ignored.length ? ` ${word('ignoredColumns', this.lang, { columns: ignored.map((c) => (c.length > 60 ? `${c.slice(0, 60)}…` : c)).join(', ') })}` : '');
    } catch (e) {
      out.textContent = `${word('loadFailed', this.lang, { file: name })}: ${messages(e, this.lang).join('; ')}`;
    }
  }

  onChange(listener: (change: PageChange) => void): () => void {
    if (typeof listener !== 'function') throw new ValidationError([makeIssue(['listener'], 'invalid_type', { expected: 'function', received: listener })]);
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** An object argument of the page API; anything else is refused with the library's error (never taken as "clear everything"). */
function requireObject<T>(value: T, name: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError([makeIssue([name], 'invalid_type', { expected: 'object', received: value })]);
  return value;
}

/** `{ id?, name? }`: texts of at most 200 characters, as `renderAssessmentPage`'s `initial` takes them. */
function checkEnterprise(e: unknown): void {
  const { id, name, ...rest } = requireObject(e as Record<string, unknown>, 'enterprise');
  const issues = Object.keys(rest).map((key) => makeIssue(['enterprise', key], 'unknown_key', { key }));
  for (const [key, v] of [['id', id], ['name', name]] as const) {
    if (v !== undefined && (typeof v !== 'string' || v.length > 200)) issues.push(makeIssue(['enterprise', key], 'invalid_type', { expected: 'string (200 characters at most)', received: v }));
  }
  if (issues.length) throw new ValidationError(issues);
}

/** The page API an embedding app and tests drive (documented in docs/assessment-page.md). */
function api(page: AssessmentPage) {
  const f = page.f;
  return Object.freeze({
    version: 1,
    lang: page.lang,
    framework: Object.freeze({ id: f.id, decision: f.legalBasis.decision, status: f.status }),
    status: (): PageStatus => plain(page.change().status),
    assessment: (): DbiAssessment => page.change().assessment,
    enterprise: (): SavedEnterprise => page.enterprise(),
    setEnterprise: (e: SavedEnterprise) => page.setEnterprise(e),
    setAnswers: (answers: Readonly<Record<string, DbiAnswerInput>>, options: { readonly merge?: boolean } = {}) => page.set(page.currentSector(), requireObject(answers, 'answers'), options?.merge === true),
    setSector: (sector: string | null) => page.set(sector ?? undefined, {}, true),
    setAssessment: (a: DbiAssessment) => page.set(requireObject(a, 'assessment').sector, a.answers, false),
    clear: () => page.set(undefined, {}, false),
    result: (): DbiResult | null => page.change().result,
    plan: (targetLevel?: number) => page.plan(targetLevel),
    setTarget: (level: number | null) => page.setTarget(level),
    toJSON: () => page.fileText('json'),
    toCSV: () => page.fileText('csv'),
    load: (text: string, fileName?: string) => page.load(text, fileName),
    onChange: (listener: (change: PageChange) => void) => page.onChange(listener),
  });
}

function start(): void {
  const app = document.getElementById('vndi-app')!;
  const config = JSON.parse(document.getElementById('vndi-config')!.textContent!) as PageConfig;
  const lang = config.lang;
  let f: DbiFramework;
  try {
    // a framework file's data is checked again here (zod without eval: zod-jitless.ts)
    if (!ZOD_JITLESS) throw new Error('zod must run without eval');
    // a framework an override helper derived from a bundled one keeps its id: checked as derived from it
    const data = config.framework;
    const base = typeof data === 'string' ? undefined : DBI_FRAMEWORKS.find((b) => b.id === data.id);
    f = typeof data === 'string' ? resolveDbiFramework(data) : base ? defineDerivedFramework(data, base) : defineDbiFramework(data);
  } catch (e) {
    showProblem(app, word('badFramework', lang), word('badFrameworkWhy', lang), messages(e, lang));
    return;
  }
  let layout: PageLayout;
  try {
    layout = pageLayout(f);
  } catch (e) {
    if (!(e instanceof NotScorableError)) throw e;
    // the pillars by their names for the people who hand the page out; the hint (how to supply the facts in code) for their developer
    app.innerHTML = notScorableHtml(f, e.issues[0]?.hint, lang);
    return;
  }
  const page = new AssessmentPage(app, layout, config);
  const exposed = api(page);
  (window as unknown as { vndiAssessment: unknown }).vndiAssessment = exposed;
  const origin = config.messageOrigin;
  // the parent hears "ready" first, then every change (the first one just below)
  if (origin && window.parent !== window) window.parent.postMessage({ type: 'vndi-assessment:ready', framework: exposed.framework }, origin);
  page.update();
  const initial = config.initial;
  if (initial) {
    if (initial.answers || initial.sector) page.set(initial.sector, initial.answers, false);
    page.setEnterprise({ ...(initial.id === undefined ? {} : { id: initial.id }), ...(initial.name === undefined ? {} : { name: initial.name }) });
  }
  if (origin && window.parent !== window) {
    window.addEventListener('message', (e: MessageEvent) => {
      if (e.origin !== origin || e.source !== window.parent) return;
      const m = e.data as { type?: string; assessment?: DbiAssessment; enterprise?: SavedEnterprise; target?: number | null };
      try {
        if (m?.type === 'vndi-assessment:set') {
          if (m.enterprise) exposed.setEnterprise(m.enterprise);
          if (m.assessment) exposed.setAssessment(m.assessment);
        } else if (m?.type === 'vndi-assessment:set-target') exposed.setTarget(m.target ?? null);
        else if (m?.type === 'vndi-assessment:get') window.parent.postMessage({ type: CHANGE_EVENT, ...page.change() }, origin);
      } catch (error) {
        window.parent.postMessage({ type: 'vndi-assessment:error', messages: messages(error, lang) }, origin);
      }
    });
  }
}

start();
