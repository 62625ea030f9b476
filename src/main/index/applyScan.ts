// Appends a ScanResult (from this thread or a worker) to a LogIndex, turning its per-job raw role
// values into the workspace's shared codes.
import type { Interner } from './intern';
import type { LogIndex } from './logIndex';
import type { ScanResult } from './scanJob';
import { roleText } from './roleText';
import { unclosedQuoteIssue } from './recordIssues';

/** Interned values shared by every log of a workspace. */
export interface Dictionaries {
  reasons: Interner;
  usernames: Interner;
}

function remap(raws: string[], interner: Interner, decode: (raw: string) => string | null): Int32Array {
  const codes = new Int32Array(raws.length + 1);
  codes[0] = -1;
  raws.forEach((raw, local) => {
    codes[local + 1] = interner.codeOfRaw(raw, decode);
  });
  return codes;
}

/** `lineOffset` is added to the result's lines (a worker that started mid-file counted from 0). */
export function applyScan(
  log: LogIndex,
  result: ScanResult,
  dictionaries: Dictionaries,
  lineOffset = 0,
): void {
  const decode = (raw: string): string | null => roleText(raw, log.shape.dialect);
  const reasons = remap(result.reasonRaws, dictionaries.reasons, decode);
  const usernames = remap(result.usernameRaws, dictionaries.usernames, decode);
  for (let i = 0; i < result.count; i++) {
    log.push(
      result.starts[i],
      result.lengths[i],
      result.lines[i] + lineOffset,
      reasons[result.reasons[i] + 1],
      usernames[result.usernames[i] + 1],
      result.timestamps[i],
    );
  }
  const lost = result.unclosedLines;
  for (let i = 0; i < lost.length; i += 2)
    log.errors.push(unclosedQuoteIssue(lost[i] + lineOffset, lost[i + 1]));
  log.indexedEnd = result.end;
  log.scanState = { line: result.state.line + lineOffset };
  if (result.count > 0) log.tailUnterminated = result.tailUnterminated;
}
