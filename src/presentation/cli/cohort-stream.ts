/**
 * `vndi summary` on a stream of scored rows: the same cohort summary as `summarize` (analysis), fed
 * one row at a time and holding only per-group histograms, so that memory does not grow with the
 * number of rows. The statistics are computed from the histograms by the same rules as `summarize`
 * (exact integer units, type-7 quartiles, half-up rounding); a test compares the two on random
 * cohorts. Frameworks whose totals are too fine for histograms (none of the bundled criterion-level
 * ones) fall back to collecting the rows and calling `summarize` itself.
 */
import { ratioHalfUp } from '../../arithmetic/scaled.js';
import { compileDbi, type CompiledDbi } from '../../assessment/dbi-input.js';
import { coverage, histogramSum, levelTallies, stats, summarize, type CohortSummary, type GroupSummary } from '../../analysis/summarize.js';
import { ValidationError, makeIssue } from '../../errors.js';
import { dbiFrameworkOf, extendedResult, type DbiResult } from '../../score/score-dbi.js';
import { BatchScoredRow, type ScoredRow } from './score-rows.js';

// the same limit as summarize's: above it, summarize keeps sorted arrays instead of histograms
const HISTOGRAM_LIMIT = 20_000;

interface Group {
  readonly key: string;
  readonly keys: Record<string, string>;
  count: number;
  readonly levels: Int32Array;
  readonly total: Int32Array;
  readonly pillars: Int32Array[];
}

export interface CohortStreamOptions {
  readonly groupBy?: readonly string[];
  readonly registered?: Readonly<Record<string, number>>;
  readonly target?: number;
}

/** An incremental cohort summary. */
export class CohortStream {
  private c: CompiledDbi | undefined;
  private frameworkId = '';
  private readonly groups = new Map<string, Group>();
  private fallback: { [k: string]: unknown; result: DbiResult }[] | undefined;
  private seen = 0;
  constructor(private readonly options: CohortStreamOptions = {}) {}

  /** Adds one scored DBI row. */
  add(row: ScoredRow): void {
    const i = this.seen++;
    const batch = row instanceof BatchScoredRow ? row : undefined;
    if (!this.c) {
      this.c = batch ? batch.compiled : compileDbi(dbiFrameworkOf(row.result as DbiResult));
      this.frameworkId = this.c.framework.id;
      // a framework whose maxima vary by row ("n/a", sectors) or whose percentage is not the sum's
      // (mean, weighted) is summarised as summarize does it, from the results themselves
      if (this.c.totalMaxUnits > HISTOGRAM_LIMIT || extendedResult(this.c.framework)) this.fallback = [];
    }
    const c = this.c;
    const frameworkId = batch ? batch.compiled.framework.id : row.result.framework.id;
    if (frameworkId !== this.frameworkId || (!batch && row.result.kind !== 'dbi')) {
      throw new ValidationError([makeIssue(['entries', i, 'result', 'framework'], 'invalid_option', {
        detail: `mọi kết quả phải cùng bộ chỉ số ${this.frameworkId}`, detailEn: `every result must come from framework ${this.frameworkId}`,
      })]);
    }
    if (this.fallback) {
      this.fallback.push({ ...row.meta, result: row.result as DbiResult });
      return;
    }
    const fields = this.options.groupBy?.length ? this.options.groupBy : null;
    const key = fields ? fields.map((f) => row.meta[f] ?? '').join(' / ') : 'all';
    let g = this.groups.get(key);
    if (!g) {
      const levelSlots = Math.max(0, ...c.framework.levels.map((l) => l.level)) + 2;
      g = {
        key,
        keys: fields ? Object.fromEntries(fields.map((f) => [f, row.meta[f] ?? ''])) : { group: key },
        count: 0,
        levels: new Int32Array(levelSlots),
        total: new Int32Array(c.totalMaxUnits + 1),
        pillars: c.pillarMaxUnits.map((m) => new Int32Array(m + 1)),
      };
      this.groups.set(key, g);
    }
    g.count++;
    if (batch) {
      g.total[batch.totalUnits]!++;
      g.levels[batch.levelCode < 0 ? 0 : batch.levelCode + 1]!++;
      for (let p = 0; p < g.pillars.length; p++) g.pillars[p]![batch.pillarUnits(p)]!++;
    } else {
      const r = row.result as DbiResult;
      g.total[Math.round(r.total * c.factor)]!++;
      g.levels[r.level === null ? 0 : r.level + 1]!++;
      for (let p = 0; p < g.pillars.length; p++) g.pillars[p]![Math.round(r.pillars[p]!.points * c.factor)]!++;
    }
  }

  /** The summary, identical to `summarize` over the same rows. */
  finish(): CohortSummary {
    if (this.fallback) {
      const groupBy = this.options.groupBy?.length ? [...this.options.groupBy] : undefined;
      return summarize(this.fallback, { groupBy, registered: this.options.registered, target: this.options.target });
    }
    const c = this.c;
    if (!c) throw new ValidationError([makeIssue(['entries'], 'missing_input', { fields: ['entries[0]'] })]);
    const overall: Group = {
      key: 'all', keys: {}, count: 0,
      levels: new Int32Array(Math.max(0, ...c.framework.levels.map((l) => l.level)) + 2),
      total: new Int32Array(c.totalMaxUnits + 1),
      pillars: c.pillarMaxUnits.map((m) => new Int32Array(m + 1)),
    };
    for (const g of this.groups.values()) {
      overall.count += g.count;
      add(overall.levels, g.levels);
      add(overall.total, g.total);
      g.pillars.forEach((h, p) => add(overall.pillars[p]!, h));
    }
    const levelIds = c.framework.levels.map((l) => l.level);
    const finish = (g: Group): GroupSummary => {
      const { levels, atOrAbove } = levelTallies(levelIds, g.levels, g.count);
      const totalSum = histogramSum(g.total);
      const reg = this.options.registered?.[g.key];
      return {
        key: g.key,
        keys: g.keys,
        count: g.count,
        levels,
        atOrAbove,
        total: stats(g.total, g.count, totalSum, c.factor, c.decimals),
        meanPercent: ratioHalfUp(totalSum * 100, g.count * c.totalMaxUnits, 2),
        pillars: Object.fromEntries(c.framework.pillars.map((p, i) => [p.id, stats(g.pillars[i]!, g.count, histogramSum(g.pillars[i]!), c.factor, c.decimals)])),
        ...(reg === undefined ? {} : { coverage: coverage(g.count, reg, this.options.target) }),
      };
    };
    const registered = this.options.registered;
    const totalRegistered = registered ? Object.values(registered).reduce((a, b) => a + b, 0) : undefined;
    const overallSummary = finish(overall);
    return {
      framework: this.frameworkId,
      groups: [...this.groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(finish),
      overall: totalRegistered === undefined ? overallSummary : { ...overallSummary, coverage: coverage(overall.count, totalRegistered, this.options.target) },
    };
  }
}

function add(target: Int32Array, source: Int32Array): void {
  for (let i = 0; i < source.length; i++) target[i]! += source[i]!;
}

