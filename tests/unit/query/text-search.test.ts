// Full-text search finds text however Gradio stored it: plain UTF-8 in text cells, `\uXXXX`
// escapes inside JSON cells (Python's json.dumps default).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { byteNeedles } from '../../../src/main/query/text-search';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../support/real-world';

const open: Workspace[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
});

async function matches(root: string, text: string): Promise<string[]> {
  const ws = createWorkspace({ emit: () => {}, follow: false });
  open.push(ws);
  await ws.open([root]);
  await ws.whenIndexed();
  return (await ws.query({ filter: { text }, offset: 0, limit: 100 })).rows.map((r) => r.id);
}

describe('text search', () => {
  it('spells an ASCII needle once, a non-ASCII one in both cases, plain and JSON-escaped', () => {
    expect(byteNeedles('Cat')).toEqual(['cat']);
    // The file's ASCII letters are folded, nothing else: the needle's bytes are folded alike.
    const latin1 = (text: string) =>
      Buffer.from(text)
        .toString('latin1')
        .replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
    expect(new Set(byteNeedles('Gerçek'))).toEqual(
      new Set([latin1('gerçek'), 'ger\\u00e7ek', latin1('GERÇEK'), 'ger\\u00c7ek']),
    );
  });

  it.skipIf(realWorldMissing)(
    needsRealWorld('finds Turkish words stored escaped inside JSON label cells (10urok10 DeepfakeBench)'),
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'flagdeck-search-'));
      cpSync(join(REAL_WORLD, '10urok10__DeepfakeBench/flagged'), root, { recursive: true });
      expect(await matches(root, 'Gerçek')).toEqual(['log.csv#1', 'log.csv#2']);
      expect(await matches(root, 'sürükleyin')).toEqual(['log.csv#1', 'log.csv#2']);
    },
  );

  it('finds non-ASCII text stored as plain UTF-8 whatever the case typed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-search-'));
    const rows = ['Şapka rengi,2024-01-01 10:00:00', 'plain CAT,2024-01-01 10:00:01'];
    writeFileSync(join(root, 'dataset1.csv'), `text,timestamp\r\n${rows.join('\r\n')}\r\n`);
    expect(await matches(root, 'Şapka')).toEqual(['dataset1.csv#1']);
    expect(await matches(root, 'şapka')).toEqual(['dataset1.csv#1']);
    expect(await matches(root, 'ŞAPKA RENGI')).toEqual(['dataset1.csv#1']);
    expect(await matches(root, 'cat')).toEqual(['dataset1.csv#2']);
  });
});
