import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // the README's and guides' code blocks import the package by name (test/docs/code-blocks.test.ts)
  resolve: {
    alias: [
      { find: /^vn-digital-index$/, replacement: here('./src/index.ts') },
      { find: /^vn-digital-index\/schema$/, replacement: here('./src/schema.ts') },
      { find: /^vn-digital-index\/fixtures\/(.*)$/, replacement: `${here('./fixtures/')}$1` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // one folder per run for the packed package and its consumer projects (test/trust/packed.ts)
    globalSetup: ['test/trust/pack-setup.ts'],
    testTimeout: 30_000,
    // type tests (test/types/*.test-d.ts): `expectTypeOf` and `@ts-expect-error` lines checked by tsc
    typecheck: {
      enabled: true,
      include: ['test/types/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 90 },
    },
  },
});
