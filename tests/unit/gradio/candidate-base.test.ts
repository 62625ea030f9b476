// A plain relative reference placed below the folder from one base without path arithmetic, as
// path.resolve and path.relative place it, on POSIX and on Windows (names compared without case).
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CandidateBase } from '../../../src/main/gradio/candidate-base';

type PathApi = typeof posix;

/** What the resolver computes by path arithmetic: the parts below `root`, or undefined outside it. */
function byArithmetic(path: PathApi, root: string, base: string, segments: string[]): string[] | undefined {
  const rel = path.relative(root, path.resolve(base, segments.join(path.sep)));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep) : undefined;
}

/** CandidateBase for `base`, as the resolver makes it (asset-resolver.ts candidateBase). */
function candidate(path: PathApi, root: string, base: string): CandidateBase {
  const caseless = path === win32;
  const below = byArithmetic(path, root, base, ['x']);
  if (base === root) return new CandidateBase([], undefined, caseless);
  if (below) return new CandidateBase(below.slice(0, -1), undefined, caseless);
  return new CandidateBase(undefined, path.relative(base, root).split(path.sep), caseless);
}

const cases: [string, PathApi, string, string[]][] = [
  [
    'POSIX',
    posix,
    '/app/.gradio/flagged',
    ['/app', '/app/.gradio', '/app/.gradio/flagged', '/app/.gradio/flagged/sub'],
  ],
  [
    'Windows',
    win32,
    'C:\\app\\.gradio\\Flagged',
    ['C:\\app', 'C:\\app\\.gradio', 'C:\\app\\.gradio\\Flagged'],
  ],
];

const refs = [
  ['.gradio', 'flagged', 'image', 'x.png'],
  ['.gradio', 'Flagged', 'image', 'x.png'],
  ['.GRADIO', 'FLAGGED', 'image', 'x.png'],
  ['flagged', 'image', 'x.png'],
  ['Flagged', 'image', 'x.png'],
  ['image', 'x.png'],
  ['..cache', 'x.png'],
  ['.gradio', 'flagged'],
  ['other', 'flagged', 'x.png'],
];

describe.each(cases)('CandidateBase on %s', (_os, path, root, bases) => {
  it.each(bases)('places every reference form from %s as path arithmetic does', (base) => {
    const made = candidate(path, root, base);
    for (const segments of refs)
      expect(made.partsOf(segments), `${base} + ${segments.join('/')}`).toEqual(
        byArithmetic(path, root, base, segments),
      );
  });
});
