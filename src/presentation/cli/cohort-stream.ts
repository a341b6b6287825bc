/**
 * `vndi summary` on a stream of scored rows: the library's one cohort accumulator (analysis/cohort.ts,
 * the one `summarize` uses), fed row by row. A row scored by the batch path gives its scaled units
 * and never builds a result object; memory follows the groups, not the rows.
 */
import { CohortAccumulator, type CohortSummary } from '../../analysis/cohort.js';
import type { DbiFramework } from '../../framework/schema.js';
import type { DbiResult } from '../../score/score-dbi.js';
import { recordedFramework } from '../../score/provenance.js';
import { BatchScoredRow, frameworkById, type ScoredRow } from './score-rows.js';

export interface CohortStreamOptions {
  readonly groupBy?: readonly string[];
  readonly registered?: Readonly<Record<string, number>>;
  readonly target?: number;
}

/** An incremental cohort summary of scored DBI rows. */
export class CohortStream {
  private readonly acc: CohortAccumulator;
  private readonly fields: readonly string[];
  constructor(options: CohortStreamOptions = {}) {
    this.fields = options.groupBy?.length ? options.groupBy : [];
    this.acc = new CohortAccumulator({ groupBy: this.fields.length ? this.fields : undefined, registered: options.registered, target: options.target });
  }

  /** The framework a row was scored on. */
  static frameworkOf(row: ScoredRow): DbiFramework {
    if (row instanceof BatchScoredRow) return row.compiled.framework;
    return ((recordedFramework(row.result) as DbiFramework | undefined) ?? frameworkById(row.result.framework.id)) as DbiFramework;
  }

  /** The framework of the rows so far (undefined before the first). */
  get framework(): DbiFramework | undefined {
    return this.acc.framework;
  }

  /** Whether the row can join the rows so far (its framework has the same maxima). */
  accepts(row: ScoredRow): boolean {
    return this.acc.accepts(CohortStream.frameworkOf(row));
  }

  /** Adds one scored DBI row. */
  add(row: ScoredRow): void {
    const key = this.fields.map((f) => row.meta[f] ?? '');
    this.acc.addKeyed(key, row instanceof BatchScoredRow ? row : (row.result as DbiResult));
  }

  /** The summary, identical to `summarize` over the same rows. */
  finish(): CohortSummary {
    return this.acc.finish();
  }

  /** The same summary group by group, computed as each is read (see CohortAccumulator.summaries). */
  summaries(): ReturnType<CohortAccumulator['summaries']> {
    return this.acc.summaries();
  }
}
