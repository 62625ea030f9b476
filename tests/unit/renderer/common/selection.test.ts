import { describe, expect, it } from 'vitest';
import {
  editTargets,
  extendTo,
  isSelected,
  noSelection,
  selectionSize,
  toggleRow,
} from '../../../../src/renderer/src/common/selection';

const ref = (i: number): { folderId: string; id: string } => ({ folderId: 'f', id: `log.csv#${i}` });

describe('selection', () => {
  it('toggles rows on and off (ctrl-click)', () => {
    let s = toggleRow(noSelection, ref(1), 0);
    s = toggleRow(s, ref(2), 1);
    expect(selectionSize(s, 100)).toBe(2);
    s = toggleRow(s, ref(1), 0);
    expect(isSelected(s, ref(1))).toBe(false);
    expect(isSelected(s, ref(2))).toBe(true);
    expect(toggleRow(s, ref(2), 1)).toEqual(noSelection);
  });

  it('starts a ctrl-click selection with the row clicked before it', () => {
    const both = toggleRow(noSelection, ref(2), 1, ref(1));
    expect(selectionSize(both, 100)).toBe(2);
    expect(isSelected(both, ref(1)) && isSelected(both, ref(2))).toBe(true);
    // Ctrl-clicking the current row itself leaves nothing selected; a running selection is kept as it is.
    expect(toggleRow(noSelection, ref(1), 0, ref(1))).toEqual(noSelection);
    const three = toggleRow(both, ref(3), 2, ref(2));
    expect(selectionSize(three, 100)).toBe(3);
  });

  it('extends from the anchor to the clicked row (shift-click), either direction', () => {
    const down = extendTo(noSelection, 4, 1, (o) => ref(o));
    expect(selectionSize(down, 100)).toBe(4);
    const up = extendTo(toggleRow(noSelection, ref(9), 9), 6, 0, (o) => ref(o));
    expect([6, 7, 8, 9].every((i) => isSelected(up, ref(i)))).toBe(true);
    expect(isSelected(up, ref(5))).toBe(false);
  });

  it('skips rows not loaded when extending', () => {
    const s = extendTo(noSelection, 3, 0, (o) => (o === 2 ? undefined : ref(o)));
    expect(selectionSize(s, 100)).toBe(3);
  });

  it('targets the selection, the whole filter, or else the current row', () => {
    const filter = { reasons: ['bad'] };
    expect(editTargets({ kind: 'filter' }, ref(1), filter)).toEqual({ filter });
    expect(editTargets(noSelection, ref(1), filter)).toEqual({ samples: [ref(1)] });
    expect(editTargets(noSelection, undefined, filter)).toBeUndefined();
    const two = toggleRow(toggleRow(noSelection, ref(1), 0), ref(3), 2);
    expect(editTargets(two, ref(7), filter)).toEqual({ samples: [ref(1), ref(3)] });
    expect(selectionSize({ kind: 'filter' }, 42)).toBe(42);
    const one = toggleRow(noSelection, ref(1), 0);
    expect(editTargets(one, ref(5), filter)).toEqual({ samples: [ref(5)] });
  });
});
