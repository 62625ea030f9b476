import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { until } from '../../support/until';

const HEADER = 'text,flag,username,timestamp\r\n';
const row = (n: number) => `row ${n},,,2024-06-01 10:00:0${n % 10}\r\n`;

let ws: Workspace | undefined;
let root = '';
afterEach(async () => {
  await ws?.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('the logs of a workspace snapshot', () => {
  it('are the same objects from one snapshot to the next while unchanged (the hosts send them as kept)', async () => {
    root = mkdtempSync(join(tmpdir(), 'flagdeck-log-info-'));
    writeFileSync(join(root, 'a.csv'), HEADER + row(1));
    writeFileSync(join(root, 'b.csv'), HEADER + row(1) + row(2));
    ws = createWorkspace({
      emit: () => undefined,
      timing: { recheckMs: 40, finalQuietMs: 500 },
      pollMs: 200,
    });
    await ws.open([root]);
    await ws.whenIndexed();
    const logsOf = () => (ws as Workspace).info().folders[0].logs;
    const before = logsOf();
    expect(logsOf()).toEqual(before);
    expect(logsOf().every((log, i) => log === before[i])).toBe(true);

    appendFileSync(join(root, 'b.csv'), row(3));
    await until(() => logsOf().find((log) => log.file === 'b.csv')?.rows === 3, 'b.csv with 3 rows');
    const after = logsOf();
    const [a, b] = ['a.csv', 'b.csv'].map((file) => after.find((log) => log.file === file));
    expect(a).toBe(before.find((log) => log.file === 'a.csv'));
    expect(b).not.toBe(before.find((log) => log.file === 'b.csv'));
    expect(b).toMatchObject({ rows: 3, bytesIndexed: b?.bytesTotal });
  });
});
