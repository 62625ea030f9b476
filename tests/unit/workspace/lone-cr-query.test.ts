// A lone-CR log (classic Mac line ends) through the workspace's queries: its rows page, sort on a
// free-text column and match a search like any other log's, with no CR left in a cell.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';

let ws: Workspace | undefined;
afterEach(async () => ws?.dispose());

describe('a lone-CR log in the workspace', () => {
  it('pages, sorts on a text column and searches', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-cr-'));
    const records = [
      'text,flag,username,timestamp',
      'pear,,,2024-05-01 10:00:00',
      '"apple\rtwo lines",wrong,ann,2024-05-01 10:00:01',
      'cherry,,,2024-05-01 10:00:02',
    ];
    writeFileSync(join(root, 'log.csv'), records.join('\r') + '\r');
    ws = createWorkspace({ emit: () => {}, follow: false });
    await ws.open([root]);
    await ws.whenIndexed();
    const texts = async (input: object) =>
      (await ws!.query({ filter: {}, offset: 0, limit: 10, ...input })).rows.map((r) => r.cells[0].text);
    expect(await texts({})).toEqual(['pear', 'apple\rtwo lines', 'cherry']);
    expect(await texts({ sort: { by: 'text', dir: 'asc' } })).toEqual(['apple\rtwo lines', 'cherry', 'pear']);
    expect(await texts({ sort: { by: 'text', dir: 'desc' } })).toEqual([
      'pear',
      'cherry',
      'apple\rtwo lines',
    ]);
    expect(await texts({ filter: { text: 'cherry' } })).toEqual(['cherry']);
  });
});
