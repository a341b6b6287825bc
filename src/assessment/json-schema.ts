/**
 * JSON Schema of a framework's input, for backends in other languages that validate before they
 * call. It is generated with zod's `z.toJSONSchema` from a declarative zod schema built from the
 * same framework rules as the runtime validation (ranges, answer scales, required keys).
 *
 * What JSON Schema cannot express is still checked at run time: the range of decimal strings, the
 * number of decimals, and exact comparison of numbers with more digits than a double holds.
 */
import { readGuarded } from './snapshot.js';
import { ValidationError, makeIssue } from '../errors.js';
import { resolveDtiFramework } from '../framework/dti/index.js';
import { resolveDbiFramework } from '../framework/dbi/index.js';
import { isPlainObject, obj, oneOf, optional, parse } from './check.js';
import { readPlain } from './snapshot.js';
import { MAX_NUMERIC_LENGTH } from './numeric.js';
import * as z from 'zod';
import type { DbiFramework, DtiFramework, Framework } from '../framework/schema.js';
import { itemsOf } from './dbi-input.js';
import { dtiComponentRule, dtiInputUnits } from './dti-input.js';
import type { NumericRule } from './numeric.js';
import { extendedResult } from '../score/score-dbi.js';
import { dbiGeneralJsonSchema } from './dbi-general-json-schema.js';

const DECIMAL = /^\s*[+]?(\d+(\.\d*)?|\.\d+)\s*$/;

function stepPattern(steps: readonly number[]): RegExp {
  return new RegExp(`^\\s*[+]?(${steps.map((s) => String(s).replace('.', '\\.')).join('|')})(\\.0*)?\\s*$`);
}

function field(rule: NumericRule, description: string): z.ZodType {
  if (rule.steps) {
    const literals = rule.steps.map((s) => z.literal(s));
    return z
      .union([z.union(literals as unknown as [z.ZodLiteral<number>, z.ZodLiteral<number>]), z.string().max(MAX_NUMERIC_LENGTH).regex(stepPattern(rule.steps))])
      .describe(description);
  }
  // the number of decimals is checked at run time (multipleOf on binary floats is unreliable)
  const num = z.number().min(rule.min).max(rule.max);
  return z.union([num, z.string().max(MAX_NUMERIC_LENGTH).regex(DECIMAL)]).describe(description);
}

function dtiSchema(f: DtiFramework): z.ZodType {
  // a main indicator listed but not scored (smartCity, maximum 0) is no input: left out, as the types leave it out
  const units = dtiInputUnits(f).filter((u) => u.required);
  const names = new Map([...f.mainIndicators.map((m) => [m.id, m.name] as const), ...f.pillars.map((p) => [p.id, p.name] as const)]);
  // A main indicator with components may be given by them instead; that "exactly once" rule is
  // checked at run time.
  const withComponents = f.inputKeys === 'mainIndicators' ? f.mainIndicators.filter((m) => m.components !== undefined) : [];
  const byComponents = new Set(withComponents.map((m) => m.id));
  const shape = (mode: 'points' | 'values') =>
    z.strictObject(
      Object.fromEntries(
        units.map((u) => {
          const n = names.get(u.id);
          const s = field({ min: 0, max: mode === 'points' ? u.max : 1 }, `${n?.vi ?? u.id} (${n?.en ?? ''}): ${mode === 'points' ? `0–${u.max} points` : '0–1 value'}`);
          return [u.id, u.required && !byComponents.has(u.id) ? s : s.optional()];
        }),
      ),
    );
  if (withComponents.length === 0) {
    return z
      .union([z.strictObject({ points: shape('points') }), z.strictObject({ values: shape('values') })])
      .describe(`${f.id}: ${f.title.en}`);
  }
  const components = z
    .strictObject(
      Object.fromEntries(
        withComponents.map((m) => [
          m.id,
          z
            .strictObject(
              Object.fromEntries(
                m.components!.map((c) => [
                  c.id,
                  field(dtiComponentRule(c), `${c.name.vi} (${c.name.en}): ${c.scoring === 'points' ? `0–${c.max} points` : `0–1 ratio × ${c.max} points`}`),
                ]),
              ),
            )
            .optional()
            .describe(`${m.name.vi} (${m.name.en}) by its components`),
        ]),
      ),
    )
    .describe('Main indicators given by their components (each main indicator once: here or directly)');
  // components alone only where every required main indicator can be given by its components
  const componentsAlone = units.every((u) => !u.required || byComponents.has(u.id));
  return z
    .union([
      z.strictObject({ points: shape('points'), components: components.optional() }),
      z.strictObject({ values: shape('values'), components: components.optional() }),
      ...(componentsAlone ? [z.strictObject({ components })] : []),
    ])
    .describe(`${f.id}: ${f.title.en}`);
}

function dbiSchema(f: DbiFramework): z.ZodType {
  const names = new Map([
    ...f.pillars.map((p) => [p.id, p.name] as const),
    ...f.pillars.flatMap((p) => p.components.flatMap((c) => c.criteria.map((k) => [k.id, k.name] as const))),
  ]);
  const answers = z.strictObject(
    Object.fromEntries(
      itemsOf(f).map((item) => {
        const n = names.get(item.id);
        return [item.id, field(item.rule, `${n?.vi ?? item.id} (${n?.en ?? ''})`)];
      }),
    ),
  );
  return z.strictObject({ answers }).describe(`${f.id}: ${f.title.en}`);
}

