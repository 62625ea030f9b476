import { describe, expect, it } from 'vitest';
import {
  actionFor,
  describeKeys,
  shortcuts,
  type KeyLike,
} from '../../../../src/renderer/src/features/shortcuts/keymap';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keymap', () => {
  it('moves with j/k and the arrows', () => {
    expect(actionFor(key('j'))).toEqual({ type: 'move', by: 1 });
    expect(actionFor(key('ArrowUp'))).toEqual({ type: 'move', by: -1 });
  });

  it('maps number keys to options and 0 to clearing', () => {
    expect(actionFor(key('3'))).toEqual({ type: 'reason', option: 3 });
    expect(actionFor(key('0'))).toEqual({ type: 'clearReason' });
  });

  it('triages with a/x/u/r, and tells plain a from Ctrl+A', () => {
    expect(actionFor(key('a'))).toEqual({ type: 'status', status: 'keep' });
    expect(actionFor(key('x'))).toEqual({ type: 'status', status: 'drop' });
    expect(actionFor(key('u'))).toEqual({ type: 'status', status: 'unsure' });
    expect(actionFor(key('r'))).toEqual({ type: 'status', status: 'unreviewed' });
    expect(actionFor(key('a', { ctrlKey: true }))).toEqual({ type: 'selectAll' });
  });

  it('undoes with Ctrl/⌘+Z and redoes with Shift or Y', () => {
    expect(actionFor(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(actionFor(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
    expect(actionFor(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
    expect(actionFor(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
  });

  it('opens help on ? (typed with Shift) and ignores Alt chords and unknown keys', () => {
    expect(actionFor(key('?', { shiftKey: true }))).toEqual({ type: 'help' });
    expect(actionFor(key('j', { altKey: true }))).toBeUndefined();
    expect(actionFor(key('q'))).toBeUndefined();
    expect(actionFor(key('z'))).toBeUndefined();
  });

  it('has no key bound twice with the same modifiers', () => {
    const seen = new Set<string>();
    for (const s of shortcuts) {
      for (const k of s.keys) {
        const id = `${s.mod ? 'mod+' : ''}${s.shift ? 'shift+' : ''}${k}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });

  it('writes shortcuts for the help overlay', () => {
    const redo = shortcuts.find((s) => s.label === 'Redo' && s.shift);
    expect(redo && describeKeys(redo)).toBe('Ctrl/⌘+Shift+Z');
    const numbers = shortcuts.find((s) => s.keys.includes('5'));
    expect(numbers && describeKeys(numbers)).toBe('1–9');
    const space = shortcuts.find((s) => s.keys.includes(' '));
    expect(space && describeKeys(space)).toBe('Space');
  });
});
