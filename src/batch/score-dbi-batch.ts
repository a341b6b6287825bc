/**
 * Scoring many enterprises at once from a typed array: one row per enterprise, columns in the
 * framework's criterion order (`criterionOrder`), each cell the points of its answer (for a
 * questionnaire criterion, the points its answer gives; `NaN` in a `Float64Array` for "not
 * applicable" where the criterion allows it). No object is allocated per row on the common path;
 * outputs are typed arrays. Results are identical to `scoreDbi` row by row (tested differentially
 * on every bundled framework and on questionnaire frameworks): the same model, the same integer
 * units, the same level rule and level conditions, precomputed as lookup tables where the sums
 * decide (sum aggregation, every criterion answered), and the scorer's own tally otherwise.
 */
import { toUnits } from '../arithmetic/scaled.js';
import { compileDbi, type CompiledDbi } from '../assessment/dbi-input.js';
import { sectorOf } from '../assessment/dbi-answers.js';
import { ValidationError, makeIssue, type IssueCode } from '../errors.js';
import { resolveDbiFramework, type DbiFrameworkRef } from '../framework/dbi/index.js';
import { checkNumeric } from '../assessment/numeric.js';
import { compileRule, hasLevelRule, levelsOf, percentBandTable, pillarLevelOf, unitsForPercent } from '../level/dbi-level.js';
import { tally } from '../score/score-dbi.js';
import { readOnce } from '../assessment/snapshot.js';

/** A row that was not scored, with the first bad column. */
export interface BatchRowIssue {
  readonly row: number;
  readonly column: number;
  readonly criterion: string;
  readonly value: number;
  readonly code: IssueCode;
}

/** The result of {@link scoreDbiBatch}; row `r`'s pillars are at `r * pillarCount …`. */
export interface DbiBatchResult {
  readonly framework: string;
  readonly rows: number;
  readonly pillarCount: number;
  /** Pillar ids, in the order of `pillarPoints` and `pillarLevel` columns. */
  readonly pillars: readonly string[];
  /** Total points per row (0 for an invalid row: see `valid`). */
  readonly total: Float64Array;
  /** Overall level per row; −1 where the framework has no level rule or the row is invalid. */
  readonly level: Int8Array;
  /** Pillar points, row-major. */
  readonly pillarPoints: Float64Array;
  /** Pillar levels, row-major; −1 where there is no level rule or the row is invalid. */
  readonly pillarLevel: Int8Array;
  /** 1 for a scored row, 0 for a row with an invalid value (listed in `invalid`). */
  readonly valid: Uint8Array;
  /** Invalid rows by index, each with its first bad column. */
  readonly invalid: readonly BatchRowIssue[];
}

interface Tables {
  readonly columns: number;
  readonly pillarOf: Uint8Array;
  /** Criteria are grouped by pillar: pillar p's columns are `pillarStart[p] … pillarStart[p + 1] − 1`. */
  readonly pillarStart: Int32Array;
  /**
   * For integer inputs: units of value v at column c are `lut[c * span + v]`, or −1 if not allowed.
   * 16-bit where the units fit (every bundled framework), so the table stays in the L1 cache.
   */
  readonly lut: Int16Array | Int32Array;
  readonly span: number;
  /** Pillar level by pillar units: `pillarLevelLut[p][units]`. */
  readonly pillarLevelLut: readonly Int8Array[] | null;
  /** The overall rule, highest level first: level, total threshold in units, pillars needed. */
  readonly overall: { readonly level: Int8Array; readonly totalAboveUnits: Float64Array; readonly minPillars: Int32Array; readonly base: number } | null;
  /** For a total-percent-bands rule: the level by total units (and by pillar units where it gives pillar levels). */
  readonly percentLevels: { readonly total: Int8Array; readonly pillars: readonly Int8Array[] | null } | null;
  /**
   * The level conditions, on the sums: a pillar is below a floor when its units are below
   * `floorUnits[p]` (a percentage floor, exact), or its level below `belowLevel`.
   */
  readonly caps: readonly { readonly atMost: number; readonly pillars: Int32Array; readonly floorUnits: Float64Array | null; readonly belowLevel: number }[];
  /** Per column: 1 where the criterion allows "not applicable" (NaN in a Float64Array). */
  readonly notApplicable: Uint8Array;
  /** Whether every row goes through the scorer's tally (mean or weighted aggregation). */
  readonly tallied: boolean;
}

