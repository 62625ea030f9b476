// A folder that cannot be watched (the system's limit of inotify watches reached, the watcher not
// starting) or holds a log that cannot be read: the folder says so in its info (the UI's chip), and
// it is still followed: appends by the polls, new logs by looking through the folder now and then.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import type { WorkspaceOptions } from '../../../src/main/workspace/options';
import { scannerReader } from '../../../src/main/log-index/scanner-reader';
import { failWatches } from '../../support/failing-watch.mjs';
import { until } from '../../support/until';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

const HEADER = 'text,flag,username,timestamp\n';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-watch-failure-'));
  mkdirSync(join(root, 'image'));
  writeFileSync(join(root, 'dataset1.csv'), `${HEADER}a,,,2024-06-01 10:00:00\n`);
  return root;
}

function open(options: Partial<WorkspaceOptions>) {
  const added: string[] = [];
  const appended: string[] = [];
  const logged: string[] = [];
  const ws: Workspace = createWorkspace({
    emit: (event, payload) => {
      if (event === 'logAdded') added.push((payload as { file: string }).file);
      if (event === 'rowsAppended') appended.push(...(payload as { ids: string[] }).ids);
    },
    log: (message) => logged.push(message),
    pollMs: 50,
    discoverMs: 100,
    ...options,
  });
  cleanup.push(() => ws.dispose());
  return { ws, added, appended, logged };
}

const problemsOf = (ws: Workspace): string[] => ws.info().folders[0].problems;

describe('a followed folder past the limit of inotify watches', () => {
  it('says so once, and still finds appended rows and new logs', async () => {
    const root = folder();
    let refused = 0;
    cleanup.push(failWatches((path) => path.startsWith(root) && ++refused > 0));
    const { ws, added, appended, logged } = open({});
    await ws.open([root]);
    await until(() => problemsOf(ws).length > 0, 'the folder to report its watch');

    // Each directory of the folder was refused: one problem, as the cause is the system's.
    expect(refused).toBeGreaterThanOrEqual(2);
    const problems = problemsOf(ws);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^not watched for changes: the system's limit of file watches is reached/);
    expect(problems[0]).toContain('fs.inotify.max_user_watches');
    expect(problems[0]).toContain('New logs are looked for every 5 s');
    expect(logged).toEqual([`${root}: ${problems[0]}`]);

    await ws.whenIndexed();
    appendFileSync(join(root, 'dataset1.csv'), 'b,wrong,,2024-06-01 10:01:00\n');
    await until(() => appended.includes('dataset1.csv#2'), 'the appended row');
    mkdirSync(join(root, 'later'));
    writeFileSync(join(root, 'later', 'log.csv'), `${HEADER}c,,,2024-06-01 10:02:00\n`);
    await until(() => added.includes('later/log.csv'), 'the new log to be found without the watcher');
    const page = await ws.query({ filter: {}, offset: 0, limit: 10 });
    expect(page.total).toBe(3);
    expect(problemsOf(ws)).toEqual(problems);
  });

  it('looks for new logs no more once the folder is closed', async () => {
    const root = folder();
    cleanup.push(failWatches((path) => path.startsWith(root)));
    const reader = scannerReader();
    let looks = 0;
    const counting = {
      findLogs: (dir: string) => (looks++, reader.findLogs(dir)),
      shapeOf: (dir: string, file: string) => reader.shapeOf(dir, file),
      decodeCell: reader.decodeCell.bind(reader),
    };
    const { ws } = open({ reader: counting });
    const [opened] = (await ws.open([root])).folders;
    await until(() => problemsOf(ws).length > 0, 'the folder to report its watch');
    const before = looks;
    await until(() => looks > before + 1, 'the folder to be looked through');
    await ws.close(opened.id);
    const atClose = looks;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(looks).toBe(atClose);
  });
});

