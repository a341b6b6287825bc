/**
 * The questionnaire of the self-assessment page, and what the page computes from its answers. The
 * questions are the framework model's own answer slots (`compileDbi`: the scorer's layout, sector
 * part by sector part), and every figure, level and plan is the library's: `safeScoreDbi` and
 * `dbiGap` on the answers as entered. Nothing here scores on its own.
 *
 * Pure functions, shared by the page's script (bundled into it) and the tests that hold the page
 * to `scoreDbi` and `dbiGap` in Node.
 *
 * @internal
 */
import { dbiGap, type DbiGap } from '../../analysis/dbi-gap.js';
import { compileDbi, type DbiItem } from '../../assessment/dbi-input.js';
import { NOT_APPLICABLE } from '../../assessment/dbi-answers.js';
import { ValidationError, makeIssue, type Localized, type ValidationIssue } from '../../errors.js';
import type { DbiComponent, DbiCriterion, DbiFramework, DbiPillar, DbiSector } from '../../framework/schema.js';
import { safeScoreDbi, type DbiAnswerInput, type DbiAssessment, type DbiResult } from '../../score/score-dbi.js';

/** How a question is answered on the page. */
export type QuestionKind =
  /** points on a short list of steps: one radio button per value */
  | 'points'
  /** a number typed in a range (a `range` scale, a long list of steps, a pillar's points) */
  | 'number'
  /** one option */
  | 'single'
  /** options ticked */
  | 'multiple'
  /** a figure with its unit, turned into points by thresholds */
  | 'figure';

/** The most steps a points question shows as radio buttons (0–10); longer lists are typed. */
export const MAX_RADIO_STEPS = 11;

/** One question of the page: an answer slot of the framework's model. */
export interface PageQuestion {
  /** Position in the page (form order, every sector part included). */
  readonly index: number;
  /** The answer id: a criterion id, or a pillar id for pillar-level input. */
  readonly id: string;
  readonly pillarIndex: number;
  /** Its group (component); `null` for a question directly under its pillar or a pillar's points. */
  readonly component: DbiComponent | null;
  /** The sector part it belongs to; `null` for the common part. */
  readonly sector: DbiSector | null;
  /** The criterion; `null` for a pillar-level answer. */
  readonly criterion: DbiCriterion | null;
  readonly kind: QuestionKind;
  readonly notApplicable: boolean;
  /** The values of a `points` question. */
  readonly steps: readonly number[];
  /** Bounds and decimals of a `number` or `figure` question. */
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
}

/** A pillar of the page: its common questions, or one part per sector. */
export interface PagePillar {
  readonly pillar: DbiPillar;
  readonly index: number;
  readonly parts: readonly {
    readonly sector: DbiSector | null;
    readonly direct: readonly PageQuestion[];
    readonly groups: readonly { readonly component: DbiComponent; readonly questions: readonly PageQuestion[] }[];
  }[];
}

export interface PageLayout {
  readonly framework: DbiFramework;
  readonly pillars: readonly PagePillar[];
  /** Every question, in form order. */
  readonly questions: readonly PageQuestion[];
}

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function questionOf(index: number, item: DbiItem, component: DbiComponent | null, sector: DbiSector | null, f: DbiFramework): PageQuestion {
  const c = item.criterion;
  const base = { index, id: item.id, pillarIndex: item.pillarIndex, component, sector, criterion: c, notApplicable: c?.notApplicable === true, steps: [] as number[] };
  if (!c) return { ...base, kind: 'number', min: 0, max: item.max, decimals: f.pillarInputDecimals };
  const answer = c.answer;
  if (answer?.kind === 'figure') return { ...base, kind: 'figure', min: answer.min, max: answer.max, decimals: answer.decimals };
  if (answer) return { ...base, kind: answer.kind, min: 0, max: item.max, decimals: 0 };
  const scale = c.scale!;
  if (scale.kind === 'steps' && scale.values.length <= MAX_RADIO_STEPS) return { ...base, kind: 'points', steps: scale.values, min: scale.values[0]!, max: item.max, decimals: 0 };
  if (scale.kind === 'steps') return { ...base, kind: 'number', steps: scale.values, min: Math.min(...scale.values), max: item.max, decimals: Math.max(...scale.values.map(decimalsOf)) };
  return { ...base, kind: 'number', min: scale.min, max: scale.max, decimals: scale.decimals };
}

