/**
 * The one error the command line shows to an officer: a bilingual sentence and an exit code, never a
 * stack trace. 1 is for invalid input data (a file whose content cannot be scored as given), 2 for
 * usage and I/O problems (a wrong option, a missing or unwritable file).
 */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly exitCode: 1 | 2,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
  }
}

/** An I/O problem (exit 2), with the system's reason appended where it is known. */
export function ioError(vi: string, en: string, cause?: unknown): CliError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why = code ? ` (${code})` : '';
  return new CliError(2, `${vi}${why}`, `${en}${why}`);
}
