import { createInterface } from "node:readline";

/** What a command may touch: its output streams and its input lines, so that tests drive commands in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  lines(): AsyncIterable<string>;
}

export const nodeIo: CliIo = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
};

/** A failure the user can fix: printed as the message alone, with the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
