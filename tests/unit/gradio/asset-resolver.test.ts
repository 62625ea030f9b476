// Asset paths in every form real folders show, resolved inside the folder and never outside it.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AssetResolver, MEMO_ENTRIES } from '../../../src/main/gradio/asset-resolver';
import { FolderListing } from '../../../src/main/gradio/folder-listing';
import { walkFolder } from '../../../src/main/gradio/folder-walk';

let base: string;
let root: string;
/** The same files without any symlink: a walk of it lets the resolver skip realpath. */
let plainRoot: string;
const files = [
  'img/0a1b2c3d4e5f60718293/bus.png',
  'Upload Image/b8f07ab38793262e7879/SRK SANJU Deepfake.jpg',
  'Doctors Voice/aaaaaaaaaaaaaaaaaaaa/audio.wav',
  'video file/0.mp4',
  'output/tmpq8w7e6r5.json',
];

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'flagdeck-resolve-'));
  root = join(base, 'app', '.gradio', 'flagged');
  plainRoot = join(base, 'plain', 'flagged');
  // More entries than a walked directory is looked through (FEW_ENTRIES): its listing is indexed.
  mkdirSync(plainRoot, { recursive: true });
  for (let i = 0; i < 12; i++) writeFileSync(join(plainRoot, `other-${i}.txt`), 'x');
  for (const folder of [root, plainRoot])
    for (const file of files) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeFileSync(join(folder, file), file);
    }
  writeFileSync(join(base, 'secret.txt'), 'not yours');
  symlinkSync(join(base, 'secret.txt'), join(root, 'img', 'link.png'));
  mkdirSync(join(base, 'elsewhere'));
  writeFileSync(join(base, 'elsewhere', 'x.png'), 'not yours either');
  symlinkSync(join(base, 'elsewhere'), join(root, 'linked-dir'));
  symlinkSync(join(root, 'img'), join(root, 'img-alias'));
});

async function resolveRef(ref: string) {
  return new AssetResolver(root).resolve(ref, root);
}

/** A resolver given a walk of its folder, as `flagdeck inspect` makes it. */
async function preloaded(folder: string): Promise<AssetResolver> {
  const resolver = new AssetResolver(folder);
  resolver.preload(FolderListing.of(folder));
  return resolver;
}

