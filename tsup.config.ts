import { build } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * The library's own modules: every source file its two entries reach (`src/index.ts`, and
 * `src/schema.ts` for 'vn-digital-index/schema'). The ES module build keeps them as separate files,
 * so that a user's bundler drops whole modules an app does not import (`"sideEffects": false`). One
 * bundled file cannot do that: its import of decimal.js (a package with module-level side effects)
 * and its module-level statements would keep decimal.js and much of the library in every bundle.
 */
async function libraryModules(): Promise<string[]> {
  const r = await build({
    entryPoints: ['src/index.ts', 'src/schema.ts'], bundle: true, write: false, outdir: 'dist', metafile: true,
    platform: 'neutral', format: 'esm', external: ['zod', 'decimal.js'], logLevel: 'silent',
  });
  return Object.keys(r.metafile.inputs).filter((f) => f.startsWith('src/'));
}

export default defineConfig(async () => [
  {
    // the library as ES modules, one file per source module, with types
    entry: await libraryModules(),
    format: ['esm'],
    bundle: false,
    dts: { entry: { index: 'src/index.ts', schema: 'src/schema.ts' } },
    target: 'node20',
  },
  {
    // the library for require(): one file per entry (CommonJS users do not tree-shake), with types;
    // the two files share no state that matters: checked frameworks are registered process-wide
    entry: { index: 'src/index.ts', schema: 'src/schema.ts' },
    format: ['cjs'],
    dts: true,
    target: 'node20',
  },
  {
    // the `vndi` command
    entry: { cli: 'src/presentation/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    // the bundled CommonJS dependencies (iconv-lite, papaparse …) require Node built-ins: give the
    // ES module a `require`
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __vndiCreateRequire } from 'node:module';\nconst require = __vndiCreateRequire(import.meta.url);" },
  },
]);