/** A framework object or a bundled id, resolved by its kind. */
function resolveFramework(ref: unknown): Framework {
  if (typeof ref === 'string') {
    const issues = [];
    for (const resolve of [resolveDtiFramework, resolveDbiFramework]) {
      try {
        return resolve(ref);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        issues.push(...e.issues);
      }
    }
    const known = issues.flatMap((i) => {
      const k = i.params?.known;
      return Array.isArray(k) ? (k as string[]) : typeof k === 'string' ? k.split(', ') : [];
    });
    throw new ValidationError([makeIssue(['framework'], 'unknown_framework', { id: ref, known })]);
  }
  const kind = readGuarded(['framework'], () => (isPlainObject(ref) ? ref.kind : undefined));
  if (kind === 'dti') return resolveDtiFramework(ref as never);
  if (kind === 'dbi') return resolveDbiFramework(ref as never);
  throw new ValidationError([
    makeIssue(isPlainObject(ref) ? ['framework', 'kind'] : ['framework'], isPlainObject(ref) ? 'wrong_framework_kind' : 'invalid_type', {
      id: isPlainObject(ref) && typeof ref.id === 'string' ? ref.id : '?', actual: typeof kind === 'string' ? kind : typeof kind, expected: 'dti | dbi', received: ref,
      ...(isPlainObject(ref) ? {} : { expected: 'framework object or framework id' }),
    }),
  ]);
}

/** Options of {@link inputJsonSchema}. */
export interface InputJsonSchemaOptions {
  /**
   * The JSON Schema draft: `'2020-12'` (the default; Ajv's `Ajv2020`, OpenAPI 3.1) or `'07'`
   * (draft-07: Ajv's default class, which Fastify uses, and most validators in other languages).
   * Both describe the same inputs.
   */
  readonly draft?: '2020-12' | '07';
}

/** A JSON Schema document (the schema of one framework's input). */
export interface InputJsonSchema {
  /** The draft: `https://json-schema.org/draft/2020-12/schema` or `http://json-schema.org/draft-07/schema#`. */
  readonly $schema: string;
  /** `https://www.npmjs.com/package/vn-digital-index/schemas/<framework id>.json` */
  readonly $id: string;
  /** `<framework id> input` */
  readonly title: string;
  readonly [keyword: string]: unknown;
}

const optionsCheck = /* @__PURE__ */ obj({ draft: optional(oneOf(['2020-12', '07'] as const)) });

const DRAFT_URI = { '2020-12': 'https://json-schema.org/draft/2020-12/schema', '07': 'http://json-schema.org/draft-07/schema#' } as const;

/**
 * The JSON Schema of a framework's input, in draft 2020-12 or, with `{ draft: '07' }`, draft-07.
 * String answers are limited to 64 characters (`maxLength`), as at run time. A main indicator that
 * is listed but not scored (`smartCity` in 922, maximum 0) is not an input and is left out. For a
 * questionnaire framework, each answer is described as `scoreDbi` reads it: option ids (`oneOf`
 * titled constants, Vietnamese `title`, English `description`, so that an app renders the form),
 * arrays of them, figures, `"n/a"` where allowed, and one branch per sector where the framework has
 * sector parts.
 *
 * The schema accepts no input that scoring refuses; scoring checks a few rules JSON Schema cannot
 * express (the range of a decimal string, the number of decimals, exact comparison beyond double
 * precision), so validate with the schema where a validator is at hand and let the library's
 * bilingual error answer the rest (docs/backends.md shows it for Fastify).
 *
 * @example
 * ```ts
 * const schema = inputJsonSchema(getFramework('dbi-2021-sme'));
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * (schema.properties as { answers: { required: string[] } }).answers.required.length; // 60
 * // draft-07, for Fastify's and most other validators
 * inputJsonSchema('dti-province-2022', { draft: '07' }).$schema; // 'http://json-schema.org/draft-07/schema#'
 * ```
 */
export function inputJsonSchema(frameworkOrId: Framework | string, options: InputJsonSchemaOptions = {}): InputJsonSchema {
  const framework = resolveFramework(frameworkOrId);
  const { draft = '2020-12' } = parse(optionsCheck, readPlain(options, ['options']), ['options']);
  const head = { $id: `https://www.npmjs.com/package/vn-digital-index/schemas/${framework.id}.json`, title: `${framework.id} input` };
  if (framework.kind === 'dbi' && extendedResult(framework)) {
    // questionnaires, "n/a", sectors: answers as option ids, figures or "n/a" (not as points); the
    // keywords it uses (const, oneOf, if/then, contains, not) mean the same in both drafts
    return { ...dbiGeneralJsonSchema(framework), $schema: DRAFT_URI[draft], ...head };
  }
  const schema = framework.kind === 'dti' ? dtiSchema(framework) : dbiSchema(framework);
  const json = z.toJSONSchema(schema, { target: draft === '07' ? 'draft-7' : 'draft-2020-12' }) as Record<string, unknown>;
  return { ...json, $schema: DRAFT_URI[draft], ...head };
}
