// Gradio keeps flagging while a reviewer relabels: Gradio's log ends byte-identical to what Gradio
// wrote, and every relabel is in the journal.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SampleIdentity } from '../../../src/main/review/review-store';
import { openReview } from '../../../src/main/review/open-review';
import { runChild } from './support/child';
// @ts-expect-error: a plain ES module shared with the appender process, without type declarations.
import { gradioHeader, gradioRow } from './support/gradio-rows.mjs';
import { tempFolder } from './support/temp-folder';

const ROWS = 4000;
const RELABELS = 300;
const header = gradioHeader() as string;
const row = gradioRow as (i: number) => string;

const rowBytes = Array.from({ length: ROWS }, (_, i) => Buffer.from(row(i + 1)));
const identities: SampleIdentity[] = rowBytes.map((bytes, i) => ({
  id: `log.csv#${i + 1}`,
  rowHash: createHash('sha256')
    .update(bytes.subarray(0, bytes.length - 2))
    .digest('hex'),
  originalReason: null,
}));

/** Follows the log as it grows, checking each new complete row against what the appender writes. */
class LogFollower {
  rows = 0;
  private offset = Buffer.byteLength(header);

  constructor(private readonly log: string) {}

  async read(): Promise<number> {
    const bytes = await readFile(this.log).catch(() => Buffer.alloc(0));
    while (this.rows < ROWS && this.offset + rowBytes[this.rows].length <= bytes.length) {
      const expected = rowBytes[this.rows];
      if (!bytes.subarray(this.offset, this.offset + expected.length).equals(expected)) {
        throw new Error(`log.csv row ${this.rows + 1} differs from what the appender wrote`);
      }
      this.offset += expected.length;
      this.rows += 1;
    }
    return this.rows;
  }
}

describe('relabeling while Gradio appends', () => {
  it(`leaves a log of ${ROWS} rows byte-identical and journals all ${RELABELS} relabels`, async () => {
    const root = await tempFolder();
    const log = join(root, 'log.csv');
    const appender = runChild(join(import.meta.dirname, 'support/gradio-appender.mjs'), [log, String(ROWS)]);
    let appending = true;
    void appender.exited.then(() => (appending = false));
    const store = await openReview(root, { dataDir: join(root, 'data'), reviewer: 'ana' });

    const expected = new Map<string, string>();
    const edits: { editId: string; ids: string[] }[] = [];
    const follower = new LogFollower(log);
    let duringAppend = 0;
    while (edits.length < RELABELS || appending) {
      const available = await follower.read();
      if (available === 0) continue;
      const picked = Array.from(
        { length: 1 + (edits.length % 4) },
        () => identities[Math.floor(Math.random() * available)],
      );
      const reason = `relabel-${edits.length}`;
      const { editId } = await store.edit(picked, { reason }, 'ana');
      edits.push({ editId, ids: picked.map((p) => p.id) });
      for (const p of picked) expected.set(p.id, reason);
      if (appending) duringAppend += 1;
    }
    expect((await appender.exited).code).toBe(0);
    expect(duringAppend).toBeGreaterThan(10);

    const written = await readFile(log);
    const rebuilt = header + Array.from({ length: ROWS }, (_, i) => row(i + 1)).join('');
    expect(written.equals(Buffer.from(rebuilt))).toBe(true);

    const lines = (await readFile(store.location.journal, 'utf8'))
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { edit: string; sample: string });
    for (const edit of edits) {
      const journaled = new Set(lines.filter((l) => l.edit === edit.editId).map((l) => l.sample));
      expect(journaled).toEqual(new Set(edit.ids));
    }
    await store.close();

    const reopened = await openReview(root, { dataDir: join(root, 'data'), reviewer: 'ana' });
    for (const [id, reason] of expected) {
      const identity = identities[Number(id.split('#')[1]) - 1];
      expect(reopened.get(id, identity.rowHash)?.reason).toBe(reason);
    }
    await reopened.close();
  });
});
