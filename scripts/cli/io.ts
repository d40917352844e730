import { readFile } from 'node:fs/promises';

/**
 * Everything the command line touches outside itself. `run` takes it as a parameter so tests run the
 * whole command in-process with fake files and a fixed date; only `nodeIo` reads the disk and the clock.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file as UTF-8 text; rejects with the system's reason (ENOENT, EISDIR ...). */
  readFile(path: string): Promise<string>;
  /** Today as `YYYY-MM-DD` in local time; asked only when `--as-of` is not given. */
  today(): string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local calendar date: a biller in Honolulu at 8 pm means today there, not tomorrow in UTC. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    today: () => localDate(new Date()),
  };
}

/** "ENOENT: no such file or directory, open 'x.csv'" → "no such file or directory". */
export function fileErrorReason(error: unknown): string {
  if (error instanceof Error) {
    const m = /^[A-Z]+: ([^,]+)/.exec(error.message);
    return m ? m[1]! : error.message;
  }
  return String(error);
}
