// Preloaded (node --import) into a benchmarked child: writes its peak resident set size (bytes) to
// the file named by VNDI_BENCH_RSS when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.VNDI_BENCH_RSS) writeFileSync(process.env.VNDI_BENCH_RSS, String(process.resourceUsage().maxRSS * 1024));
});
