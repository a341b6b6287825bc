/**
 * decimal.js for the Node ES module build (tsup.config.ts swaps this module in for
 * `decimal-js.ts`): loaded by `require` on the first exact computation of an analysis, so that an
 * app that imports the library only to score or rank does not pay decimal.js's start-up (about a
 * fifth of the import time, issue #12). Node, Deno and Bun all provide `createRequire`; browsers
 * and bundlers never see this file (the package's "module" and "browser" export conditions).
 *
 * The instance is private to the library: no `Decimal` value ever leaves it (results carry numbers
 * and plain decimal strings), so it does not matter that it is the CommonJS build of decimal.js.
 *
 * @internal
 */
import { createRequire } from 'node:module';

import type DecimalJs from 'decimal.js';

let loaded: typeof DecimalJs | undefined;

export function loadDecimalJs(): typeof DecimalJs {
  loaded ??= createRequire(import.meta.url)('decimal.js') as typeof DecimalJs;
  return loaded;
}
