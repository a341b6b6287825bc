// `npm run bench`: the library benchmarks (bench/run.mjs, which writes docs/benchmarks.md) and then
// the command line end to end (bench/cli.mjs, which appends its table), each in a process of its own;
// both always run, and the exit code is 1 if either missed a target.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const library = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', here('./run.mjs')], { stdio: 'inherit' });
const cli = spawnSync(process.execPath, [here('./cli.mjs')], { stdio: 'inherit' });
process.exitCode = library.status === 0 && cli.status === 0 ? 0 : 1;
