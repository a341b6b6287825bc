/**
 * The input JSON Schema of frameworks written in the file format (test/frameworks/dbi-*.json) says
 * exactly what scoreDbi accepts: Ajv and scoreDbi agree on random assessments built from valid and
 * invalid answers of every kind (option ids, arrays of them, figures, points, "n/a", sectors).
 *
 * Left out of the agreement, as documented in src/assessment/dbi-general-json-schema.ts: the range
 * of a decimal string and the number of decimals of a JSON number, which only the run time checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DBI_2025_CANDIDATE_LEVEL_RULES, safeScoreDbi, type DbiCriterion, type DbiFramework } from '../../src/index.js';
import { defineDbiFramework, inputJsonSchema, withDbiLevelRule } from '../../src/schema.js';

const raw = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', `${name}.json`), 'utf8')) as any;
const NAMES = ['dbi-questionnaire', 'dbi-questionnaire-fictional', 'dbi-mean-na', 'dbi-sectors', 'dbi-weighted', 'dbi-questionnaire-998'];
const compile = (f: DbiFramework) => new Ajv2020({ strict: true, allErrors: true }).compile(inputJsonSchema(f));

/** Answers of every kind for one criterion, valid and not (but never a form only the run time checks). */
function candidates(c: DbiCriterion): unknown[] {
  const common = ['n/a', null, true, {}, 'zzz', -1];
  const a = c.answer;
  if (!a) {
    const s = c.scale!;
    if (s.kind === 'steps') {
      const v = s.values;
      return [...common, ...v, ...v.map(String), ...v.map((x) => ` ${x}0 `.replace(/^ (\d+)0 $/, ' $1.0 ')), `+${v[1]}`, '-0', '-0.0', Math.max(...v) + 1, 0.25, '0.25', '1e0', ''];
    }
    return [...common, s.min, s.max, (s.min + s.max) / 2, s.max + 1, String(s.max), `${s.min}.${'0'.repeat(s.decimals + 2)}`, `0.${'1'.repeat(s.decimals + 1)}`, '-0', '.5', '5.'];
  }
  // options by letter too (and a letter in upper case, which names no option)
  const letters = 'options' in a ? a.options.flatMap((o) => (o.letter === undefined ? [] : [o.letter])) : [];
  if (a.kind === 'single') return [...common, ...a.options.map((o) => o.id), ...letters, ...letters.map((l) => l.toUpperCase()), 0, [a.options[0]!.id], a.options[0]!.id.toUpperCase()];
  if (a.kind === 'multiple') {
    const ids = a.options.map((o) => o.id);
    return [...common, [], ...ids.map((id) => [id]), ids, ids.slice(1), [ids[0], ids[0]], [...ids.slice(-1), 'zzz'], [1], ids[0], ...letters.map((l) => [l]), letters.slice(1)];
  }
  const t = a.thresholds.map((x) => x.from);
  return [...common, a.min, a.max, ...t, ...t.map(String), a.max + 0.5, a.min - 1, `${a.max}.${'0'.repeat(a.decimals)}5`, ' 12.5 ', '-0', '1e1'];
}

function criteriaOf(f: DbiFramework, sector: string | undefined): DbiCriterion[] {
  return f.pillars.flatMap((p) => {
    const part = p.sectorSpecific ? f.sectors!.find((s) => s.id === sector) : p;
    return part ? [...(part.criteria ?? []), ...part.components.flatMap((c) => c.criteria)] : [];
  });
}

/** A random assessment: one candidate per criterion, then perhaps a missing, extra or bad key. */
function assessment(f: DbiFramework): fc.Arbitrary<unknown> {
  const sectors = f.sectors?.map((s) => s.id);
  const sectorArb = sectors ? fc.oneof(fc.constantFrom(...sectors), fc.constantFrom(undefined, 'mining', 1)) : fc.constantFrom(undefined, undefined, undefined, 'retail');
  return sectorArb.chain((sector) => {
    const list = criteriaOf(f, typeof sector === 'string' ? sector : sectors?.[0]);
    return fc
      .tuple(
        fc.tuple(...list.map((c) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...validOf(c)) }, { weight: 1, arbitrary: fc.constantFrom(...candidates(c)) }))),
        fc.constantFrom('none', 'none', 'none', 'drop', 'extra', 'extraTop', 'noAnswers'),
      )
      .map(([values, mutation]) => {
        const answers: Record<string, unknown> = Object.fromEntries(list.map((c, i) => [c.id, values[i]]));
        if (mutation === 'drop') delete answers[list[0]!.id];
        if (mutation === 'extra') answers['9.9.9'] = 1;
        const input: Record<string, unknown> = mutation === 'noAnswers' ? {} : { answers };
        if (sector !== undefined) input.sector = sector;
        if (mutation === 'extraTop') input.unit = 'x';
        return input;
      });
  });
}

