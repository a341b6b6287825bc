/**
 * The presentation helpers of the main entry, as one chunk: the Node build of the main entry loads
 * this file (`dist/presentation.cjs`) the first time one of them is called, not at import, so that
 * importing the package does not parse the report and CSV code (issue #12, start-up time). Bundlers
 * and the CommonJS build take these modules directly.
 *
 * @internal
 */
export { renderReport } from './report/html.js';
export { parseCsv, toCsv } from './io/csv.js';
export { provenanceOf } from './format/provenance.js';
export { toTable, toHtml } from './notebook.js';
export { renderAssessmentPage } from './page/render.js';
