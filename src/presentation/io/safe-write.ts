/**
 * Writing an output file safely. The text goes to a temporary file created exclusively (`wx`, a
 * random name: never a file an attacker placed or linked beforehand) in the target's folder, and is
 * renamed over the target only when complete, so that a reader never sees a partial file. The
 * output may not be one of the inputs (compared by real path and by device and inode, so links are
 * seen through), the target must be a regular file if it exists, and a replaced file keeps its
 * permission bits. Every failure removes the temporary file and is one line with exit code 2.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, ioError } from './cli-error.js';

/** Where output goes: standard output, or a file written atomically. */
export interface OutputSink {
  /** The file written, or undefined for standard output. */
  readonly path: string | undefined;
  write(data: string | Uint8Array): void;
  /** Finishes the output (renames the temporary file onto the target). */
  commit(): void;
  /** Abandons the output (removes the temporary file); safe to call more than once. */
  abort(): void;
  /** Resolves when the output can take more (standard output to a slow pipe); bounded memory when streaming. */
  drain(): Promise<void>;
}

const pending = new Set<string>();
let hooked = false;

/** Removes every temporary file not yet renamed (on exit, and on Ctrl-C through the CLI's signal handler). */
export function removeTemporaryFiles(): void {
  for (const t of pending) {
    try {
      unlinkSync(t);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** The signals a process can catch that end it, and the exit code of each (128 + its number). */
export const CAUGHT_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 } as const;

/**
 * Removes the temporary files and exits with 128 + the signal's number on every signal that ends
 * the process and can be caught (SIGHUP: the terminal closed; SIGINT: Ctrl-C; SIGQUIT: Ctrl-\;
 * SIGTERM). SIGKILL cannot be caught: a file it leaves has a name no reader takes for the output.
 */
export function removeTemporaryFilesOnSignals(): void {
  for (const [signal, code] of Object.entries(CAUGHT_SIGNALS)) {
    try {
      process.once(signal, () => {
        removeTemporaryFiles();
        process.exit(code);
      });
    } catch {
      // a signal this platform does not have (SIGQUIT on Windows)
    }
  }
}

function removeOnExit(tmp: string): void {
  pending.add(tmp);
  if (hooked) return;
  hooked = true;
  process.on('exit', removeTemporaryFiles);
}

function statOrUndefined(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError(`không kiểm tra được ${path}`, `cannot check ${path}`, e);
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Refuses an output that is one of the inputs: the same real path, or the same device and inode
 * (a hard link or a symbolic link to an input).
 */
export function assertNotAnInput(out: string, inputs: readonly string[], option = '--out', outputs: readonly string[] = []): void {
  const target = statOrUndefined(out, true);
  const real = realOrResolved(out);
  const same = (other: string) => {
    const s = statOrUndefined(other, true);
    return realOrResolved(other) === real || (target !== undefined && s !== undefined && s.dev === target.dev && s.ino === target.ino);
  };
  for (const input of inputs) {
    if (same(input)) {
      throw new CliError(2, `${option} ${out} là tệp đầu vào ${input}: không ghi đè dữ liệu gốc; hãy chọn tên khác`, `${option} ${out} is the input file ${input}: refusing to overwrite the original data; choose another name`);
    }
  }
  // `--errors` naming the `--out` file: not "the input file", which it is not
  for (const other of outputs) {
    if (same(other)) {
      throw new CliError(2, `${option} ${out} cũng là tệp --out ${other}: hai kết quả không ghi chung một tệp; hãy chọn tên khác`, `${option} ${out} is also the --out file ${other}: two outputs cannot share one file; choose another name`);
    }
  }
}

/** Standard output as a sink. */
export function stdoutSink(): OutputSink {
  return {
    path: undefined,
    write: (data) => {
      process.stdout.write(data);
    },
    commit: () => {},
    abort: () => {},
    drain: () => (process.stdout.writableNeedDrain ? new Promise((r) => process.stdout.once('drain', () => r())) : Promise.resolve()),
  };
}

/**
 * Opens an output: standard output when `out` is undefined, else a temporary file beside `out`.
 *
 * @throws {@link CliError} (exit 2) when the folder is missing, the target is not a regular file,
 *   the target is an input, or the temporary file cannot be created.
 */
export function openOutput(out: string | undefined, inputs: readonly string[] = [], option = '--out', outputs: readonly string[] = []): OutputSink {
  if (out === undefined) return stdoutSink();
  assertNotAnInput(out, inputs, option, outputs);
  const dir = dirname(resolve(out));
  const folder = statOrUndefined(dir, true);
  if (!folder) throw new CliError(2, `không có thư mục ${dirname(out)} để ghi ${out}`, `the folder ${dirname(out)} of ${out} does not exist`);
  if (!folder.isDirectory()) throw new CliError(2, `${dirname(out)} không phải là thư mục`, `${dirname(out)} is not a folder`);
  const existing = statOrUndefined(out, false);
  if (existing && !existing.isFile()) {
    const what = existing.isDirectory() ? { vi: 'một thư mục', en: 'a folder' } : existing.isSymbolicLink() ? { vi: 'một liên kết', en: 'a link' } : { vi: 'không phải tệp thường', en: 'not a regular file' };
    throw new CliError(2, `${out} là ${what.vi}: không ghi vào đó`, `${out} is ${what.en}: refusing to write there`);
  }
  const mode = existing ? existing.mode & 0o7777 : undefined;
  const tmp = join(dir, `.${basename(out)}.${randomBytes(12).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    removeOnExit(tmp);
    // keep the replaced file's mode exactly (the umask applied at creation)
    if (mode !== undefined) fchmodSync(fd, mode);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    throw ioError(`không tạo được tệp tạm trong ${dirname(out)}`, `cannot create a temporary file in ${dirname(out)}`, e);
  }
  let done = false;
  const cleanup = () => {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // closing a failed descriptor
      }
      fd = undefined;
    }
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or removed
    }
    pending.delete(tmp);
  };
  return {
    path: out,
    write(data) {
      if (done || fd === undefined) throw new Error('write after commit');
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      try {
        for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
      } catch (e) {
        cleanup();
        done = true;
        throw ioError(`không ghi được ${out}`, `cannot write ${out}`, e);
      }
    },
    commit() {
      if (done) return;
      done = true;
      try {
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        renameSync(tmp, out);
        pending.delete(tmp);
      } catch (e) {
        cleanup();
        throw ioError(`không ghi được ${out}`, `cannot write ${out}`, e);
      }
    },
    abort() {
      if (done && fd === undefined && !pending.has(tmp)) return;
      done = true;
      cleanup();
    },
    drain: () => Promise.resolve(),
  };
}
