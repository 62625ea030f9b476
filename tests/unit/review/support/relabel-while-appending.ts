// Gradio keeps flagging while a reviewer relabels: Gradio's log must end byte-identical to what
// Gradio wrote, and every relabel must be in the journal. Shared by the unit suite (a few thousand
// rows) and the long suite (100,000).
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SampleIdentity } from '../../../../src/main/review/review-store';
import { openReview } from '../../../../src/main/review/open-review';
import { runChild } from './child';
// @ts-expect-error: a plain ES module shared with the appender process, without type declarations.
import { gradioHeader, gradioRow } from './gradio-rows.mjs';
import { tempFolder } from './temp-folder';

const header = gradioHeader() as string;
const row = gradioRow as (i: number) => string;

/** Follows the log as it grows (reading only the new bytes), checking each row against what the appender writes. */
class LogFollower {
  rows = 0;
  private offset = Buffer.byteLength(header);
  private pending = Buffer.alloc(0);

  constructor(
    private readonly log: string,
    private readonly rowBytes: Buffer[],
  ) {}

  async read(): Promise<number> {
    const fresh = await this.readNew();
    const bytes = Buffer.concat([this.pending, fresh]);
    let at = 0;
    while (this.rows < this.rowBytes.length && at + this.rowBytes[this.rows].length <= bytes.length) {
      const expected = this.rowBytes[this.rows];
      if (!bytes.subarray(at, at + expected.length).equals(expected)) {
        throw new Error(`log.csv row ${this.rows + 1} differs from what the appender wrote`);
      }
      at += expected.length;
      this.rows += 1;
    }
    this.pending = Buffer.from(bytes.subarray(at));
    return this.rows;
  }

  private async readNew(): Promise<Buffer> {
    const handle = await open(this.log, 'r').catch(() => null);
    if (!handle) return Buffer.alloc(0);
    try {
      const { size } = await handle.stat();
      const start = this.offset;
      if (size <= start) return Buffer.alloc(0);
      const buffer = Buffer.alloc(size - start);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
      this.offset += bytesRead;
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
}

/**
 * Runs a Gradio-like appender writing `rows` rows while relabeling (at least `relabels` edits, and
 * on until the appender is done); checks the log byte for byte and the journal edit for edit.
 */
export async function relabelWhileAppending(rows: number, relabels: number): Promise<{ edits: number }> {
  const rowBytes = Array.from({ length: rows }, (_, i) => Buffer.from(row(i + 1)));
  const identities: SampleIdentity[] = rowBytes.map((bytes, i) => ({
    id: `log.csv#${i + 1}`,
    rowHash: createHash('sha256')
      .update(bytes.subarray(0, bytes.length - 2))
      .digest('hex'),
    originalReason: null,
  }));
  const root = await tempFolder();
  const log = join(root, 'log.csv');
  const appender = runChild(join(import.meta.dirname, 'gradio-appender.mjs'), [log, String(rows)]);
  let appending = true;
  void appender.exited.then(() => (appending = false));
  const store = await openReview(root, { dataDir: join(root, 'data'), reviewer: 'ana' });

  const expected = new Map<string, string>();
  const edits: { editId: string; ids: string[] }[] = [];
  const follower = new LogFollower(log, rowBytes);
  let duringAppend = 0;
  while (edits.length < relabels || appending) {
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
  expect(await follower.read()).toBe(rows);

  const written = await readFile(log);
  const rebuilt = Buffer.concat([Buffer.from(header), ...rowBytes]);
  expect(written.equals(rebuilt)).toBe(true);

  const journaled = new Map<string, Set<string>>();
  for (const text of (await readFile(store.location.journal, 'utf8')).split('\n')) {
    if (text === '') continue;
    const line = JSON.parse(text) as { edit: string; sample: string };
    const samples = journaled.get(line.edit) ?? new Set<string>();
    journaled.set(line.edit, samples.add(line.sample));
  }
  for (const edit of edits) expect(journaled.get(edit.editId)).toEqual(new Set(edit.ids));
  await store.close();

  const reopened = await openReview(root, { dataDir: join(root, 'data'), reviewer: 'ana' });
  for (const [id, reason] of expected) {
    const identity = identities[Number(id.split('#')[1]) - 1];
    expect(reopened.get(id, identity.rowHash)?.reason).toBe(reason);
  }
  await reopened.close();
  return { edits: edits.length };
}
