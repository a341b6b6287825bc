/**
 * Writes the table "which decision applies when" in docs/methodology.md (between its markers) from
 * the decisions table of src/framework/decisions.ts, so that the docs cannot say a third thing. A
 * test checks that the committed section equals what this script generates.
 *
 *   npx tsx scripts/decisions-table.ts          # rewrite the section
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DBI_DECISIONS, DTI_DECISIONS, dayBefore, type DecisionRecord, type Evidence } from '../src/framework/decisions.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const METHODOLOGY_PATH = join(root, 'docs', 'methodology.md');
const BEGIN = '<!-- BEGIN GENERATED DECISIONS TABLE (scripts/decisions-table.ts) -->';
const END = '<!-- END GENERATED DECISIONS TABLE -->';

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const label = (e: Evidence) => (e === 'not-found' ? 'not found' : e);
const SIZE = { province: 'provinces', sme: 'SMEs', large: 'large enterprises', group: 'groups' } as const;

function row(d: DecisionRecord): string[] {
  const from = `${dmy(d.inForceFrom)} (${label(d.inForceBasis.evidence)})`;
  const until = d.replacedOn === null ? 'not replaced as far as the sources go' : `${dmy(dayBefore(d.replacedOn))}; ${d.replacedBy} from ${dmy(d.replacedOn)} (${label(d.replacementBasis!.evidence)})`;
  const years = d.kind === 'dti' ? d.assessmentYears.map((y) => `DTI ${y.year} (${label(y.evidence)})`).join(', ') : '';
  return d.sets.map((s) => {
    const set = s.framework !== null ? `\`${s.framework}\`` : `not encoded: ${s.notEncoded!.reason.en} ${s.notEncoded!.remedy.en}`;
    return `| ${d.decision} | ${from} | ${until} | ${SIZE[s.size]} | ${set} | ${years} |`;
  });
}

/** The generated section: the table of every decision, one line per size it covers. */
export function decisionsTable(): string {
  const lines = [
    '| Decision | Applies from (evidence) | Until (evidence of the replacement) | Size | Bundled set | Assessment years scored (DTI) |',
    '|---|---|---|---|---|---|',
    ...[...DTI_DECISIONS, ...DBI_DECISIONS].flatMap(row),
  ];
  return `${BEGIN}\n${lines.join('\n')}\n${END}`;
}

/** docs/methodology.md with its generated section replaced. */
export function methodologyWithTable(text: string): string {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/methodology.md lacks the markers ${BEGIN} … ${END}`);
  return text.slice(0, a) + decisionsTable() + text.slice(b + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(METHODOLOGY_PATH, methodologyWithTable(readFileSync(METHODOLOGY_PATH, 'utf8')));
  console.log(`wrote the decisions table in ${METHODOLOGY_PATH}`);
}
