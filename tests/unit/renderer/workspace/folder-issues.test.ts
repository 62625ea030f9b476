import { describe, expect, it } from 'vitest';
import { folderIssues } from '../../../../src/renderer/src/features/workspace/folder-issues';
import type { LogInfo } from '../../../../src/shared/model';

const log = (file: string, errors: LogInfo['errors'], warnings: string[]): LogInfo => ({
  file,
  layout: 'csv-logger',
  rows: 1,
  columns: [],
  errors,
  warnings,
  bytesIndexed: 1,
  bytesTotal: 1,
});

describe("a folder chip's issues", () => {
  it("lists the folder's own problems first, then each log's errors by place and its warnings", () => {
    const issues = folderIssues({
      problems: ['not watched for changes: …', 'dataset2.csv cannot be read: EACCES'],
      logs: [
        log(
          'log.csv',
          [
            { line: 4, column: 2, message: 'unclosed quote' },
            { line: 9, message: 'stray' },
          ],
          ['header only'],
        ),
      ],
    });
    expect(issues).toEqual([
      'not watched for changes: …',
      'dataset2.csv cannot be read: EACCES',
      'log.csv:4:2 unclosed quote',
      'log.csv:9 stray',
      'header only',
    ]);
  });

  it('is empty for a folder without problems', () => {
    expect(folderIssues({ problems: [], logs: [log('log.csv', [], [])] })).toEqual([]);
  });
});