describe('a folder that cannot be watched and takes long to look through', () => {
  it('is looked through less often: its looks at least 20 times their duration apart', async () => {
    const root = folder();
    cleanup.push(failWatches((path) => path.startsWith(root)));
    const reader = scannerReader();
    const looks: number[] = [];
    const slow = {
      findLogs: async (dir: string) => {
        looks.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 40));
        return reader.findLogs(dir);
      },
      shapeOf: (dir: string, file: string) => reader.shapeOf(dir, file),
      decodeCell: reader.decodeCell.bind(reader),
    };
    // Looked for every 100 ms where a look is quick (discoverMs), 800 ms and more apart here.
    const { ws, added } = open({ reader: slow });
    await ws.open([root]);
    await until(() => problemsOf(ws).length > 0, 'the folder to report its watch');
    const from = looks.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const spaced = looks.slice(from);
    expect(spaced.length).toBeGreaterThanOrEqual(1);
    expect(spaced.length).toBeLessThanOrEqual(2);
    for (let i = 1; i < spaced.length; i++) expect(spaced[i] - spaced[i - 1]).toBeGreaterThanOrEqual(800);
    writeFileSync(join(root, 'dataset2.csv'), `${HEADER}f,,,2024-06-01 10:05:00\n`);
    await until(() => added.includes('dataset2.csv'), 'the new log, all the same', 5000);
  });
});

describe('a folder whose watcher does not start', () => {
  it('tells why, and finds new logs all the same', async () => {
    const root = folder();
    const refuse = async (): Promise<never> => {
      throw new Error('watcher refused: no inotify instance left');
    };
    const { ws, added } = open({ watchFolder: refuse });
    await ws.open([root]);
    await until(() => problemsOf(ws).length > 0, 'the folder to report its watch');
    expect(problemsOf(ws)).toEqual([
      'not watched for changes: watcher refused: no inotify instance left. New logs are looked for every 5 s instead (less often where looking takes long); rows appended to its logs are still found by polling.',
    ]);
    writeFileSync(join(root, 'dataset2.csv'), `${HEADER}d,,,2024-06-01 10:03:00\n`);
    await until(() => added.includes('dataset2.csv'), 'the new log');
  });
});

describe('a log that cannot be read', () => {
  it('is named among the folder problems; the folder opens with its other logs', async () => {
    const root = folder();
    writeFileSync(join(root, 'dataset2.csv'), `${HEADER}e,,,2024-06-01 10:04:00\n`);
    const reader = scannerReader();
    const denied = Object.assign(
      new Error(`EACCES: permission denied, open '${join(root, 'dataset2.csv')}'`),
      {
        code: 'EACCES',
      },
    );
    const { ws } = open({
      follow: false,
      reader: {
        findLogs: (dir) => reader.findLogs(dir),
        decodeCell: (raw, column, context) => reader.decodeCell(raw, column, context),
        shapeOf: async (dir, file) => {
          if (file === 'dataset2.csv') throw denied;
          return reader.shapeOf(dir, file);
        },
      },
    });
    const [opened] = (await ws.open([root])).folders;
    expect(opened.logs.map((log) => log.file)).toEqual(['dataset1.csv']);
    expect(opened.problems).toEqual([
      `dataset2.csv cannot be read: EACCES: permission denied, open '${join(root, 'dataset2.csv')}'`,
    ]);
  });

  it('joins the folder once it can be read, and is no longer named among its problems', async () => {
    const root = folder();
    writeFileSync(join(root, 'dataset2.csv'), `${HEADER}e,,,2024-06-01 10:04:00\n`);
    const reader = scannerReader();
    let refused = true;
    const { ws, added } = open({
      reader: {
        findLogs: (dir) => reader.findLogs(dir),
        decodeCell: (raw, column, context) => reader.decodeCell(raw, column, context),
        shapeOf: async (dir, file) => {
          if (file === 'dataset2.csv' && refused)
            throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          return reader.shapeOf(dir, file);
        },
      },
    });
    await ws.open([root]);
    await ws.whenIdle();
    expect(problemsOf(ws)).toEqual(['dataset2.csv cannot be read: EACCES: permission denied']);
    // The reviewer gives the file back its permissions (a change the watcher tells of).
    refused = false;
    appendFileSync(join(root, 'dataset2.csv'), 'f,,,2024-06-01 10:06:00\n');
    await until(() => added.includes('dataset2.csv'), 'the log read at last');
    expect(problemsOf(ws)).toEqual([]);
    const logs = ws.info().folders[0].logs.map((log) => [log.file, log.rows]);
    expect(logs).toEqual([
      ['dataset1.csv', 1],
      ['dataset2.csv', 2],
    ]);
  });
});
