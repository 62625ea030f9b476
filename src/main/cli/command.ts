/** One `flagdeck <name>` subcommand. `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/**
 * A subcommand as the top-level help lists it. Its module is loaded only when it runs, so a command
 * pays for nothing it does not use (`inspect` never loads sharp or the web server).
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Thrown for a bad command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
