// Flag, username and timestamp cells of rows wider or narrower than the header.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { roleCell } from '../../../src/main/gradio/role-cells';
import { logSamples } from '../../../src/main/review/log-samples';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../support/real-world';

const csvLogger = { flag: 5, username: 6, timestamp: 7, width: 8, anchor: 'end' as const };
const dataset = { flag: 2, username: 3, timestamp: 4, width: 5, anchor: 'timestamp-end' as const };

describe('roleCell', () => {
  it('finds the roles under their header names in a row as wide as the header', () => {
    expect(roleCell(csvLogger, 'flag', 8)).toBe(5);
    expect(roleCell(dataset, 'username', 5)).toBe(3);
  });

  it('finds them at the end of a CSVLogger row of another width (components added or removed)', () => {
    expect([roleCell(csvLogger, 'flag', 6), roleCell(csvLogger, 'username', 6)]).toEqual([3, 4]);
    expect(roleCell(csvLogger, 'timestamp', 6)).toBe(5);
    expect(roleCell(csvLogger, 'timestamp', 10)).toBe(9);
    expect(roleCell(csvLogger, 'flag', 2)).toBeUndefined();
  });

  it('moves only the timestamp in a Gradio 5 row that lacks the username cell', () => {
    expect(roleCell(dataset, 'timestamp', 4)).toBe(3);
    expect(roleCell(dataset, 'flag', 4)).toBe(2);
    expect(roleCell(dataset, 'username', 4)).toBeUndefined();
  });

  it('keeps positions for layouts without an anchor (chat, headerless)', () => {
    expect(roleCell({ flag: 2, timestamp: 3 }, 'timestamp', 4)).toBe(3);
    expect(roleCell({ flag: 2, timestamp: 3 }, 'timestamp', 3)).toBeUndefined();
  });
});

describe.skipIf(realWorldMissing)(
  needsRealWorld('a real log whose later rows are narrower than its header (Aditya-0009 flagged)'),
  () => {
    const source = join(REAL_WORLD, 'Aditya-0009__Deepfake-image-detection/flagged');
    const copy = (): string => {
      const root = mkdtempSync(join(tmpdir(), 'flagdeck-roles-'));
      cpSync(source, root, { recursive: true });
      return root;
    };
    const open: Workspace[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((ws) => ws.dispose()));
    });

    it('reads each row’s timestamp from its last cell and offers no timestamp as a flag option', async () => {
      const ws = createWorkspace({ emit: () => {}, follow: false });
      open.push(ws);
      await ws.open([copy()]);
      await ws.whenIndexed();
      const { rows } = await ws.query({ filter: {}, offset: 0, limit: 10 });
      expect(rows.map((r) => r.timestamp)).toEqual([
        '2024-09-11 00:35:03.562813',
        expect.stringMatching(/^2024-\d\d-\d\d \d\d:\d\d:\d\d/),
        expect.stringMatching(/^2024-\d\d-\d\d \d\d:\d\d:\d\d/),
        expect.stringMatching(/^2024-\d\d-\d\d \d\d:\d\d:\d\d/),
      ]);
      expect(rows.map((r) => r.originalReason)).toEqual([null, null, null, null]);
      expect(ws.flagValues(ws.info().folders[0].id)).toEqual([null]);
    });

    it('gives the review CLI the same original reasons', async () => {
      const samples = await logSamples.allSamples(copy());
      expect(samples.map((s) => s.originalReason)).toEqual([null, null, null, null]);
    });
  },
);
