// Layout detection from a log's name and first record (gradio-formats.md §12.1).
import { describe, expect, it } from 'vitest';
import { readLayout } from '../../../src/main/gradio/layout';

describe('readLayout', () => {
  it.each([
    [
      'log.csv',
      'text,output,flag,username,timestamp',
      '"',
      'csv-logger',
      { flag: 2, username: 3, timestamp: 4, width: 5, anchor: 'end' },
    ],
    [
      'dataset1.csv',
      'text,output,timestamp',
      '"',
      'dataset',
      { timestamp: 2, width: 3, anchor: 'timestamp-end' },
    ],
    [
      'dataset2.csv',
      'name,output,flag,timestamp',
      '"',
      'dataset',
      { flag: 2, timestamp: 3, width: 4, anchor: 'timestamp-end' },
    ],
    ['log.csv', 'conversation,index,value,flag,timestamp', '"', 'chat', { flag: 2, timestamp: 3 }],
    [
      'data.csv',
      'text,im,im file,flag,username',
      '"',
      'hf-saver',
      { flag: 3, username: 4, width: 5, anchor: 'end' },
    ],
    ['log.csv', 'video file,Output,timestamp', '"', 'legacy', { timestamp: 2, width: 3, anchor: 'end' }],
    [
      'log.csv',
      'media,flag,username,timestamp',
      "'",
      'legacy',
      { flag: 1, username: 2, timestamp: 3, width: 4, anchor: 'end' },
    ],
    ['log.csv', 'hello,1,x', '"', 'simple', {}],
  ] as const)('%s with %s → %s', (file, header, quote, layout, roles) => {
    const reading = readLayout(file, header.split(','), quote);
    expect(reading.layout).toBe(layout);
    expect(reading.roles).toEqual(roles);
    expect(reading.hasHeader).toBe(layout !== 'simple');
  });

  it('keeps a component labelled username apart from the username role', () => {
    const reading = readLayout(
      'log.csv',
      ['input', 'username', 'output', 'flag', 'username', 'timestamp'],
      '"',
    );
    expect(reading.roles).toEqual({ flag: 3, username: 4, timestamp: 5, width: 6, anchor: 'end' });
    expect(reading.warnings.join('\n')).toContain('"username" 2 times');
  });

  it("undoes the ' escape in header names", () => {
    expect(readLayout('log.csv', ["'=total", "'-result", 'timestamp'], '"').names).toEqual([
      '=total',
      '-result',
      'timestamp',
    ]);
  });
});