/** Answers scoreDbi accepts, so that most random assessments are valid. */
function validOf(c: DbiCriterion): unknown[] {
  const na = c.notApplicable ? ['n/a'] : [];
  const a = c.answer;
  if (!a) return [...na, ...(c.scale!.kind === 'steps' ? c.scale!.values : [c.scale!.min, c.scale!.max])];
  if (a.kind === 'single') return [...na, ...a.options.map((o) => o.id)];
  if (a.kind === 'multiple') return [...na, [], ...a.options.map((o) => [o.id]), a.options.filter((o) => !o.exclusive).map((o) => o.id)];
  return [...na, a.min, a.max, ...a.thresholds.map((t) => t.from)];
}

describe.each(NAMES)('the input JSON Schema of %s', (name) => {
  const f = defineDbiFramework(raw(name));
  const validate = compile(f);

  it('compiles under Ajv strict mode and agrees with scoreDbi on random assessments', () => {
    let accepted = 0;
    fc.assert(
      fc.property(assessment(f), (input) => {
        const ok = safeScoreDbi(f, input as never).success;
        if (ok) accepted++;
        expect(validate(input), `${JSON.stringify(input)}: ${JSON.stringify(validate.errors)}`).toBe(ok);
      }),
      { numRuns: 400, seed: 10 },
    );
    // both sides are exercised
    expect(accepted).toBeGreaterThan(40);
    expect(accepted).toBeLessThan(360);
  });

  it('agrees with scoreDbi on every candidate answer of every criterion, one at a time', () => {
    for (const sector of f.sectors?.map((s) => s.id) ?? [undefined]) {
      const list = criteriaOf(f, sector);
      const base = Object.fromEntries(list.map((c) => [c.id, validOf(c).find((v) => v !== 'n/a')]));
      for (const c of list) {
        for (const value of candidates(c)) {
          const input = { ...(sector ? { sector } : {}), answers: { ...base, [c.id]: value } };
          expect(validate(input), `${c.id} = ${JSON.stringify(value)}`).toBe(safeScoreDbi(f, input as never).success);
        }
      }
    }
  });
});

