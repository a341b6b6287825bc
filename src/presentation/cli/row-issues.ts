/**
 * Every problem of a rejected row, for `--errors`. A library error lists at most MAX_ISSUES (50)
 * issues and then counts the rest (a bound against hostile input); a row of a file is bounded by its
 * columns, and an officer fixing it needs each one. Where a row's error was cut short, its input is
 * checked again by the same rules, uncut: the DTI inputs (but those with components) and every DBI
 * input, points per criterion or a questionnaire (answers read as the scorer reads them).
 */
import { dbiAssessmentIssues } from '../../assessment/dbi-answers.js';
import { compileDbi, dbiInputIssues } from '../../assessment/dbi-input.js';
import { dtiInputIssues, hasDtiComponents } from '../../assessment/dti-input.js';
import type { ValidationIssue } from '../../errors.js';
import type { Framework } from '../../framework/schema.js';
import { beyondPoints } from '../../score/score-dbi.js';
import { mapCells, type InputRow } from '../io/rows.js';
import { dbiAssessmentOfRow, withFrameworkColumns } from './score-rows.js';

/** Whether a row's issues were cut short by the library's bound. */
export function cutShort(issues: readonly ValidationIssue[]): boolean {
  return issues.length > 0 && issues[issues.length - 1]!.code === 'too_many_issues';
}

/**
 * Every issue of a row's input on its framework, uncut; `undefined` where the framework's rules are
 * not checked here (the caller keeps the library's list).
 */
export function everyIssue(row: InputRow, framework: Framework, input: 'points' | 'values' = 'points'): ValidationIssue[] | undefined {
  if (framework.kind === 'dti') {
    if (hasDtiComponents(framework)) return undefined;
    if (row.explicit?.points || row.explicit?.values) return dtiInputIssues(framework, row.explicit as Record<string, unknown>);
    const { record, issues } = mapCells(withFrameworkColumns(row, framework), framework, input);
    return issues.length ? issues : dtiInputIssues(framework, { [input]: record });
  }
  if (beyondPoints(framework)) {
    // a questionnaire row: read as the scorer reads it (dbiAssessmentOfRow), then every rule uncut
    const { assessment, issues } = dbiAssessmentOfRow(row, framework);
    if (issues.length) return issues;
    try {
      return dbiAssessmentIssues(framework, assessment);
    } catch {
      return undefined;
    }
  }
  let compiled;
  try {
    compiled = compileDbi(framework);
  } catch {
    return undefined;
  }
  if (row.explicit?.answers) return dbiInputIssues(compiled, { answers: row.explicit.answers });
  const { record, issues } = mapCells(withFrameworkColumns(row, framework), framework, 'answers');
  return issues.length ? issues : dbiInputIssues(compiled, { answers: record });
}
