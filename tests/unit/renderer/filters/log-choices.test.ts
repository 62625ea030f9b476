import { describe, expect, it } from 'vitest';
import type { FolderInfo } from '../../../../src/shared/model';
import { LOG_CHOICES_MAX, logChoices } from '../../../../src/renderer/src/features/filters/log-choices';
import { folderInfo, logInfo } from '../../../support/workspace-snapshots';

const folder = (id: string, files: string[]): FolderInfo =>
  folderInfo(
    id,
    files.map((file) => logInfo(file, 1, 'hf-saver-jsonl')),
  );
const samples = (n: number): string[] => Array.from({ length: n }, (_, i) => `s${i}/metadata.jsonl`);

describe('the Log filter’s choices', () => {
  it('lists every log of the folders in view, named with its folder where several are open', () => {
    const folders = [folder('a', ['log.csv', 'other.csv']), folder('b', ['log.csv'])];
    expect(logChoices(folders, {})).toEqual({
      shown: true,
      choices: [
        { value: 'a/log.csv', label: 'a/flagged/log.csv' },
        { value: 'a/other.csv', label: 'a/flagged/other.csv' },
        { value: 'b/log.csv', label: 'b/flagged/log.csv' },
      ],
    });
    expect(logChoices(folders, { folderIds: ['b'] })).toEqual({
      shown: false,
      choices: [{ value: 'b/log.csv', label: 'b/flagged/log.csv' }],
    });
  });

  it(`offers no list past ${LOG_CHOICES_MAX} logs in view, only the log the filter holds`, () => {
    const many = [folder('a', samples(LOG_CHOICES_MAX + 1)), folder('b', ['log.csv', 'other.csv'])];
    expect(logChoices(many, {})).toEqual({ shown: false, choices: [] });
    expect(logChoices(many, { logs: ['a/s7/metadata.jsonl'] })).toEqual({
      shown: true,
      choices: [{ value: 'a/s7/metadata.jsonl', label: 'a/flagged/s7/metadata.jsonl' }],
    });
    // The folder filter narrows what is in view: b's two logs are a choice again.
    expect(logChoices(many, { folderIds: ['b'] }).choices.map((c) => c.value)).toEqual([
      'b/log.csv',
      'b/other.csv',
    ]);
  });

  it(`lists exactly ${LOG_CHOICES_MAX} logs`, () => {
    expect(logChoices([folder('a', samples(LOG_CHOICES_MAX))], {}).choices).toHaveLength(LOG_CHOICES_MAX);
  });
});
