/**
 * zod compiles its object checks with `new Function` unless told not to, and decides when each
 * schema is built: this module, imported first by the page's script, says so before the framework
 * schemas are built, so that the page's policy (no eval) is never tested, let alone broken.
 *
 * @internal
 */
import { config } from 'zod';

config({ jitless: true });

/** Imported (and read) by client.ts, so that a bundler keeps this module and evaluates it first. */
export const ZOD_JITLESS = true;
