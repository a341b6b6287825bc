/**
 * Where decimal.js comes from. This module imports it with the library's code, as bundlers and the
 * CommonJS build expect; the Node ES module build swaps in `decimal-js.node.ts`, which loads it on
 * first use (tsup.config.ts).
 *
 * @internal
 */
import DecimalJs from 'decimal.js';

export function loadDecimalJs(): typeof DecimalJs {
  return DecimalJs;
}
