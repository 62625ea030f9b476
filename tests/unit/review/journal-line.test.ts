import { describe, expect, it } from 'vitest';
import { formatLine, type JournalLine } from '../../../src/main/review/journal-line';
import { parseLine } from '../../../src/main/review/journal-line-schema';

const line: JournalLine = {
  v: 1,
  edit: 'e1',
  sample: 'log.csv#1',
  rowHash: 'ab',
  set: { reason: 'wrong label', status: 'keep' },
  at: '2026-11-25T10:00:00.000Z',
  by: 'ana',
};

describe('journal lines', () => {
  it('round-trips a line through its text form, on one line', () => {
    const text = formatLine({ ...line, set: { note: 'two\nlines' } });
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(parseLine(text.trimEnd(), 'journal.jsonl', 3)).toEqual({
      line: { ...line, set: { note: 'two\nlines' } },
    });
  });

  it('says where a line is not JSON', () => {
    const parsed = parseLine('{"v":1,"edit":', 'journal.jsonl', 7);
    expect('error' in parsed && parsed.error).toMatch(/^journal\.jsonl line 7(, column \d+)?: not JSON/);
  });

  it('names the field that is wrong', () => {
    const parsed = parseLine(JSON.stringify({ ...line, set: { status: 'maybe' } }), 'journal.jsonl', 2);
    expect('error' in parsed && parsed.error).toMatch(/^journal\.jsonl line 2 field "set\.status": /);
  });
});
