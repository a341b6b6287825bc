/**
 * The page's script is generated, never hand-copied: generated-runtime.ts is what
 * scripts/page-runtime.ts bundles from the current sources (client.ts with the library's scorer,
 * planner and framework check), and the page's Content-Security-Policy hashes are those of the
 * script and style it carries.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNTIME_PATH, pageRuntimeModule } from '../../scripts/page-runtime.js';
import { PAGE_SCRIPT, PAGE_SCRIPT_SHA256, PAGE_STYLE, PAGE_STYLE_SHA256 } from '../../src/presentation/page/generated-runtime.js';
import { PAGE_CSS } from '../../src/presentation/page/style.js';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

describe('the generated page runtime', () => {
  it('is what scripts/page-runtime.ts generates from the current sources (run `npm run page-runtime`)', async () => {
    expect(readFileSync(RUNTIME_PATH, 'utf8')).toBe(await pageRuntimeModule());
  }, 60_000);

  it('carries the hashes of its script and style, and the style sheet of style.ts', () => {
    expect(PAGE_SCRIPT_SHA256).toBe(sha256(PAGE_SCRIPT));
    expect(PAGE_STYLE_SHA256).toBe(sha256(PAGE_STYLE));
    expect(PAGE_STYLE).toBe(PAGE_CSS);
  });

  it('is one classic script that cannot end the inline element and loads nothing', () => {
    expect(PAGE_SCRIPT).not.toMatch(/<\/script|<!--/i);
    // no module syntax (a module script would not run from file://), no fetch, no dynamic code
    expect(PAGE_SCRIPT).not.toMatch(/\bimport\s*\(|\bfetch\(|XMLHttpRequest|\beval\(|importScripts/);
    expect(PAGE_STYLE).not.toMatch(/url\(|@import|@font-face/i);
  });
});
