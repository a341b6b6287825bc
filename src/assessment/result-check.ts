/**
 * The checks of results passed back to the library, DTI and DBI (kept in two modules so that a
 * DTI-only bundle leaves the DBI framework data out).
 *
 * @internal
 */
export { checkDtiResult, inspectDtiResult, isDtiResult } from './dti-result-check.js';
export { checkDbiResult, inspectDbiResult, isDbiResult } from './dbi-result-check.js';
