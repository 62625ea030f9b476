// The workspace's index against the reader's own reading of every real-world and fixture folder:
// same logs, same rows (ids, lines, hashes, cells) for each.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderReader } from '../../../src/main/gradio/reader';
import { readLog } from '../../../src/main/gradio/read-log';
import { createWorkspace } from '../../../src/main/workspace/workspace';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../support/real-world';

const MALFORMED = join(__dirname, '../../fixtures/malformed');
const GRADIO = join(__dirname, '../../fixtures/gradio');

/** `<version>/<scenario>` folders the fixture generator wrote. */
function gradioFolders(): string[] {
  if (!existsSync(GRADIO)) return [];
  return readdirSync(GRADIO)
    .filter((version) => /^\d/.test(version) && statSync(join(GRADIO, version)).isDirectory())
    .flatMap((version) =>
      readdirSync(join(GRADIO, version))
        .map((scenario) => join(GRADIO, version, scenario))
        .filter((path) => statSync(path).isDirectory()),
    );
}

function realWorldFolders(): string[] {
  const found: string[] = [];
  if (realWorldMissing) return found;
  const walk = (dir: string, depth: number): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!statSync(path).isDirectory()) continue;
      if (readdirSync(path).some((f) => f.endsWith('.csv'))) found.push(path);
      else if (depth < 3) walk(path, depth + 1);
    }
  };
  walk(REAL_WORLD, 0);
  return found;
}

async function compare(source: string): Promise<void> {
  // A copy with its timestamps: the workspace reads quiet files to their last byte, as readLog does.
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-agree-'));
  cpSync(source, root, { recursive: true, preserveTimestamps: true });
  const reader = new FolderReader();
  const ws = createWorkspace({ emit: () => {}, follow: false, reader });
  try {
    const [folder] = (await ws.open([root])).folders;
    await ws.whenIndexed();
    const logs = ws.info().folders[0].logs;
    expect(logs.map((l) => l.file)).toEqual(await reader.findLogs(root));
    for (const info of logs) {
      const expected = await readLog(reader, root, info.file);
      const page = await ws.query({
        filter: { logs: [`${folder.id}/${info.file}`] },
        offset: 0,
        limit: 1000,
      });
      const mine = page.rows.map((r) => ({
        ordinal: r.ordinal,
        line: r.line,
        rowHash: r.rowHash,
        cells: r.cells,
      }));
      expect(mine, `${source} ${info.file}`).toEqual(expected.rows);
    }
  } finally {
    await ws.dispose();
  }
}

describe.skipIf(realWorldMissing)(needsRealWorld('the index agrees with the reader on real folders'), () => {
  it.each(realWorldFolders())('%s', compare);
});

describe('the index agrees with the reader', () => {
  it.runIf(existsSync(MALFORMED))('on the malformed corpus', () => compare(MALFORMED));
  it.each(gradioFolders())('%s', compare);
});
