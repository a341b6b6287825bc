/**
 * The input JSON Schema of a DBI framework beyond the 1970 model (questionnaire criteria, "not
 * applicable" answers, sector parts, mean or weighted aggregation, percentage bands): what
 * `scoreDbi` accepts, written out so that an app renders the form from it.
 *
 * - a criterion answered in points: a number on its scale, or a decimal string;
 * - single choice: `oneOf` the option ids, each a `const` with the Vietnamese text as `title` and
 *   the English as `description`;
 * - multiple choice: an array of distinct option ids (same `oneOf`), an exclusive option alone;
 * - a figure: a number from `min` to `max`, or a decimal string of at most `decimals` decimals;
 * - `"n/a"` (a `const` titled "Không áp dụng") where the criterion allows it; an assessment where
 *   every criterion that can give points is "n/a" is refused, as scoring refuses it;
 * - an option may be named by its letter too (a `const` of its own);
 * - with sector parts: `oneOf` one branch per sector, naming it in `sector` and listing the common
 *   criteria and that sector's; where the framework scores an unlisted sector on its common part,
 *   one more branch for any other sector, with the common criteria only; where it ignores answers
 *   to another sector's questions, those keys are allowed (with any value) beside a sector's own.
 *
 * Built by hand rather than through zod: zod has no `oneOf` of titled constants nor `contains`.
 * What JSON Schema cannot express is checked at run time, as for every framework: the range of a
 * decimal string, the number of decimals of a JSON number (`multipleOf` on binary floats is
 * unreliable), exact comparison of numbers with more digits than a double holds, and one option
 * named twice in a multiple-choice answer, once by its id and once by its letter.
 *
 * @internal
 */
import { criterionMax, criterionScale, partCriteria } from '../framework/dbi-criterion.js';
import type { Localized } from '../errors.js';
import type { DbiAnswer, DbiCriterion, DbiFramework, DbiSector } from '../framework/schema.js';
import { NOT_APPLICABLE } from './dbi-answers.js';
import { MAX_NUMERIC_LENGTH } from './numeric.js';

type Json = Record<string, unknown>;

/** A decimal string of at most `decimals` significant decimals (trailing zeros do not count). */
function decimalString(decimals: number | undefined, min: number): Json {
  const fraction = decimals === undefined ? '\\d*' : decimals === 0 ? '0*' : `\\d{0,${decimals}}0*`;
  const bare = decimals === undefined ? '\\d+' : decimals === 0 ? '0+' : `\\d{1,${decimals}}0*`;
  // a minus sign only where negative figures are allowed, or on a zero where the minimum is 0
  const zero = min === 0 ? '|-(0+(\\.0*)?|\\.0+)' : '';
  return {
    type: 'string',
    maxLength: MAX_NUMERIC_LENGTH,
    pattern: `^\\s*([+${min < 0 ? '-' : ''}]?(\\d+(\\.${fraction})?|\\.${bare})${zero})\\s*$`,
  };
}

/** The numerals of one step value: leading zeros, a point and trailing zeros allowed. */
function stepNumeral(value: number): string {
  const text = String(value);
  const [int, frac] = text.split('.') as [string, string | undefined];
  if (frac === undefined) return int === '0' ? '(0+(\\.0*)?|\\.0+)' : `0*${int}(\\.0*)?`;
  return int === '0' ? `0*\\.${frac}0*` : `0*${int}\\.${frac}0*`;
}

/** A number on a list of steps, or its decimal string (`-0` reads as 0, as at run time). */
function stepsField(values: readonly number[]): Json[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const zero = sorted.includes(0) ? '|-(0+(\\.0*)?|\\.0+)' : '';
  return [
    { type: 'number', enum: sorted },
    { type: 'string', maxLength: MAX_NUMERIC_LENGTH, pattern: `^\\s*(\\+?(${sorted.map(stepNumeral).join('|')})${zero})\\s*$` },
  ];
}

function rangeField(min: number, max: number, decimals: number | undefined): Json[] {
  return [{ type: 'number', minimum: min, maximum: max }, decimalString(decimals, min)];
}

const notApplicable: Json = { const: NOT_APPLICABLE, title: 'Không áp dụng', description: 'Not applicable' };

function optionConsts(answer: Extract<DbiAnswer, { options: unknown }>): Json[] {
  return answer.options.flatMap((o) => {
    const own = { title: o.text.vi, description: `${o.text.en} (${o.points} points)` };
    return o.letter !== undefined && o.letter !== o.id ? [{ const: o.id, ...own }, { const: o.letter, ...own, description: `${own.description}, by its letter` }] : [{ const: o.id, ...own }];
  });
}

