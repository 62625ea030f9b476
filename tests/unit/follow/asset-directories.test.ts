// Which directories hold Gradio's copies of flagged files, told from their first entries.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetDirectories } from '../../../src/main/follow/asset-directories';

function folder(layout: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-asset-dirs-'));
  for (const [dir, entries] of Object.entries(layout)) {
    mkdirSync(join(root, dir), { recursive: true });
    for (const entry of entries)
      if (entry.endsWith('/')) mkdirSync(join(root, dir, entry), { recursive: true });
      else writeFileSync(join(root, dir, entry), 'x');
  }
  return root;
}

describe('AssetDirectories', () => {
  const root = folder({
    image: ['0a1b2c3d4e5f60718293/', 'ffeeddccbbaa99887766/', '.DS_Store'],
    'Upload Voice Sample': ['0123456789abcdef0123456789abcdef01234567/'],
    input_image: ['tmp869r3vjy.jpg', 'tmpab12cd_3.png'],
    flagged: ['log.csv', 'image/'],
    mixed: ['dataset1.csv', '0a1b2c3d4e5f60718293/'],
    notes: ['readme.txt', 'plan.md'],
    // One hash-named directory beside other things: not a label directory.
    project: ['0a1b2c3d4e5f60718293/', 'README.md', 'src/'],
    empty: [],
  });
  const copies = new AssetDirectories(() => undefined);

  it('tells a label directory by its hash directories (3.35 on) or 3.x temp files', () => {
    expect(copies.holdsCopies(join(root, 'image'))).toBe(true);
    expect(copies.holdsCopies(join(root, 'Upload Voice Sample'))).toBe(true);
    expect(copies.holdsCopies(join(root, 'input_image'))).toBe(true);
  });

  it('never takes a directory with a log, or anything but copies, for one', () => {
    expect(copies.holdsCopies(join(root, 'flagged'))).toBe(false);
    expect(copies.holdsCopies(join(root, 'mixed'))).toBe(false);
    expect(copies.holdsCopies(join(root, 'notes'))).toBe(false);
    expect(copies.holdsCopies(join(root, 'project'))).toBe(false);
    expect(copies.holdsCopies(join(root, 'empty'))).toBe(false);
    expect(copies.holdsCopies(join(root, 'gone'))).toBe(false);
  });

  it('reports a directory judged without copies once its first copy is seen, once', () => {
    const learned: string[] = [];
    const live = new AssetDirectories((dir) => learned.push(dir));
    const label = join(root, 'empty');
    expect(live.holdsCopies(label)).toBe(false);
    live.copySeen(join(label, '00112233445566778899'));
    live.copySeen(join(label, 'aabbccddeeff00112233'));
    expect(learned).toEqual([label]);
    expect(live.judgedCopies(label)).toBe(true);
    // A copy seen in a directory never judged: nothing to drop.
    live.copySeen(join(root, 'notes', '00112233445566778899'));
    expect(learned).toEqual([label]);
  });
});
