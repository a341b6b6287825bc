import { build } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * The library's own modules: every source file `src/index.ts` reaches. The ES module build keeps
 * them as separate files (not one bundle) so that a user's bundler drops whole modules the user
 * does not import (`"sideEffects": false`); in a single file, module-level statements such as the
 * zod schemas would keep zod and every framework in every bundle.
 */
async function libraryModules(): Promise<string[]> {
  const r = await build({
    entryPoints: ['src/index.ts'], bundle: true, write: false, metafile: true, platform: 'neutral', format: 'esm',
    external: ['zod', 'decimal.js'], logLevel: 'silent',
  });
  return Object.keys(r.metafile.inputs).filter((f) => f.startsWith('src/'));
}

export default defineConfig(async () => [
  {
    // the library as ES modules, one file per source module, with types
    entry: await libraryModules(),
    format: ['esm'],
    bundle: false,
    dts: { entry: { index: 'src/index.ts' } },
    target: 'node20',
  },
  {
    // the library for require(): one file (CommonJS users do not tree-shake), with types
    entry: { index: 'src/index.ts' },
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
