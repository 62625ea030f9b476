import { describe, expect, it } from 'vitest';
import { FoldedState, toReviewState } from '../../../src/main/review/fold';
import type { JournalLine } from '../../../src/main/review/journal-line';

function line(at: string, set: JournalLine['set'], extra: Partial<JournalLine> = {}): JournalLine {
  return {
    v: 1,
    edit: `e${at}`,
    sample: 'log.csv#1',
    rowHash: 'h1',
    set,
    at: `2026-11-25T10:00:0${at}.000Z`,
    by: 'ana',
    ...extra,
  };
}

describe('folding the journal', () => {
  it('keeps the last value of each field, fields independently', () => {
    const state = new FoldedState();
    state.apply(line('1', { reason: 'a', status: 'keep' }));
    state.apply(line('2', { note: 'n' }));
    state.apply(line('3', { reason: 'b' }, { by: 'bo' }));
    expect(toReviewState(state.get('log.csv#1', 'h1')!)).toEqual({
      reason: 'b',
      status: 'keep',
      note: 'n',
      updatedAt: '2026-11-25T10:00:03.000Z',
      updatedBy: 'bo',
    });
  });

  it('resolves concurrent edits of one field by time, whatever the line order', () => {
    const state = new FoldedState();
    state.apply(line('5', { status: 'drop' }, { by: 'bo' }));
    expect(state.apply(line('4', { status: 'keep' }, { by: 'ana' }))).toBe(false);
    expect(state.get('log.csv#1')?.status).toMatchObject({ value: 'drop', by: 'bo' });
  });

  it('tells a cleared reason (null) from a reset one (the original stands)', () => {
    const state = new FoldedState();
    state.apply(line('1', { reason: null }));
    expect(toReviewState(state.get('log.csv#1')!).reason).toBeNull();
    state.apply(line('2', { resetReason: true }));
    expect('reason' in toReviewState(state.get('log.csv#1')!)).toBe(false);
  });

  it('keeps lines of another row hash apart (an orphan is not applied to the new row)', () => {
    const state = new FoldedState();
    state.apply(line('1', { status: 'drop' }));
    state.apply(line('2', { note: 'new row' }, { rowHash: 'h2' }));
    expect(state.get('log.csv#1', 'h2')?.status).toBeUndefined();
    expect(state.get('log.csv#1', 'h1')?.status?.value).toBe('drop');
    expect(state.get('log.csv#1')?.rowHash).toBe('h2');
  });
});