describe('AssetResolver', () => {
  it.each([
    ['folder-relative', 'video file/0.mp4', 'video file/0.mp4'],
    [
      'cwd-relative (grandparent)',
      '.gradio/flagged/img/0a1b2c3d4e5f60718293/bus.png',
      'img/0a1b2c3d4e5f60718293/bus.png',
    ],
    [
      'cwd-relative with backslashes',
      '.gradio\\flagged\\img\\0a1b2c3d4e5f60718293\\bus.png',
      'img/0a1b2c3d4e5f60718293/bus.png',
    ],
    [
      'absolute POSIX of another machine',
      '/home/alice/demo/flagged/output/tmpq8w7e6r5.json',
      'output/tmpq8w7e6r5.json',
    ],
    ['absolute macOS', '/Users/bob/x/flagged/video file/0.mp4', 'video file/0.mp4'],
    [
      'absolute Windows, upper-case drive',
      'C:\\project\\flagged\\img\\0a1b2c3d4e5f60718293\\bus.png',
      'img/0a1b2c3d4e5f60718293/bus.png',
    ],
    [
      'absolute Windows, lower-case drive',
      'e:\\ui\\flagged\\img\\0a1b2c3d4e5f60718293\\bus.png',
      'img/0a1b2c3d4e5f60718293/bus.png',
    ],
    ['moved folder (stale prefix)', '.gradio\\flagged\\video file\\0.mp4', 'video file/0.mp4'],
    [
      'label dir with emoji dropped (leading space)',
      '.gradio\\flagged\\ Upload Image\\b8f07ab38793262e7879\\SRK SANJU Deepfake.jpg',
      'Upload Image/b8f07ab38793262e7879/SRK SANJU Deepfake.jpg',
    ],
    [
      'label dir with apostrophe dropped',
      ".gradio/flagged/Doctor's Voice/aaaaaaaaaaaaaaaaaaaa/audio.wav",
      'Doctors Voice/aaaaaaaaaaaaaaaaaaaa/audio.wav',
    ],
  ])('resolves %s, as read and from a walk of the folder', async (_form, ref, path) => {
    const expected = { status: 'resolved', path, directory: false };
    expect(await resolveRef(ref)).toMatchObject(expected);
    expect(await (await preloaded(root)).resolve(ref, root)).toMatchObject(expected);
    const plain = await (await preloaded(plainRoot)).resolve(ref, plainRoot);
    // Nothing asked of the disk where the walk saw no symlink: no size (a census counts files).
    expect(plain).toEqual({ ...expected, absolute: join(plainRoot, path) });
    const read = await new AssetResolver(plainRoot).resolve(ref, plainRoot);
    expect(read).toEqual({ ...expected, absolute: join(plainRoot, path), size: Buffer.byteLength(path) });
    // For a column's kind: as the listings have it, without a size, in either folder.
    for (const folder of [root, plainRoot])
      expect(await new AssetResolver(folder).forKinds().resolve(ref, folder)).toEqual({
        ...expected,
        absolute: join(folder, path),
      });
  });

  it('tells a directory from a file in a walked folder, as a stat does', async () => {
    const walked = await preloaded(plainRoot);
    const expected = [
      ['img', true],
      ['img/0a1b2c3d4e5f60718293', true],
      ['video file/0.mp4', false],
    ] as const;
    for (const [ref, directory] of expected)
      expect(await walked.resolve(ref, plainRoot)).toMatchObject({ status: 'resolved', directory });
  });

  it('resolves an absolute path into the folder as written', async () => {
    const result = await resolveRef(join(root, 'video file', '0.mp4'));
    expect(result).toMatchObject({ status: 'resolved', path: 'video file/0.mp4' });
  });

  it('reports a stale path into the folder as missing', async () => {
    expect(await resolveRef('flagged/img/ffffffffffffffffffff/gone.png')).toEqual({ status: 'missing' });
    expect(await resolveRef('/home/sunil/np/flagged/input_image/tmp869r3vjy.jpg')).toEqual({
      status: 'missing',
    });
  });

  it('reports paths that leave the folder as outside, without reading them', async () => {
    expect(await resolveRef('../../../secret.txt')).toEqual({ status: 'outside' });
    expect(await resolveRef(join(base, 'secret.txt'))).toEqual({ status: 'outside' });
    expect(await resolveRef('/etc/passwd')).toEqual({ status: 'outside' });
    expect(await resolveRef('../../../../etc/passwd')).toEqual({ status: 'outside' });
    expect(await resolveRef('/etc/hostname')).toEqual({ status: 'outside' });
  });

  it("reports Gradio's temp copies on the demo machine as missing, not outside", async () => {
    expect(await resolveRef('C:\\Users\\natha\\AppData\\Local\\Temp\\gradio\\abc\\audio.wav')).toEqual({
      status: 'missing',
    });
    expect(await resolveRef('/tmp/gradio/0f3a/image.png')).toEqual({ status: 'missing' });
  });

  it('refuses a symlink that leaves the folder, file or directory', async () => {
    expect(await resolveRef('img/link.png')).toEqual({ status: 'outside' });
    expect(await resolveRef('linked-dir/x.png')).toEqual({ status: 'outside' });
  });

  it('asks the disk for a symlink also when resolving for a kind', async () => {
    const kinds = new AssetResolver(root).forKinds();
    expect(await kinds.resolve('img/link.png', root)).toEqual({ status: 'outside' });
    expect(await kinds.resolve('linked-dir/x.png', root)).toEqual({ status: 'outside' });
    // A symlink to a directory inside: followed once its target is seen inside.
    expect(await kinds.resolve('img-alias/0a1b2c3d4e5f60718293/bus.png', root)).toMatchObject({
      status: 'resolved',
      path: 'img-alias/0a1b2c3d4e5f60718293/bus.png',
    });
  });

  it('resolves a plain relative path as resolving it through path arithmetic does', async () => {
    // `x/../` before a reference sends it through path.resolve; without, it is joined to each
    // base's parts (CandidateBase). Every prefix a real folder shows, and near misses of them.
    const prefixes = [
      '',
      'flagged/',
      '.gradio/flagged/',
      'app/.gradio/flagged/',
      'Flagged/',
      '.Gradio/flagged/',
    ];
    const near = ['..hidden/', 'other/', 'app/flagged/', 'flagged/flagged/'];
    const targets = [...files, 'img/nothere.png', 'img', 'img/0a1b2c3d4e5f60718293'];
    for (const resolver of [new AssetResolver(root), await preloaded(root)])
      for (const prefix of [...prefixes, ...near])
        for (const target of targets) {
          // What is not found is told apart by the reference as written: `x/../..hidden` leaves.
          if (prefix.startsWith('..') && !files.includes(target)) continue;
          const ref = prefix + target;
          expect([ref, await resolver.resolve(ref, root)]).toEqual([
            ref,
            await resolver.resolve(`x/../${ref}`, root),
          ]);
        }
  });

  it('refuses a symlink that leaves the folder from a walk of it too', async () => {
    const resolver = await preloaded(root);
    expect(await resolver.resolve('img/link.png', root)).toEqual({ status: 'outside' });
    expect(await resolver.resolve('linked-dir/x.png', root)).toEqual({ status: 'outside' });
  });

  it('resolves against the walk it was given: a file written after it is not there', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'flagdeck-walked-')), 'flagged');
    mkdirSync(join(folder, 'img', 'later'), { recursive: true });
    const resolver = await preloaded(folder);
    writeFileSync(join(folder, 'img', 'later', 'late.png'), 'late');
    expect(await resolver.resolve('img/later/late.png', folder)).toEqual({ status: 'missing' });
    expect(await new AssetResolver(folder).resolve('img/later/late.png', folder)).toMatchObject({
      status: 'resolved',
    });
  });

  it('looks in a hash directory the walk did not read for the name asked, when it is asked', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'flagdeck-unread-')), 'flagged');
    const hashDir = join(folder, 'img', 'bbbbbbbbbbbbbbbbbbbb');
    mkdirSync(join(hashDir, 'frames'), { recursive: true });
    symlinkSync(join(base, 'secret.txt'), join(hashDir, 'leak.png'));
    const resolver = await preloaded(folder);
    writeFileSync(join(hashDir, 'late.png'), 'late');
    const late = { status: 'resolved', path: 'img/bbbbbbbbbbbbbbbbbbbb/late.png', directory: false };
    // Found at once (one lstat, no listing read), as resolving it through the listing finds it.
    expect(resolver.resolveAtOnce(late.path, folder)).toEqual({
      ...late,
      absolute: join(hashDir, 'late.png'),
    });
    expect(await resolver.resolve(late.path, folder)).toMatchObject(late);
    expect(await resolver.resolve('img/bbbbbbbbbbbbbbbbbbbb/frames', folder)).toMatchObject({
      directory: true,
    });
    // A name written otherwise: the directory, read at once, tells the name on the disk.
    expect(resolver.resolveAtOnce('img/bbbbbbbbbbbbbbbbbbbb/LATE.png', folder)).toMatchObject(late);
    expect(await resolver.resolve('img/bbbbbbbbbbbbbbbbbbbb/LATE.png', folder)).toMatchObject(late);
    expect(resolver.resolveAtOnce('img/bbbbbbbbbbbbbbbbbbbb/gone.png', folder)).toEqual({
      status: 'missing',
    });
    // A symlink there is followed before it counts: this one leads out.
    expect(resolver.resolveAtOnce('img/bbbbbbbbbbbbbbbbbbbb/leak.png', folder)).toBeUndefined();
    expect(await resolver.resolve('img/bbbbbbbbbbbbbbbbbbbb/leak.png', folder)).toEqual({
      status: 'outside',
    });
    expect(await resolver.resolve('img/bbbbbbbbbbbbbbbbbbbb/gone.png', folder)).toEqual({
      status: 'missing',
    });
  });

  it('lends the directories it was given as read just now, while they are fresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const resolver = new AssetResolver(plainRoot);
      const { directories } = await walkFolder(plainRoot);
      resolver.knowDirectories(directories);
      const img = join(plainRoot, 'img');
      expect(resolver.readJustNow(img)).toBe(directories.find((walked) => walked.dir === img)?.entries);
      expect(resolver.readJustNow(join(plainRoot, 'nowhere'))).toBeUndefined();
      vi.advanceTimersByTime(2500);
      expect(resolver.readJustNow(img)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads a hash directory at once where a name looked up cannot be trusted as written', async () => {
    // No letter in the first hash directory's name: whether the disk tells case apart is not known
    // yet, so its file is found by reading the directory (as on a disk that ignores case).
    const folder = join(mkdtempSync(join(tmpdir(), 'flagdeck-unsure-')), 'flagged');
    mkdirSync(join(folder, 'img', '01234567890123456789'), { recursive: true });
    writeFileSync(join(folder, 'img', '01234567890123456789', 'Photo.PNG'), 'png');
    const resolver = await preloaded(folder);
    expect(resolver.resolveAtOnce('img/01234567890123456789/photo.png', folder)).toMatchObject({
      status: 'resolved',
      path: 'img/01234567890123456789/Photo.PNG',
    });
  });

  it('follows a symlinked directory that stays inside', async () => {
    const result = await resolveRef('img-alias/0a1b2c3d4e5f60718293/bus.png');
    expect(result).toMatchObject({ status: 'resolved', path: 'img-alias/0a1b2c3d4e5f60718293/bus.png' });
  });

  it('finds a file Gradio wrote after an earlier miss, once the cached listing is stale', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    try {
      const resolver = new AssetResolver(root);
      const ref = 'img/0a1b2c3d4e5f60718293/late.png';
      expect(await resolver.resolve(ref, root)).toEqual({ status: 'missing' });
      writeFileSync(join(root, ref), 'late');
      expect(await resolver.resolve(ref, root)).toEqual({ status: 'missing' });
      await vi.advanceTimersByTimeAsync(2500);
      expect(await resolver.resolve(ref, root)).toMatchObject({ status: 'resolved' });
    } finally {
      vi.useRealTimers();
    }
  });

  it("finds a new sample folder's file without reading its parent's many entries again", async () => {
    const { countCalls } = await import('../../support/counted-calls.mjs');
    const folder = mkdtempSync(join(tmpdir(), 'flagdeck-samples-'));
    const sample = (i: number) => `0f8e2b1c-1111-4222-8333-${String(i).padStart(12, '0')}`;
    const image = (i: number) => `${sample(i)}/im/0123456789abcdef0123/image.png`;
    const write = (i: number) => {
      mkdirSync(join(folder, dirname(image(i))), { recursive: true });
      writeFileSync(join(folder, image(i)), 'png');
    };
    for (let i = 0; i < 50; i++) write(i);
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    const reads = countCalls('readdir');
    try {
      const resolver = new AssetResolver(folder);
      // A reference found nowhere has the folder read (its suffixes are looked for there).
      expect(await resolver.resolve('nowhere/x.png', folder)).toEqual({ status: 'missing' });
      expect(reads.calls(folder)).toBe(1);
      await vi.advanceTimersByTimeAsync(2500);
      // A sample flagged since: the stale listing of the folder does not have it.
      write(50);
      expect(await resolver.resolve(image(50), folder)).toMatchObject({
        status: 'resolved',
        path: image(50),
      });
      expect(reads.calls(folder)).toBe(1);
      // A name there only loosely (not as written) still has the directory read again.
      mkdirSync(join(folder, 'Doctors Voice'));
      writeFileSync(join(folder, 'Doctors Voice', 'a.wav'), 'wav');
      expect(await resolver.resolve("Doctor's Voice/a.wav", folder)).toMatchObject({ status: 'resolved' });
      expect(reads.calls(folder)).toBe(2);
    } finally {
      reads.undo();
      vi.useRealTimers();
    }
  });

  it('remembers a bounded number of references, the least recently asked for dropped first', async () => {
    // The clock stands still: no miss expires on its own while the test runs.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const resolver = new AssetResolver(root);
      const kept = 'img/0a1b2c3d4e5f60718293/bus.png';
      const first = resolver.resolve(kept, root);
      expect(await first).toMatchObject({ status: 'resolved' });
      const oldest = resolver.resolve('img/none/0.png', root);
      for (let i = 1; i < MEMO_ENTRIES + 500; i++) {
        await resolver.resolve(`img/none/${i}.png`, root);
        // Asked for now and then, like a row scrolled back to: it stays remembered (the same answer).
        if (i % 1000 === 0) expect(resolver.resolve(kept, root)).toBe(first);
      }
      expect(resolver.remembered).toBe(MEMO_ENTRIES);
      expect(resolver.resolve(kept, root)).toBe(first);
      // The oldest miss was dropped: asked again, it is resolved anew.
      const again = resolver.resolve('img/none/0.png', root);
      expect(again).not.toBe(oldest);
      expect(await again).toEqual({ status: 'missing' });
      expect(resolver.remembered).toBe(MEMO_ENTRIES);
    } finally {
      vi.useRealTimers();
    }
  });
});
