// One line of the review journal (`journal.jsonl`): one change to one sample, as JSON on one line.
// Its schema (journal-line-schema.ts) is loaded when lines are read, not with this module.
import type { JournalLine, ParsedLine } from './journal-line-schema';

export type { FieldChanges, JournalLine, ParsedLine } from './journal-line-schema';

/** Parses one line of `file` (1-based `lineNo`); bad lines get a message saying what and where. */
export type LineParser = (text: string, file: string, lineNo: number) => ParsedLine;

/** Serializes a line, newline included. */
export function formatLine(line: JournalLine): string {
  return `${JSON.stringify(line)}\n`;
}

let parser: Promise<LineParser> | undefined;

/** The line parser, its schema loaded on first use. */
export function lineParser(): Promise<LineParser> {
  parser ??= import('./journal-line-schema').then((schema) => schema.parseLine);
  return parser;
}
