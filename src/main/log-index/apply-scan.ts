// Appends a ScanResult (from this thread or a worker) to a LogIndex, turning its per-job raw role
// values into the workspace's shared codes.
import type { Interner } from './intern';
import type { LogIndex } from './log-index';
import type { ScanResult } from '../scan/scan-job';
import { roleText } from '../scan/role-text';
import { strayQuoteIssue, tooLargeIssue, unclosedQuoteIssue } from '../scan/record-issues';

/** Problems kept per log (a broken writer can flaw every row). */
export const MAX_ERRORS = 1000;

/** Interned values shared by every log of a workspace. */
export interface SharedInterners {
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

/** Each of `values[from, to)` (a scan's own code, -1 for none) as its shared code. */
function recode(values: Int32Array, from: number, to: number, codes: Int32Array): void {
  // A log's first range meets its values in the order the interners then number them: no change.
  let same = true;
  for (let local = 0; local < codes.length - 1 && same; local++) same = codes[local + 1] === local;
  if (same) return;
  for (let i = from; i < to; i++) values[i] = codes[values[i] + 1];
}

/**
 * `lineOffset` is added to the result's lines (a worker that started mid-file counted from 0).
 * `how`: `append` copies the rows in; `adopt` takes the result's arrays as the log's (the result
 * holds every row of the log from its data start); `inPlace`: the rows already sit in the log's
 * arrays just past its last row (a scan filled shared columns), only their codes and lines change.
 */
export function applyScan(
  log: LogIndex,
  result: ScanResult,
  interners: SharedInterners,
  lineOffset = 0,
  how: 'append' | 'adopt' | 'inPlace' = 'append',
): void {
  const decode = (raw: string): string | null => roleText(raw, log.shape.dialect);
  const reasons = remap(result.reasonRaws, interners.reasons, decode);
  const usernames = remap(result.usernameRaws, interners.usernames, decode);
  if (how === 'adopt') {
    recode(result.reasons, 0, result.count, reasons);
    recode(result.usernames, 0, result.count, usernames);
    log.adopt(result.count, result);
  } else if (how === 'inPlace') {
    const at = log.count;
    const lines = log.lines;
    if (lineOffset !== 0) for (let i = at; i < at + result.count; i++) lines[i] += lineOffset;
    recode(log.reasons, at, at + result.count, reasons);
    recode(log.usernames, at, at + result.count, usernames);
    log.count = at + result.count;
  } else {
    log.append(
      result.count,
      result,
      lineOffset,
      (i) => reasons[result.reasons[i] + 1],
      (i) => usernames[result.usernames[i] + 1],
    );
  }
  const quoteIssues = result.quoteIssues;
  for (let i = 0; i < quoteIssues.length && log.errors.length < MAX_ERRORS; i += 3) {
    const line = quoteIssues[i] + lineOffset;
    log.errors.push(
      quoteIssues[i + 2] === 0
        ? unclosedQuoteIssue(line, quoteIssues[i + 1])
        : quoteIssues[i + 2] === 2
          ? tooLargeIssue(line)
          : strayQuoteIssue(line, quoteIssues[i + 1]),
    );
  }
  log.noteLayout(result.layout, how === 'adopt');
  log.indexedEnd = result.end;
  log.scanState = { line: result.state.line + lineOffset };
  if (result.count > 0) log.tailUnterminated = result.tailUnterminated;
}
