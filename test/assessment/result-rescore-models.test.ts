/**
 * The re-scoring of a result handed back works on every model the format expresses, not only the
 * bundled sets: for the test frameworks (questionnaire criteria with single and multiple choice,
 * figures, "n/a", sector parts, mean and weighted aggregation, a DTI component tree), random valid
 * answer sheets are scored, sent through JSON, and must be found to be exactly what the scorer
 * gives; an edited copy must not. (Results of a framework that is not bundled are refused by
 * `checkDbiResult` as of an unknown framework; this exercises the step that re-scores.)
 */
import { describe, expect, it } from 'vitest';
import { criterionOrder, scoreDbi, scoreDti, type DbiCriterion, type DbiFramework, type ValidationIssue } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { matchesDbiScorer } from '../../src/assessment/dbi-result-check.js';
import { matchesDtiScorer } from '../../src/assessment/dti-result-check.js';
import { loadDtiFictional, readFrameworkJson } from '../frameworks/load.js';
import { itemsOf } from '../../src/assessment/dbi-input.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const json = <T>(x: T): Record<string, any> => JSON.parse(JSON.stringify(x));

/** A random answer the criterion accepts. */
function answer(c: DbiCriterion, next: () => number): unknown {
  if (c.notApplicable && next() < 0.15) return 'n/a';
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  if (c.scale?.kind === 'steps') return pick(c.scale.values);
  if (c.scale?.kind === 'range') return (c.scale.min + next() * (c.scale.max - c.scale.min)).toFixed(c.scale.decimals);
  const a = c.answer!;
  if (a.kind === 'single') return pick(a.options).id;
  if (a.kind === 'multiple') {
    const exclusive = a.options.filter((o) => o.exclusive);
    if (exclusive.length && next() < 0.2) return [pick(exclusive).id];
    const shared = a.options.filter((o) => !o.exclusive);
    const chosen = shared.filter(() => next() < 0.5);
    return (chosen.length ? chosen : [pick(shared)]).map((o) => o.id);
  }
  return Number((a.min + next() * (a.max - a.min)).toFixed(a.decimals));
}

function criteria(f: DbiFramework, sector: string | undefined): Map<string, DbiCriterion> {
  const part = f.sectors?.find((s) => s.id === sector) ?? null;
  return new Map(itemsOf(f, part).filter((i) => i.criterion).map((i) => [i.id, i.criterion!]));
}

describe.each(['dbi-questionnaire', 'dbi-questionnaire-fictional', 'dbi-questionnaire-998', 'dbi-level-caps', 'dbi-sectors', 'dbi-mean-na', 'dbi-weighted'])('%s', (name) => {
  const f = defineDbiFramework(readFrameworkJson(`${name}.json`));
  it('a scored result sent through JSON is what the scorer gives; an edited one is not', () => {
    const next = rng(name.length * 7919);
    let checked = 0;
    let notices = 0;
    for (let trial = 0; trial < 60; trial++) {
      // a sector of the framework, or (where its rules allow) one it does not list
      const unlisted = f.sectorRules?.unlistedSector === 'common-part-only' && next() < 0.2;
      const sector = f.sectors ? (unlisted ? 'nganh-khac' : f.sectors[Math.floor(next() * f.sectors.length)]!.id) : undefined;
      const defs = criteria(f, sector);
      const ids = criterionOrder(f, sector ? { sector } : undefined);
      const answers: Record<string, unknown> = Object.fromEntries(ids.map((id) => [id, answer(defs.get(id)!, next)]));
      // answers to another sector's questions, where the framework ignores them (the result says so in a notice)
      if (f.sectorRules?.otherSectorAnswers === 'ignore' && next() < 0.5) {
        const other = f.sectors!.find((x) => x.id !== sector)!;
        for (const [id, c] of criteria(f, other.id)) if (!defs.has(id) && next() < 0.5) answers[id] = answer(c, next);
      }
      let r;
      try {
        r = scoreDbi(f, (sector ? { sector, answers } : { answers }) as never);
      } catch {
        continue; // a sheet the framework refuses (every criterion of a part not applicable): no result to check
      }
      if (r.notices?.length) notices++;
      const issues: ValidationIssue[] = [];
      expect(matchesDbiScorer(json(r), f, ['result'], issues), JSON.stringify(issues.slice(0, 2))).toBe(true);
      const edited = json(r);
      edited.total = edited.total + 1;
      expect(matchesDbiScorer(edited, f, ['result'], [])).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    if (f.sectorRules) expect(notices).toBeGreaterThan(0);
  });
});

describe('a DTI component tree (dti-fictional)', () => {
  const f = loadDtiFictional();
  it('a result from components, points or both sent through JSON is what the scorer gives', () => {
    const r = scoreDti(f, { points: { digitalSociety: 88.2 }, components: { awareness: { a1: 30, a2: 0.75 }, infrastructure: { i1: 0.62, i2: 12.5, i3: 20 }, digitalGovernment: { g1: 0.4, g2: 33.33 }, digitalEconomy: { e1: 0.333, e2: 41 } } } as never);
    const issues: ValidationIssue[] = [];
    expect(matchesDtiScorer(json(r), f, ['result'], issues), JSON.stringify(issues)).toBe(true);
    const edited = json(r);
    edited.mainIndicators[0].components[0].exact.points = '31';
    const found: ValidationIssue[] = [];
    expect(matchesDtiScorer(edited, f, ['result'], found)).toBe(false);
    expect(found.map((i) => i.pathString)).toContain('result.mainIndicators.0.components.0.points');
  });
});
