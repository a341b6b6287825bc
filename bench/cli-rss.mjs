// Preloaded (node --import) into a benchmarked child: writes its peak resident set size (bytes) and
// its CPU time (ms, user + system) to the file named by VNDI_BENCH_RSS when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.VNDI_BENCH_RSS) writeFileSync(process.env.VNDI_BENCH_RSS, JSON.stringify({ rss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