const tableCache = new WeakMap<CompiledDbi, Tables>();

function tablesOf(c: CompiledDbi): Tables {
  let t = tableCache.get(c);
  if (t) return t;
  const columns = c.items.length;
  const maxValue = Math.max(...c.items.map((i) => i.rule.max));
  const span = Math.min(256, Math.floor(maxValue) + 1);
  const maxUnits = Math.max(...c.items.map((i) => Math.round(i.rule.max * c.factor)));
  const lut = (maxUnits < 32768 ? new Int16Array(columns * span) : new Int32Array(columns * span)).fill(-1);
  c.items.forEach((_, col) => {
    const allowed = c.smallIntegers[col]!;
    for (let v = 0; v < Math.min(span, allowed.length); v++) if (allowed[v] === 1) lut[col * span + v] = v * c.factor;
  });
  const f = c.framework;
  const pillarLevelLut = hasLevelRule(f)
    ? c.pillarMaxUnits.map((maxUnits) => {
        const table = new Int8Array(maxUnits + 1);
        for (let u = 0; u <= maxUnits; u++) table[u] = pillarLevelOf(f.levelRule, u, maxUnits);
        return table;
      })
    : null;
  const pillarOf = Uint8Array.from(c.items.map((i) => i.pillarIndex));
  const pillarStart = new Int32Array(f.pillars.length + 1);
  for (let p = 0, col = 0; p <= f.pillars.length; p++) {
    while (col < columns && pillarOf[col]! < p) col++;
    pillarStart[p] = col;
  }
  if (pillarOf.some((p, i) => i > 0 && p < pillarOf[i - 1]!)) throw new Error('criteria must be grouped by pillar');
  const rule = hasLevelRule(f) ? compileRule(f.levelRule) : null;
  const overall = rule
    ? {
        level: Int8Array.from(rule.overall.map((o) => o.level)),
        totalAboveUnits: Float64Array.from(rule.overall.map((o) => o.totalAbove * c.factor)),
        minPillars: Int32Array.from(rule.overall.map((o) => o.minPillarsAtLevel)),
        base: rule.baseLevel,
      }
    : null;
  const bandRule = f.levelRule.kind === 'total-percent-bands' ? f.levelRule : null;
  const bandTable = (maxUnits: number) => percentBandTable(bandRule!.bands, maxUnits);
  const percentLevels = bandRule
    ? { total: bandTable(c.totalMaxUnits), pillars: bandRule.pillarLevels ? c.pillarMaxUnits.map(bandTable) : null }
    : null;
  const ruleCaps = f.levelRule.kind === 'none' ? [] : (f.levelRule.caps ?? []);
  const caps = ruleCaps.map((cap) => {
    const pillars = Int32Array.from(cap.pillars ? cap.pillars.map((id) => f.pillars.findIndex((p) => p.id === id)) : f.pillars.map((_, i) => i));
    // units × 100 < x × max  ⇔  units < ⌈x × max / 100⌉ (exact)
    const floorUnits = cap.anyPillarBelowPercent === undefined ? null : Float64Array.from(c.pillarMaxUnits, (maxUnits) => unitsForPercent(cap.anyPillarBelowPercent!, maxUnits));
    return { atMost: cap.atMost, pillars, floorUnits, belowLevel: cap.anyPillarBelowLevel ?? 0 };
  });
  const notApplicable = Uint8Array.from(c.items, (item) => (item.criterion?.notApplicable ? 1 : 0));
  t = { columns, pillarOf, pillarStart, lut, span, pillarLevelLut, overall, percentLevels, caps, notApplicable, tallied: (f.aggregation?.kind ?? 'sum') !== 'sum' };
  tableCache.set(c, t);
  return t;
}

/** Units of a value at a column, or −1 when the value is not allowed there (the rule of `checkNumeric`); "n/a" (NaN where allowed) counts 0 here. */
function unitsOf(c: CompiledDbi, t: Tables, col: number, v: number): number {
  if (v >= 0 && v < t.span && (v | 0) === v) return t.lut[col * t.span + v]!;
  if (v !== v && t.notApplicable[col] === 1) return 0;
  if (checkNumeric(v, c.items[col]!.rule) !== undefined) return -1;
  return toUnits(v, c.decimals) ?? -1;
}

