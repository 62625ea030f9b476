// The workspace calls a folder read-only exactly when the review journal stays out of it.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateReview } from '../../../src/main/review/location';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';

const open: Workspace[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
});

function folder(mode: number): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-ro-'));
  writeFileSync(join(root, 'log.csv'), 'text,flag,username,timestamp\r\nhi,,,2024-01-01 10:00:00\r\n');
  chmodSync(root, mode);
  return root;
}

describe('read-only folders', () => {
  it.each([
    [0o555, true],
    [0o755, false],
  ])('mode %s: read-only %s in the folder info and in where the journal goes', async (mode, readOnly) => {
    const root = folder(mode);
    try {
      const ws = createWorkspace({ emit: () => {}, follow: false });
      open.push(ws);
      await ws.open([root]);
      expect(ws.info().folders[0].readOnly).toBe(readOnly);
      const data = mkdtempSync(join(tmpdir(), 'flagdeck-data-'));
      expect((await locateReview(root, { dataDir: data })).inFolder).toBe(!readOnly);
    } finally {
      chmodSync(root, 0o755);
    }
  });
});