const layouts = new WeakMap<DbiFramework, PageLayout>();

/**
 * The page's questionnaire: pillars in order, each with its direct questions then its groups, and
 * the sector pillar with one part per sector; the questions are the scorer's answer slots.
 *
 * @throws NotScorableError where a pillar maximum is not published (no form can work then).
 */
export function pageLayout(f: DbiFramework): PageLayout {
  const known = layouts.get(f);
  if (known) return known;
  const questions: PageQuestion[] = [];
  const common = compileDbi(f);
  const partOf = (pi: number, sector: DbiSector | null, items: readonly DbiItem[], components: readonly { id: string }[]) => {
    const source = sector ?? f.pillars[pi]!;
    const own = items.filter((item) => item.pillarIndex === pi);
    const add = (item: DbiItem, component: DbiComponent | null) => {
      const q = questionOf(questions.length, item, component, sector, f);
      questions.push(q);
      return q;
    };
    const direct = own.filter((item) => item.componentIndex < 0).map((item) => add(item, null));
    const groups = source.components.map((component) => ({
      component,
      questions: own.filter((item) => item.componentIndex >= 0 && components[item.componentIndex]!.id === component.id).map((item) => add(item, component)),
    }));
    return { sector, direct, groups };
  };
  const pillars = f.pillars.map((pillar, index): PagePillar => {
    if (pillar.sectorSpecific && f.inputLevel === 'criterion') {
      return {
        pillar,
        index,
        parts: (f.sectors ?? []).map((s) => {
          const model = compileDbi(f, s);
          return partOf(index, s, model.items, model.components);
        }),
      };
    }
    return { pillar, index, parts: [partOf(index, null, common.items, common.components)] };
  });
  const layout = { framework: f, pillars, questions };
  layouts.set(f, layout);
  return layout;
}

/** What the page has entered: the sector (where the framework has sector parts) and the answers given so far. */
export interface Entered {
  readonly sector?: string;
  readonly answers: Readonly<Record<string, DbiAnswerInput>>;
}

/** The questions that apply to an enterprise of `sector` (the common part, and its sector's part if listed). */
export function applicable(layout: PageLayout, sector: string | undefined): PageQuestion[] {
  return layout.questions.filter((q) => q.sector === null || q.sector.id === sector);
}

/** One problem of the answers, at a question (`criterion`) or of the whole (`null`). */
export interface PageIssue {
  readonly criterion: string | null;
  readonly message: Localized;
}

/** Where the answers stand. */
export interface PageStatus {
  /** Questions that apply (the chosen sector's part included). */
  readonly total: number;
  readonly answered: number;
  /** The ids of the questions that apply and are not answered, in form order. */
  readonly unanswered: readonly string[];
  /** The framework has sector parts and no sector is chosen. */
  readonly sectorMissing: boolean;
  /** Answers (or a sector) the library refuses, with its message. */
  readonly issues: readonly PageIssue[];
  /** Every question answered, nothing refused: `result` is the score. */
  readonly complete: boolean;
}

/** What the page shows for its answers. */
export interface PageEvaluation {
  readonly status: PageStatus;
  /** `scoreDbi` of the answers, when complete. */
  readonly result: DbiResult | null;
  /** While answers are missing: `scoreDbi` with each missing answer at its lowest ({@link lowestAnswer}). */
  readonly provisional: DbiResult | null;
  /** `dbiGap` of the answers to `target` (default: the next level), when complete. */
  readonly plan: DbiGap | null;
  /** The assessment scored: the sector and the answers of the questions that apply. */
  readonly assessment: DbiAssessment;
}