/** The rule a rejected value breaks. */
function problem(c: CompiledDbi, col: number, v: number): IssueCode {
  return checkNumeric(v, c.items[col]!.rule)?.code ?? 'too_many_decimals';
}

/** `'Uint8Array'`, `'Float64Array'` … for a real typed array, `undefined` for anything else. */
function typedArrayTag(x: unknown): string | undefined {
  const get = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)?.get;
  return get ? (get.call(x) as string | undefined) : undefined;
}

/**
 * Scores a batch of assessments held in a typed array.
 *
 * @param answers - row-major, one row per enterprise, columns in `criterionOrder(framework)` (with
 *   its `sector` where the framework has sector parts): each cell the points of its answer, `NaN`
 *   (in a `Float64Array`) for "not applicable" where the criterion allows it.
 * @param options - `sector`: the sector of every row, where the framework has sector parts (one
 *   batch per sector).
 * @throws {@link ValidationError} when the array's length is not a whole number of rows, or for a
 *   sector the framework does not accept.
 * @example
 * ```ts
 * const columns = criterionOrder('dbi-2021-sme').length; // 60
 * const answers = new Uint8Array(columns * 2).fill(3);
 * answers[13] = 15; answers[columns + 13] = 15;          // criterion 2.1.1 is on 0–25 by 5
 * const r = scoreDbiBatch('dbi-2021-sme', answers);
 * r.total;  // Float64Array [192, 192]
 * r.level;  // Int8Array [3, 3]
 * r.pillarPoints.subarray(0, 6); // [39, 15, 48, 39, 30, 21]
 * ```
 */
