import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogInfo, WorkspaceInfo } from '../../../src/shared/model';
import { folderInfo, logInfo as sampleLog } from '../../support/workspace-snapshots';
import { applyWorkspaceDelta, WorkspaceDelta, workspaceDelta } from '../../../src/shared/workspace-delta';

const logInfo = (file: string, rows = 1): LogInfo => sampleLog(file, rows, 'hf-saver-jsonl');

/** What the server does to a folder's logs between two snapshots (unchanged logs keep their object). */
type Change = { kind: 'add'; file: string } | { kind: 'grow'; at: number } | { kind: 'drop'; at: number };

function changed(logs: LogInfo[], changes: Change[]): LogInfo[] {
  const next = logs.slice();
  for (const change of changes) {
    if (change.kind === 'add' && !next.some((l) => l.file === change.file)) next.push(logInfo(change.file));
    if (change.kind === 'grow' && next.length > 0) {
      const at = change.at % next.length;
      next[at] = logInfo(next[at].file, next[at].rows + 1);
    }
    if (change.kind === 'drop' && next.length > 0) next.splice(change.at % next.length, 1);
  }
  return next;
}

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), file: fc.stringMatching(/^[a-e]{1,3}\.csv$/) }),
  fc.record({ kind: fc.constant('grow' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
);

describe('workspace snapshots sent as deltas', () => {
  it('rebuilds every snapshot of a changing workspace exactly, through the wire (JSON) and back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            folder: fc.constantFrom('a', 'b', 'c'),
            changes: fc.array(changeArb, { maxLength: 4 }),
          }),
          {
            maxLength: 12,
          },
        ),
        (steps) => {
          let sent: WorkspaceInfo | undefined;
          let received: WorkspaceInfo | undefined;
          let server: WorkspaceInfo = { revision: 0, folders: [] };
          for (const [i, step] of steps.entries()) {
            const old = server.folders.find((f) => f.id === step.folder);
            const logs = changed(old?.logs ?? [], step.changes);
            const others = server.folders.filter((f) => f.id !== step.folder);
            // A folder with no logs left is closed.
            const folders = logs.length > 0 ? [...others, folderInfo(step.folder, logs)] : others;
            server = { revision: i + 1, folders };
            const wire = JSON.parse(JSON.stringify(workspaceDelta(sent, server))) as unknown;
            sent = server;
            received = applyWorkspaceDelta(received, WorkspaceDelta.parse(wire));
            expect(received).toEqual(server);
          }
        },
      ),
    );
  });

  it('sends a kept log as a count, and the receiver keeps its own object for it', () => {
    const logs = Array.from({ length: 20_000 }, (_, i) => logInfo(`s${i}/metadata.jsonl`));
    const before: WorkspaceInfo = { revision: 1, folders: [folderInfo('a', logs)] };
    const grown = logs.slice();
    grown[5] = logInfo('s5/metadata.jsonl', 2);
    const after: WorkspaceInfo = {
      revision: 2,
      folders: [folderInfo('a', [...grown, logInfo('s20000/metadata.jsonl')])],
    };
    const delta = workspaceDelta(before, after);
    expect(delta.folders[0].logs).toEqual([5, -1, grown[5], 19_994, after.folders[0].logs[20_000]]);
    expect(JSON.stringify(delta).length).toBeLessThan(1000);
    expect(JSON.stringify(after).length).toBeGreaterThan(2_000_000);

    const received = applyWorkspaceDelta(before, JSON.parse(JSON.stringify(delta)) as WorkspaceDelta);
    expect(received).toEqual(after);
    expect(received?.folders[0].logs[0]).toBe(logs[0]);
    expect(received?.folders[0].logs[19_999]).toBe(logs[19_999]);
  });

  it('is of no use on another base: the receiver must read the whole snapshot', () => {
    const one: WorkspaceInfo = { revision: 1, folders: [folderInfo('a', [logInfo('log.csv')])] };
    const two: WorkspaceInfo = { revision: 2, folders: [folderInfo('a', [logInfo('log.csv', 2)])] };
    const three: WorkspaceInfo = { revision: 3, folders: two.folders };
    const delta = workspaceDelta(two, three);
    expect(applyWorkspaceDelta(one, delta)).toBeUndefined();
    expect(applyWorkspaceDelta(undefined, delta)).toBeUndefined();
    // A delta without a base holds it all.
    expect(applyWorkspaceDelta(one, workspaceDelta(undefined, three))).toEqual(three);
    // Counts past the base's logs (a base of the same revision but other contents) are refused.
    const other: WorkspaceInfo = { revision: 2, folders: [folderInfo('a', [])] };
    expect(applyWorkspaceDelta(other, delta)).toBeUndefined();
  });
});
