/** Progress on a terminal for long runs: share of the file read, rows so far and rows per second. */

/** A progress meter on stderr; `undefined` when stderr is not a terminal or the file is small. */
export function progressMeter(totalBytes: number, now: () => number = () => performance.now()): ((rows: number, bytes: number, done?: boolean) => void) | undefined {
  if (!process.stderr.isTTY || totalBytes < 1 << 20) return undefined;
  const start = now();
  let last = -Infinity;
  return (rows, bytes, done = false) => {
    const t = now();
    if (!done && t - last < 250) return;
    last = t;
    const pct = Math.min(100, Math.floor((bytes / totalBytes) * 100));
    const filled = Math.round(pct / 4);
    const rate = t > start ? Math.round((rows * 1000) / (t - start)) : 0;
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(25 - filled)}] ${pct}% ${rows.toLocaleString('en')} dòng/rows, ${rate.toLocaleString('en')} dòng/giây (rows/s)`);
    if (done) process.stderr.write('\n');
  };
}