export function scoreDbiBatch(frameworkOrId: DbiFrameworkRef, answers: Uint8Array | Float64Array, options?: { readonly sector?: string }): DbiBatchResult {
  const f = resolveDbiFramework(frameworkOrId);
  options = readOnce(options, ['options']);
  const c = f.sectors || options?.sector !== undefined ? compileDbi(f, sectorOf(f, options?.sector, ['options', 'sector']).sector) : compileDbi(f);
  const t = tablesOf(c);
  // the typed array's own tag getter reads its internal slot: a Proxy (whose traps may throw) or a
  // look-alike object gets `undefined`, without any of its code running
  const tag = typedArrayTag(answers);
  if (tag !== 'Uint8Array' && tag !== 'Float64Array') {
    throw new ValidationError([makeIssue(['answers'], 'invalid_type', { expected: 'Uint8Array | Float64Array', received: answers })]);
  }
  const cols = t.columns;
  if (cols === 0 ? answers.length !== 0 : answers.length % cols !== 0) {
    throw new ValidationError([makeIssue(['answers', 'length'], 'invalid_option', {
      detail: `độ dài ${answers.length} không chia hết cho ${cols} cột`, detailEn: `length ${answers.length} is not a multiple of ${cols} columns`,
    })]);
  }
  const rows = cols === 0 ? 0 : answers.length / cols;
  const P = c.framework.pillars.length;
  const total = new Float64Array(rows);
  const level = new Int8Array(rows).fill(-1);
  const pillarPoints = new Float64Array(rows * P);
  const pillarLevel = new Int8Array(rows * P).fill(-1);
  const valid = new Uint8Array(rows);
  const invalid: BatchRowIssue[] = [];
  const sums = new Int32Array(P);
  const levels = new Int8Array(P);
  const { lut, span, pillarLevelLut, percentLevels, caps, notApplicable, tallied } = t;
  const factor = c.factor;
  const overall = t.overall;
  const integral = factor === 1;
  const integerInput = tag === 'Uint8Array' && span === 256;
  const pillarMaxUnits = c.pillarMaxUnits;
  const canBeNa = notApplicable.includes(1) && tag === 'Float64Array';

  const { pillarStart } = t;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    // One pass per pillar over its contiguous columns; a not-allowed value has units −1, so OR-ing
    // every looked-up value leaves the sign bit set exactly when the row holds a bad value.
    let negative = 0;
    if (integerInput) {
      for (let p = 0; p < P; p++) {
        let sum = 0;
        const end = base + pillarStart[p + 1]!;
        for (let k = base + pillarStart[p]!, off = pillarStart[p]! << 8; k < end; k++, off += 256) {
          const u = lut[off + answers[k]!]!;
          sum += u;
          negative |= u;
        }
        sums[p] = sum;
      }
    } else {
      for (let p = 0; p < P; p++) {
        let sum = 0;
        for (let col = pillarStart[p]!; col < pillarStart[p + 1]!; col++) {
          const u = unitsOf(c, t, col, answers[base + col]!);
          sum += u;
          negative |= u;
        }
        sums[p] = sum;
      }
    }
    if (negative < 0) {
      let bad = 0;
      while (unitsOf(c, t, bad, answers[base + bad]!) >= 0) bad++;
      const v = answers[base + bad]!;
      invalid.push({ row: r, column: bad, criterion: c.items[bad]!.id, value: v, code: problem(c, bad, v) });
      continue;
    }
    const o = r * P;
    let hasNa = false;
    if (canBeNa) for (let col = 0; col < cols && !hasNa; col++) hasNa = notApplicable[col] === 1 && answers[base + col] !== answers[base + col];
    if (tallied || hasNa) {
      // "n/a" changes the maxima, and means or weights are not sums: the scorer's own tally
      const units = new Array<number | null>(cols);
      for (let col = 0; col < cols; col++) {
        const v = answers[base + col]!;
        units[col] = v !== v ? null : unitsOf(c, t, col, v);
      }
      const tl = tally(c, units);
      if (!tl.overall()) {
        invalid.push({ row: r, column: 0, criterion: c.items[0]!.id, value: answers[base]!, code: 'invalid_option' });
        continue;
      }
      const lv = levelsOf(c.framework, tl);
      valid[r] = 1;
      for (let p = 0; p < P; p++) {
        pillarPoints[o + p] = tl.pillarUnits[p]! / factor;
        pillarLevel[o + p] = lv.pillarLevels[p] ?? -1;
      }
      total[r] = tl.totalUnits / factor;
      level[r] = lv.level ?? -1;
      continue;
    }
    valid[r] = 1;
    let rowTotal = 0;
    for (let p = 0; p < P; p++) {
      const u = sums[p]!;
      rowTotal += u;
      pillarPoints[o + p] = integral ? u : u / factor;
    }
    total[r] = integral ? rowTotal : rowTotal / factor;
    let lv = -1;
    if (pillarLevelLut && overall) {
      // the same rule as overallLevelOf, on precomputed arrays: highest level whose total is
      // exceeded with enough pillars at that level or higher
      for (let p = 0; p < P; p++) {
        const l = pillarLevelLut[p]![sums[p]!]!;
        levels[p] = l;
        pillarLevel[o + p] = l;
      }
      lv = overall.base;
      for (let k = 0; k < overall.level.length; k++) {
        if (rowTotal <= overall.totalAboveUnits[k]!) continue;
        const target = overall.level[k]!;
        let n = 0;
        for (let p = 0; p < P; p++) if (levels[p]! >= target) n++;
        if (n >= overall.minPillars[k]!) {
          lv = target;
          break;
        }
      }
    } else if (percentLevels) {
      lv = percentLevels.total[rowTotal]!;
      if (percentLevels.pillars) {
        for (let p = 0; p < P; p++) {
          const l = pillarMaxUnits[p]! > 0 ? percentLevels.pillars[p]![sums[p]!]! : -1;
          levels[p] = l;
          pillarLevel[o + p] = l;
        }
      }
    }
    // the level conditions: at most `atMost` while a pillar (that applies) is below its floor
    for (let k = 0; k < caps.length; k++) {
      const cap = caps[k]!;
      if (lv <= cap.atMost) continue;
      for (let q = 0; q < cap.pillars.length; q++) {
        const p = cap.pillars[q]!;
        if (!(pillarMaxUnits[p]! > 0)) continue;
        if (cap.floorUnits ? sums[p]! < cap.floorUnits[p]! : levels[p]! < cap.belowLevel) {
          lv = cap.atMost;
          break;
        }
      }
    }
    level[r] = lv;
  }
  return { framework: c.framework.id, rows, pillarCount: P, pillars: c.framework.pillars.map((p) => p.id), total, level, pillarPoints, pillarLevel, valid, invalid };
}
