/** No stack trace ever reaches an officer: an unexpected failure is one line on stderr, exit 2. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/presentation/io/source.js', () => ({
  openRows: () => {
    const o: { a?: { b: number } } = {};
    return Promise.resolve(o.a!.b); // a TypeError, as a bug would throw
  },
}));

const { main } = await import('../../src/presentation/cli/main.js');

describe('an unexpected error', () => {
  it('prints one line without a stack trace and exits 2', async () => {
    let err = '';
    const w = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
    let code: number;
    try {
      code = await main(['score', 'whatever.csv', '--framework', 'dti-province-2022']);
    } finally {
      process.stderr.write = w;
    }
    expect(code).toBe(2);
    expect(err).toMatch(/^vndi: lỗi không mong đợi \/ unexpected error: Cannot read properties of undefined \(reading 'b'\)\n$/);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