describe('what an app renders the form from', () => {
  it('single choice: option ids as constants titled in Vietnamese, described in English with their points', () => {
    const s = inputJsonSchema(defineDbiFramework(raw('dbi-questionnaire'))) as any;
    const q = s.properties.answers.properties['1.1.1'];
    const criterion = raw('dbi-questionnaire').pillars[0].components[0].criteria[0];
    // the question the form asks, where the framework gives one
    expect(q.title).toBe(`1.1.1. ${criterion.question.vi}`);
    expect(q.description).toBe(`${criterion.question.en} (at most 3 points)`);
    expect(q.oneOf).toEqual([
      { const: 'none', title: 'Chưa có', description: 'None (0 points)' },
      { const: 'planning', title: 'Đang xây dựng', description: 'Being drafted (2 points)' },
      { const: 'ready', title: 'Đã ban hành', description: 'Adopted (3 points)' },
    ]);
    expect(s.properties.answers.required).toEqual(['1.1.1', '1.1.2', '2.1.1', '2.1.2']);
  });

  it('multiple choice: an array of distinct option ids, the exclusive one alone', () => {
    const s = inputJsonSchema(defineDbiFramework(raw('dbi-questionnaire'))) as any;
    const list = s.properties.answers.properties['1.1.2'].oneOf[0];
    expect(list).toMatchObject({ type: 'array', uniqueItems: true, allOf: [{ if: { contains: { const: 'none' } }, then: { maxItems: 1 } }] });
    expect(list.items.oneOf.map((o: any) => o.const)).toEqual(['none', 'email', 'social', 'app', 'chatbot']);
  });

  it('figure: a number within its bounds, or a decimal string of at most its decimals', () => {
    const s = inputJsonSchema(defineDbiFramework(raw('dbi-questionnaire'))) as any;
    const [number, text] = s.properties.answers.properties['2.1.1'].oneOf;
    expect(number).toEqual({ type: 'number', minimum: 0, maximum: 100 });
    expect(new RegExp(text.pattern).test('12.5')).toBe(true);
    expect(new RegExp(text.pattern).test('12.55')).toBe(false);
    expect(new RegExp(text.pattern).test('12.50')).toBe(true);
  });

  it('"n/a" only where the criterion allows it', () => {
    const s = inputJsonSchema(defineDbiFramework(raw('dbi-mean-na'))) as any;
    const na = { const: 'n/a', title: 'Không áp dụng', description: 'Not applicable' };
    expect(s.properties.answers.properties['1.1.1'].oneOf).toContainEqual(na);
    expect(s.properties.answers.properties['2.1.1'].oneOf).not.toContainEqual(na);
  });

  it('sectors: one branch per sector, each with the common criteria and its own', () => {
    const s = inputJsonSchema(defineDbiFramework(raw('dbi-sectors'))) as any;
    expect(s.oneOf.map((b: any) => b.properties.sector)).toEqual([
      { const: 'retail', title: raw('dbi-sectors').sectors[0].name.vi, description: raw('dbi-sectors').sectors[0].name.en },
      { const: 'tourism', title: raw('dbi-sectors').sectors[1].name.vi, description: raw('dbi-sectors').sectors[1].name.en },
    ]);
    expect(s.oneOf.map((b: any) => b.properties.answers.required)).toEqual([['1.1.1', '1.1.2', '7.1.1', '7.1.2'], ['1.1.1', '1.1.2', '7.1.1']]);
    // 7.1.1 has other options in each sector
    expect(s.oneOf[1].properties.answers.properties['7.1.1'].oneOf[0].items.oneOf.map((o: any) => o.const)).toEqual(['booking', 'ota', 'crm']);
  });

  it('refuses, as scoring does, an assessment where every criterion is "n/a"', () => {
    const file = raw('dbi-mean-na');
    for (const p of file.pillars) for (const c of p.components) for (const k of c.criteria) k.notApplicable = true;
    const f = defineDbiFramework(file);
    const validate = compile(f);
    const ids = ['1.1.1', '1.1.2', '1.2.1', '2.1.1', '2.1.2', '2.1.3'];
    const allNa = { answers: Object.fromEntries(ids.map((id) => [id, 'n/a'])) };
    const oneAnswered = { answers: { ...allNa.answers, '2.1.3': 0 } };
    expect(safeScoreDbi(f, allNa).success).toBe(false);
    expect(validate(allNa)).toBe(false);
    expect(safeScoreDbi(f, oneAnswered).success).toBe(true);
    expect(validate(oneAnswered)).toBe(true);
  });
});

describe('a pillar-level framework under a percentage rule (scored by the general path)', () => {
  const f = withDbiLevelRule('dbi-2025-large', DBI_2025_CANDIDATE_LEVEL_RULES[0]!.rule);
  const validate = compile(f);
  const value = fc.oneof(
    fc.integer({ min: -5, max: 150 }),
    fc.integer({ min: 0, max: 8500 }).map((x) => x / 100),
    fc.constantFrom('12', ' 12.5 ', '12.345', '12.340', '-0', 'n/a', null, '', '1e2', [] as unknown),
  );
  it('Ajv and scoreDbi agree on random pillar answers (points up to 2 decimals)', () => {
    fc.assert(
      fc.property(fc.tuple(...f.pillars.map(() => value)), fc.boolean(), (values, drop) => {
        const answers: Record<string, unknown> = Object.fromEntries(f.pillars.map((p, i) => [p.id, values[i]]));
        if (drop) delete answers.data;
        const input = { answers };
        expect(validate(input), JSON.stringify(input)).toBe(safeScoreDbi(f, input as never).success);
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});