function criterionSchema(criterion: DbiCriterion): Json {
  const name = criterion.question ?? criterion.name;
  const head: Json = { title: `${criterion.id}. ${name.vi}`, description: `${name.en} (at most ${criterionMax(criterion)} points)` };
  const na = criterion.notApplicable ? [notApplicable] : [];
  const answer = criterion.answer;
  if (!answer) {
    const scale = criterionScale(criterion);
    const alternatives = scale.kind === 'steps' ? stepsField(scale.values) : rangeField(scale.min, scale.max, scale.decimals);
    return { ...head, oneOf: [...alternatives, ...na] };
  }
  if (answer.kind === 'single') return { ...head, oneOf: [...optionConsts(answer), ...na] };
  if (answer.kind === 'multiple') {
    const exclusive = answer.options.filter((o) => o.exclusive);
    const list: Json = {
      type: 'array',
      items: { oneOf: optionConsts(answer) },
      uniqueItems: true,
      maxItems: answer.options.length,
      ...(exclusive.length > 0
        ? { allOf: exclusive.map((o) => ({ if: { contains: o.letter !== undefined && o.letter !== o.id ? { enum: [o.id, o.letter] } : { const: o.id } }, then: { maxItems: 1 } })) }
        : {}),
      description: `Option ids, each at most once${exclusive.length > 0 ? `; ${exclusive.map((o) => `"${o.id}"`).join(', ')} only alone` : ''}${answer.cap === undefined ? '' : `; at most ${answer.cap} points in all`}.`,
    };
    return { ...head, oneOf: [list, ...na] };
  }
  const thresholds = answer.thresholds.map((t) => `${t.inclusive ? '≥' : '>'} ${t.from}: ${t.points}`).join('; ');
  return {
    ...head,
    description: `${name.en} (${answer.unit.en}, ${answer.min}–${answer.max}, ${answer.decimals} decimals; points ${thresholds})`,
    oneOf: [...rangeField(answer.min, answer.max, answer.decimals), ...na],
  };
}

function answersSchema(f: DbiFramework, sector: DbiSector | null): Json {
  const properties: Record<string, Json> = {};
  const scoring: DbiCriterion[] = [];
  for (const pillar of f.pillars) {
    if (f.inputLevel === 'pillar') {
      const [number, text] = rangeField(0, pillar.max ?? 0, f.pillarInputDecimals);
      properties[pillar.id] = { title: pillar.name.vi, description: `${pillar.name.en} (0–${pillar.max ?? 0} points)`, oneOf: [number, text] };
      continue;
    }
    const part = pillar.sectorSpecific ? sector : pillar;
    for (const criterion of part ? partCriteria(part) : []) {
      properties[criterion.id] = criterionSchema(criterion);
      if (criterionMax(criterion) > 0) scoring.push(criterion);
    }
  }
  const ids = Object.keys(properties);
  // answers to another sector's questions, where the framework ignores them: allowed, any value
  const ignored: Record<string, Json> = {};
  if (f.sectorRules?.otherSectorAnswers === 'ignore') {
    for (const other of f.sectors ?? []) {
      if (other === sector) continue;
      for (const c of partCriteria(other)) if (!(c.id in properties)) ignored[c.id] = { description: `${c.id}: a question of the sector ${other.id}, ignored for this sector` };
    }
  }
  const schema: Json = { type: 'object', properties: { ...properties, ...ignored }, required: ids, additionalProperties: false };
  // scoring refuses an assessment with nothing to score: every criterion that gives points "n/a"
  if (f.inputLevel === 'criterion' && scoring.every((c) => c.notApplicable)) {
    schema.not = {
      description: 'Every criterion "not applicable": nothing to score.',
      properties: Object.fromEntries(scoring.map((c) => [c.id, { const: NOT_APPLICABLE }])),
      required: scoring.map((c) => c.id),
    };
  }
  return schema;
}

const localizedTitle = (l: Localized) => ({ title: l.vi, description: l.en });

/** The input JSON Schema (draft 2020-12) of a DBI framework scored by the general path. */
export function dbiGeneralJsonSchema(f: DbiFramework): Json {
  const description = `${f.id}: ${f.title.en}`;
  if (!f.sectors) {
    return {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      description,
      type: 'object',
      properties: { answers: answersSchema(f, null) },
      required: ['answers'],
      additionalProperties: false,
    };
  }
  const unlisted = f.sectorRules?.unlistedSector === 'common-part-only'
    ? [{
        title: 'Ngành khác (chấm trên phần chung)',
        description: 'Another sector: scored on the common part only',
        type: 'object',
        properties: { sector: { type: 'string', minLength: 1, pattern: '\\S', not: { enum: f.sectors.map((s) => s.id) } }, answers: answersSchema(f, null) },
        required: ['sector', 'answers'],
        additionalProperties: false,
      }]
    : [];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    description: `${description}. Name the sector in \`sector\`; the answers are the common criteria and that sector's.`,
    oneOf: [
      ...f.sectors.map((s) => ({
        ...localizedTitle(s.name),
        type: 'object',
        properties: { sector: { const: s.id, ...localizedTitle(s.name) }, answers: answersSchema(f, s) },
        required: ['sector', 'answers'],
        additionalProperties: false,
      })),
      ...unlisted,
    ],
  };
}
