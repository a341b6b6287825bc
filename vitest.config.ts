import { defineConfig } from 'vitest/config';

export default defineConfig({
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
