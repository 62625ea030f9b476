// One sample's history, read from its folder's journal: every line written for it, oldest first.
// The journal is append-only and kept whole (snapshots sit beside it), so it holds every change.
import type { HistoryEntry } from '../../shared/api';
import { parseLine } from './journal-line';
import { readLines } from './journal-reader';

/** The journal lines of sample `id` (bad lines are skipped: the store already reports them). */
export async function sampleHistory(journal: string, id: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  // A cheap test first: most lines are other samples', and JSON.stringify gives the id as written.
  const needle = `"sample":${JSON.stringify(id)}`;
  try {
    await readLines(journal, 0, 1, (text, lineNo) => {
      if (!text.includes(needle)) return;
      const parsed = parseLine(text, journal, lineNo);
      if (!('line' in parsed) || parsed.line.sample !== id) return;
      const { edit, at, by, set, was, rowHash, reverts } = parsed.line;
      entries.push({ edit, at, by, set, was, rowHash, reverts });
    });
  } catch (error) {
    // No journal yet: nothing was ever changed in this folder.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries;
}
