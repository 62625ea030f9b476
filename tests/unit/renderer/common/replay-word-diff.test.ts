// The word diff of the side-by-side view: what the new version removed and added, words and the
// spaces between them kept as written.
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../../src/renderer/src/common/word-diff';

describe('word diff', () => {
  it('marks the words removed and added, the rest the same', () => {
    const parts = wordDiff('the cat sat', 'the dog sat');
    const of = (change: string) => parts.filter((p) => p.change === change).map((p) => p.text);
    expect(of('same')).toEqual(['the ', ' sat']);
    expect(of('removed')).toEqual(['cat']);
    expect(of('added')).toEqual(['dog']);
  });

  it('rebuilds both texts exactly from its parts', () => {
    const before = 'Paris is the capital  of France.';
    const after = 'Paris is the capital of France, and its largest city.';
    const parts = wordDiff(before, after);
    const side = (skip: string) =>
      parts
        .filter((p) => p.change !== skip)
        .map((p) => p.text)
        .join('');
    expect(side('added')).toBe(before);
    expect(side('removed')).toBe(after);
  });

  it('an equal text is one unchanged part', () => {
    expect(wordDiff('same answer', 'same answer')).toEqual([{ text: 'same answer', change: 'same' }]);
  });
});