/**
 * The lowest answer of a question: the option giving the fewest points (the first such), no option
 * ticked, the lowest figure or points. A provisional result counts missing answers so, and says so.
 */
export function lowestAnswer(q: PageQuestion): DbiAnswerInput {
  const answer = q.criterion?.answer;
  if (answer?.kind === 'single') return answer.options.reduce((low, o) => (o.points < low.points ? o : low)).id;
  if (answer?.kind === 'multiple') return [];
  if (q.kind === 'points') return Math.min(...q.steps);
  return q.min;
}

function issueOf(issue: ValidationIssue): PageIssue {
  const at = issue.path[0] === 'answers' && issue.path.length >= 2 ? String(issue.path[1]) : null;
  return { criterion: at, message: issue.message };
}

/**
 * Scores what is entered, with the library: `safeScoreDbi` (a complete result, or every refused
 * answer with its message), a provisional result while answers are missing, and `dbiGap` to
 * `target` (a level; default the next one) once complete. Answers to questions that do not apply
 * (another sector's part) are left out of the assessment, as the form hides them.
 */
export function evaluate(layout: PageLayout, entered: Entered, target?: number): PageEvaluation {
  const f = layout.framework;
  const sector = f.sectors && entered.sector !== undefined && entered.sector.trim() !== '' ? entered.sector : undefined;
  const questions = applicable(layout, sector);
  const answers: Record<string, DbiAnswerInput> = {};
  for (const q of questions) if (Object.hasOwn(entered.answers, q.id)) answers[q.id] = entered.answers[q.id]!;
  const assessment: DbiAssessment = sector === undefined ? { answers } : { sector, answers };
  const unanswered = questions.filter((q) => !Object.hasOwn(answers, q.id)).map((q) => q.id);
  const sectorMissing = f.sectors !== undefined && sector === undefined;
  const none = { result: null, provisional: null, plan: null, assessment };
  const base = { total: questions.length, answered: questions.length - unanswered.length, unanswered, sectorMissing };
  if (sectorMissing) return { ...none, status: { ...base, issues: [], complete: false } };
  const scored = safeScoreDbi(f, assessment as never);
  if (scored.success) {
    const plan = dbiGap(f, assessment, target === undefined ? {} : { targetLevel: target });
    return { result: scored.data, provisional: null, plan, assessment, status: { ...base, issues: [], complete: true } };
  }
  if (unanswered.length === 0) return { ...none, status: { ...base, issues: scored.error.issues.map(issueOf), complete: false } };
  // missing answers are scored at their lowest, so that only the answers given can be refused: the
  // scorer's "missing" issues (and its "N more issues" past the first 50) are not the enterprise's errors
  const filled = { ...answers };
  for (const q of questions) if (!Object.hasOwn(filled, q.id)) filled[q.id] = lowestAnswer(q);
  const provisional = safeScoreDbi(f, (sector === undefined ? { answers: filled } : { sector, answers: filled }) as never);
  if (!provisional.success) return { ...none, status: { ...base, issues: provisional.error.issues.map(issueOf), complete: false } };
  return { ...none, status: { ...base, issues: [], complete: false }, provisional: provisional.data };
}

/** The levels a plan may aim at: the rule's levels, ascending (none without a rule). */
export function targetLevels(f: DbiFramework): number[] {
  const rule = f.levelRule;
  if (rule.kind === 'none') return [];
  const levels = rule.kind === 'total-percent-bands' ? rule.bands.map((b) => b.level) : rule.overall.map((o) => o.level);
  return [...new Set(levels)].sort((a, b) => a - b);
}

/**
 * Checks answers an embedding app or a saved file gives the page, before they reach its controls:
 * every key a question of the framework (of any sector's part), every value one the library reads
 * for it (a missing answer is fine: the form is partly filled). Returns the answers to set.
 *
 * @throws {@link ValidationError} with the library's own message for each refused answer.
 */
