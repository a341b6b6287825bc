/**
 * The points view of a DBI criterion, whatever its form: a criterion answered in points has its
 * `scale`; a questionnaire criterion (`answer`) has the scale of the points its answers can give.
 * Code that works on points (the numeric input check, gap analysis, batch scoring) uses this, so it
 * works on every framework.
 */
import type { DbiAnswer, DbiComponent, DbiCriterion, DbiScale } from './schema.js';

/** A part of a questionnaire: a pillar, or a sector's part. */
export interface DbiPart {
  readonly components: readonly DbiComponent[];
  readonly criteria?: readonly DbiCriterion[];
}

/** Every criterion of a part: those directly under it, then its components', in order. */
export function partCriteria(part: DbiPart): DbiCriterion[] {
  return [...(part.criteria ?? []), ...part.components.flatMap((c) => c.criteria)];
}

/**
 * The option an answer names: by its id, else by its letter (an id wins: `defineFramework` refuses
 * a letter that is another option's id). Compared in Unicode NFC, so that a decomposed `ă` typed on
 * another system names the same option.
 */
export function findOption<O extends { readonly id: string; readonly letter?: string }>(options: readonly O[], given: string): O | undefined {
  const text = given.normalize('NFC');
  return options.find((o) => o.id === text) ?? options.find((o) => o.letter === text);
}

function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  return s.includes('e') ? 8 : s.length - s.indexOf('.') - 1;
}

/** Highest points a questionnaire answer can give. */
export function answerMax(answer: DbiAnswer): number {
  switch (answer.kind) {
    case 'single':
      return Math.max(...answer.options.map((o) => o.points));
    case 'multiple': {
      // exclusive options stand alone; the others add up
      const free = answer.options.filter((o) => !o.exclusive).reduce((s, o) => s + o.points, 0);
      const alone = Math.max(0, ...answer.options.filter((o) => o.exclusive).map((o) => o.points));
      const sum = Math.max(free, alone);
      return answer.cap === undefined ? sum : Math.min(answer.cap, sum);
    }
    case 'figure':
      return Math.max(...answer.thresholds.map((t) => t.points));
  }
}

/** The points a criterion can take, as a scale (derived for a questionnaire criterion). */
export function criterionScale(criterion: DbiCriterion): DbiScale {
  if (criterion.scale) return criterion.scale;
  const answer = criterion.answer;
  if (!answer) return { kind: 'steps', values: [0] };
  if (answer.kind === 'multiple') {
    const max = answerMax(answer);
    const decimals = Math.max(0, ...answer.options.map((o) => decimalsOf(o.points)), answer.cap === undefined ? 0 : decimalsOf(answer.cap));
    return max > 0 ? { kind: 'range', min: 0, max, decimals } : { kind: 'steps', values: [0] };
  }
  const points = answer.kind === 'single' ? answer.options.map((o) => o.points) : answer.thresholds.map((t) => t.points);
  return { kind: 'steps', values: [...new Set(points)].sort((a, b) => a - b) };
}

/** Highest points of a criterion. */
export function criterionMax(criterion: DbiCriterion): number {
  const scale = criterionScale(criterion);
  return scale.kind === 'steps' ? Math.max(...scale.values) : scale.max;
}
