// A folder's problems about one of its logs are forgotten once that log is read; the others stay.
import { describe, expect, it } from 'vitest';
import { FolderState } from '../../../src/main/workspace/folder-state';

describe("a folder's problems", () => {
  it('forgets those about a log read since, and only those', () => {
    const folder = new FolderState('id', '/flagged', 'flagged', false);
    folder.addProblem('the folder cannot be watched: raise fs.inotify.max_user_watches');
    folder.addProblem('a.csv cannot be read: EACCES', 'a.csv');
    folder.addProblem('b.csv was read up to row 3 only: EIO', 'b.csv');
    folder.addProblem('a.csv was read up to row 9 only: EIO', 'a.csv');
    expect(folder.forgetProblemsOf('a.csv')).toBe(true);
    expect(folder.problems).toEqual([
      'the folder cannot be watched: raise fs.inotify.max_user_watches',
      'b.csv was read up to row 3 only: EIO',
    ]);
    expect(folder.forgetProblemsOf('a.csv')).toBe(false);
    expect(folder.addProblem('b.csv was read up to row 3 only: EIO', 'b.csv')).toBe(false);
  });
});