export function checkEntered(layout: PageLayout, input: unknown): Entered {
  const f = layout.framework;
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ValidationError([makeIssue([], 'invalid_type', { expected: 'object { sector?, answers }', received: input })]);
  const given = input as { sector?: unknown; answers?: unknown };
  for (const key of Object.keys(given)) if (key !== 'answers' && key !== 'sector') issues.push(makeIssue([key], 'unknown_key', { key, framework: f.id }));
  const answers = given.answers === undefined ? {} : given.answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) issues.push(makeIssue(['answers'], 'invalid_type', { expected: 'object', received: answers }));
  if (given.sector !== undefined && (f.sectors === undefined || typeof given.sector !== 'string')) {
    issues.push(f.sectors === undefined ? makeIssue(['sector'], 'unknown_key', { key: 'sector', framework: f.id }) : makeIssue(['sector'], 'invalid_type', { expected: 'sector id (string)', received: given.sector }));
  }
  if (issues.length) throw new ValidationError(issues);
  const sector = given.sector as string | undefined;
  const record = answers as Record<string, unknown>;
  const byId = new Map<string, PageQuestion[]>();
  for (const q of layout.questions) byId.set(q.id, [...(byId.get(q.id) ?? []), q]);
  for (const key of Object.keys(record)) if (!byId.has(key)) issues.push(makeIssue(['answers', key], 'unknown_key', { key, framework: f.id }));
  if (issues.length) throw new ValidationError(issues);
  // each answer as the library reads it: scored with the other questions at their lowest answer, so
  // that only the given answers can be refused (the sector's own part first, where ids repeat)
  // (no sector chosen yet: the common part is read with the first sector's)
  const checkAs = sector ?? f.sectors?.[0]?.id;
  const questions = applicable(layout, checkAs);
  const own = new Set(questions.map((q) => q.id));
  const filled: Record<string, unknown> = {};
  for (const q of questions) filled[q.id] = Object.hasOwn(record, q.id) ? record[q.id] : lowestAnswer(q);
  const scored = safeScoreDbi(f, (checkAs === undefined ? { answers: filled } : { sector: checkAs, answers: filled }) as never);
  if (!scored.success) {
    const refused = scored.error.issues.filter((i) => i.path[0] !== 'answers' || i.path.length < 2 || Object.hasOwn(record, String(i.path[1])));
    // "nothing to score" (every answer n/a) is a state of the form, not a refused answer
    const real = refused.filter((i) => !(i.path.length === 1 && i.path[0] === 'answers' && i.code === 'invalid_option'));
    if (real.length) throw new ValidationError(real);
  }
  // answers to another sector's part, where its questions are not the chosen sector's: kept for that part
  const result: Record<string, DbiAnswerInput> = {};
  for (const key of Object.keys(record)) {
    if (!own.has(key)) {
      const problem = otherPartIssue(layout, key, record[key]);
      if (problem) throw new ValidationError([problem]);
    }
    result[key] = record[key] as DbiAnswerInput;
  }
  return sector === undefined ? { answers: result } : { sector, answers: result };
}

/**
 * An answer to a question of a sector part that does not apply now, read as that part reads it:
 * refused only where no sector part holding the question accepts it.
 */
function otherPartIssue(layout: PageLayout, id: string, value: unknown): ValidationIssue | null {
  let refused: ValidationIssue | null = null;
  for (const q of layout.questions.filter((x) => x.id === id && x.sector)) {
    const answers: Record<string, unknown> = {};
    for (const other of applicable(layout, q.sector!.id)) answers[other.id] = other.id === id ? value : lowestAnswer(other);
    const scored = safeScoreDbi(layout.framework, { sector: q.sector!.id, answers } as never);
    const own = scored.success ? undefined : scored.error.issues.find((i) => i.path[0] === 'answers' && i.path[1] === id);
    if (!own) return null;
    refused ??= own;
  }
  return refused;
}

/** `n/a` as the form writes it. */
export { NOT_APPLICABLE };
