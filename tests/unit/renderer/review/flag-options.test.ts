import { describe, expect, it } from 'vitest';
import {
  activeOptions,
  addOption,
  renameOption,
  setRetired,
} from '../../../../src/renderer/src/features/review/flag-options';

describe('flag options', () => {
  it('lists log values first, then active custom ones, without duplicates or retired ones', () => {
    const options = {
      folderId: 'f',
      fromLogs: ['Incorrect', 'Offensive', ''],
      custom: [
        { value: 'Offensive', retired: false },
        { value: 'Blurry', retired: false },
        { value: 'Old', retired: true },
        { value: 'Incorrect', retired: true },
      ],
    };
    expect(activeOptions(options)).toEqual(['Offensive', 'Blurry']);
    expect(activeOptions(undefined)).toEqual([]);
  });

  it('adds trimmed options once, reviving a retired one', () => {
    expect(addOption([], '  Blurry ')).toEqual([{ value: 'Blurry', retired: false }]);
    expect(addOption([{ value: 'Blurry', retired: true }], 'Blurry')).toEqual([
      { value: 'Blurry', retired: false },
    ]);
    expect(addOption([], '   ')).toEqual([]);
  });

  it('renames by retiring the old value and putting the new one in its place', () => {
    const custom = [
      { value: 'a', retired: false },
      { value: 'b', retired: false },
    ];
    expect(renameOption(custom, 'a', 'A')).toEqual([
      { value: 'a', retired: true },
      { value: 'A', retired: false },
      { value: 'b', retired: false },
    ]);
    expect(renameOption(custom, 'a', 'a')).toBe(custom);
  });

  it('retires a log value by recording it as a retired custom option', () => {
    expect(setRetired([], 'Incorrect', true)).toEqual([{ value: 'Incorrect', retired: true }]);
    expect(setRetired([{ value: 'x', retired: true }], 'x', false)).toEqual([{ value: 'x', retired: false }]);
  });
});
