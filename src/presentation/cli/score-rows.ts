/** Scoring every row of an input file, collecting bad rows with their line numbers. */
import { ValidationError, NotScorableError, makeIssue, type ValidationIssue } from '../../errors.js';
import { getFramework } from '../../framework/catalog.js';
import { scoreDbi, type DbiResult } from '../../score/score-dbi.js';
import { scoreDti, type DtiResult } from '../../score/score-dti.js';
import { mapCells, type InputRow } from '../io/rows.js';

export interface ScoredRow {
  readonly line: number;
  readonly id: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly result: DtiResult | DbiResult;
}

export interface RowError {
  readonly line: number;
  readonly id: string;
  readonly issues: readonly ValidationIssue[];
}

export interface ScoreRowsOptions {
  readonly framework?: string;
  readonly input?: 'points' | 'values';
  readonly strict?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Scores rows; bad rows are reported (and, with `strict`, stop the run at the first one). */
export function scoreRows(rows: readonly InputRow[], options: ScoreRowsOptions): { scored: ScoredRow[]; errors: RowError[] } {
  const scored: ScoredRow[] = [];
  const errors: RowError[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    options.onProgress?.(i + 1, rows.length);
    try {
      const frameworkId = options.framework ?? row.framework;
      if (!frameworkId) throw new ValidationError([makeIssue(['framework'], 'missing_input', { fields: '--framework, framework column' })]);
      if (!row.id) throw new ValidationError([makeIssue(['id'], 'missing_key', { key: 'id' })]);
      const framework = getFramework(frameworkId);
      let result: DtiResult | DbiResult;
      if (framework.kind === 'dti') {
        if (row.explicit?.points || row.explicit?.values) {
          result = scoreDti(framework, row.explicit as never);
        } else {
          const mode = options.input ?? 'points';
          const { record, issues } = mapCells(row, framework, mode);
          if (issues.length) throw new ValidationError(issues);
          result = scoreDti(framework, { [mode]: record });
        }
      } else if (row.explicit?.answers) {
        result = scoreDbi(framework, { answers: row.explicit.answers as never });
      } else {
        const { record, issues } = mapCells(row, framework, 'answers');
        if (issues.length) throw new ValidationError(issues);
        result = scoreDbi(framework, { answers: record });
      }
      scored.push({ line: row.line, id: row.id, meta: row.meta, result });
    } catch (e) {
      if (e instanceof ValidationError) errors.push({ line: row.line, id: row.id, issues: e.issues });
      else if (e instanceof NotScorableError) errors.push({ line: row.line, id: row.id, issues: [makeIssue(['framework'], 'invalid_option', { detail: e.reason.vi, detailEn: e.reason.en })] });
      else throw e;
      if (options.strict) break;
    }
  }
  return { scored, errors };
}
