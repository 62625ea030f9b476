// The HF saver's sample folders (`separate_dirs=True`), made for the follow tests.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `count` sample folders of the HF saver (`<uuid>/metadata.jsonl`, an image beside it), written `ageMs` ago. */
export function sampleFolders(root: string, count: number, ageMs: number, from = 0): string[] {
  const dirs: string[] = [];
  for (let i = from; i < from + count; i++) {
    const dir = join(root, `0f8e2b1c-1111-4222-8333-${String(i).padStart(12, '0')}`);
    mkdirSync(join(dir, 'im', '0a1b2c3d4e5f60718293'), { recursive: true });
    writeFileSync(join(dir, 'im', '0a1b2c3d4e5f60718293', 'bus.png'), 'png');
    writeFileSync(join(dir, 'metadata.jsonl'), '{"text":"a","flag":"","username":"","timestamp":""}');
    const then = new Date(Date.now() - ageMs);
    utimesSync(join(dir, 'metadata.jsonl'), then, then);
    dirs.push(dir);
  }
  return dirs;
}
