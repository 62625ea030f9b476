// A read-only flagging folder keeps its replay runs in the data folder: `flagdeck serve` still
// shows a run's output files (the media route maps `.flagdeck/replays/<run>/files/…` to the run
// wherever it lives), and nothing else of the data folder.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../src/main/replay/run-store';
import { locateReview } from '../../src/main/review/location';
import { flaggingFolder, raw, serve, tempDir } from './support';

describe('replay output files over /media', () => {
  it("serves a read-only folder's run files from the data folder, and nothing else there", async () => {
    const base = await tempDir();
    const dataDir = await tempDir('flagdeck-sec-data-');
    const folder = await flaggingFolder(base, 'flagged');
    await chmod(folder, 0o555);
    try {
      const location = await locateReview(folder, { dataDir });
      expect(location.inFolder).toBe(false);
      const run = '20260101T000000Z-abcdef';
      const store = await RunStore.create(location.dir, {
        run,
        folder,
        app: 'http://127.0.0.1:1',
        endpoint: '/predict',
        gradioVersion: null,
        mapping: { inputs: {}, outputs: {} },
        samples: ['log.csv#1'],
        concurrency: 1,
        startedAt: new Date().toISOString(),
        endedAt: null,
        state: 'finished',
      });
      const filesDir = await store.filesDirFor('log.csv#1');
      await writeFile(join(filesDir, '0-0.txt'), 'replayed output');
      await store.append({
        id: 'log.csv#1',
        rowHash: 'h',
        outcome: 'changed',
        outputs: [
          {
            label: 'out',
            column: 'text',
            component: 'File',
            value: { files: ['files/log.csv_1/0-0.txt'] },
            files: ['files/log.csv_1/0-0.txt'],
            same: false,
            rule: 'same bytes',
          },
        ],
        durationMs: 1,
        at: new Date().toISOString(),
      });
      await writeFile(join(location.dir, 'journal.jsonl'), 'private journal');
      await mkdir(join(dataDir, 'elsewhere'), { recursive: true });
      await writeFile(join(dataDir, 'elsewhere', 'secret.txt'), 'data folder secret 4242');

      const served = await serve([folder], { dataDir });
      const info = (await served.call('workspace.info', {})).body.value as { folders: { id: string }[] };
      const id = info.folders[0].id;
      const answer = await served.call('replay.result', { folderId: id, run, id: 'log.csv#1' });
      const { filesBase, result } = answer.body.value as {
        filesBase: string;
        result: { outputs: { files: string[] }[] };
      };
      const headers = { host: served.host, authorization: `Bearer ${served.token}` };
      const get = (path: string) => raw(served.web.port, { path: `/media/${id}/${path}`, headers });

      const file = await get(`${filesBase}/${result.outputs[0].files[0]}`);
      expect(file.status).toBe(200);
      expect(file.body).toBe('replayed output');

      for (const path of [
        `.flagdeck/replays/${run}/run.json`,
        `.flagdeck/replays/${run}/results.jsonl`,
        '.flagdeck/journal.jsonl',
        `.flagdeck/replays/${run}/files/../run.json`,
        `.flagdeck/replays/${run}/files/..%2F..%2F..%2Fjournal.jsonl`,
        `.flagdeck/replays/..%2F..%2Felsewhere/files/secret.txt`,
        `.flagdeck/replays/nope/files/log.csv_1/0-0.txt`,
      ]) {
        const reply = await get(path);
        expect([403, 404], path).toContain(reply.status);
        expect(reply.body, path).not.toMatch(/private journal|secret 4242|"endpoint"/);
      }
    } finally {
      await chmod(folder, 0o755);
    }
  });
});
