// One sample's history, read from its folder's journal: every line written for it, oldest first.
// The journal is append-only and kept whole (snapshots sit beside it), so it holds every change.
// The store knows where each sample's lines start (sample-lines.ts): only those are read.
import { open } from 'node:fs/promises';
import type { HistoryEntry } from '../../shared/api';
import { lineParser, type JournalLine } from './journal-line';
import { readLines } from './journal-reader';

const FIRST_READ_BYTES = 4096;

/**
 * The journal lines of sample `id` (bad lines are skipped: the store already reports them). With
 * `offsets` (where its lines start), only those lines are read; should one of them not be the
 * sample's (the journal was replaced meanwhile), the whole journal is read instead.
 */
export async function sampleHistory(
  journal: string,
  id: string,
  offsets?: readonly number[],
): Promise<HistoryEntry[]> {
  try {
    const lines = offsets ? await linesAt(journal, offsets) : [];
    const own = lines.filter((line): line is JournalLine => line?.sample === id);
    if (offsets && own.length === lines.length) return own.map(entryOf);
    return await scanJournal(journal, id);
  } catch (error) {
    // No journal yet: nothing was ever changed in this folder.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function entryOf(line: JournalLine): HistoryEntry {
  const { edit, at, by, set, was, rowHash, reverts } = line;
  return { edit, at, by, set, was, rowHash, reverts };
}

/** The journal lines starting at `offsets` (undefined where none can be read there). */
async function linesAt(journal: string, offsets: readonly number[]): Promise<(JournalLine | undefined)[]> {
  const parseLine = await lineParser();
  const handle = await open(journal, 'r');
  try {
    const lines: (JournalLine | undefined)[] = [];
    for (const offset of offsets) {
      const text = await lineAt(handle, offset);
      const parsed = text === undefined ? undefined : parseLine(text, journal, 0);
      lines.push(parsed && 'line' in parsed ? parsed.line : undefined);
    }
    return lines;
  } finally {
    await handle.close();
  }
}

/** The text of the line starting at `offset`, or undefined when it does not end with a newline. */
async function lineAt(handle: Awaited<ReturnType<typeof open>>, offset: number): Promise<string | undefined> {
  for (let length = FIRST_READ_BYTES; ; length *= 2) {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (end >= 0) return buffer.toString('utf8', 0, end).replace(/\r$/, '');
    if (bytesRead < length) return undefined;
  }
}

/** Every line of the journal, kept where it is the sample's. */
async function scanJournal(journal: string, id: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  // A cheap test first: most lines are other samples', and JSON.stringify gives the id as written.
  const needle = `"sample":${JSON.stringify(id)}`;
  const parseLine = await lineParser();
  await readLines(journal, 0, 1, (text, lineNo) => {
    if (!text.includes(needle)) return;
    const parsed = parseLine(text, journal, lineNo);
    if ('line' in parsed && parsed.line.sample === id) entries.push(entryOf(parsed.line));
  });
  return entries;
}
