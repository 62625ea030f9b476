// Gradio's way of writing CSV, checked against what Python's csv.writer, json.dumps and Gradio's
// own sanitizer produce (the expected strings are Python's output).
import { describe, expect, it } from 'vitest';
import {
  csvRecord,
  labelFolderName,
  pythonJsonDumps,
  sanitizeForCsv,
} from '../../../src/main/export/gradio-csv';

describe('Gradio CSV writing', () => {
  it('quotes only fields that need it, doubling quotes, with CRLF records', () => {
    expect(csvRecord(['a', 'b, c', 'say "hi"', 'two\nlines', ''])).toBe(
      'a,"b, c","say ""hi""","two\nlines",\r\n',
    );
    // Python writes a record of one empty field as "" (else it would be a blank line).
    expect(csvRecord([''])).toBe('""\r\n');
  });

  it("prefixes a ' to values a spreadsheet would run as a formula", () => {
    expect(sanitizeForCsv('=1+1')).toBe("'=1+1");
    expect(sanitizeForCsv('-3.25')).toBe("'-3.25");
    expect(sanitizeForCsv('a note,=with formula')).toBe("'a note,=with formula");
    expect(sanitizeForCsv('a note, =spaced')).toBe('a note, =spaced');
    expect(sanitizeForCsv('plain text')).toBe('plain text');
  });

  it('prints JSON as Python json.dumps does', () => {
    expect(pythonJsonDumps({ path: 'résumé.txt', n: [1, 2.5, null, true], x: Number.NaN })).toBe(
      '{"path": "r\\u00e9sum\\u00e9.txt", "n": [1, 2.5, null, true], "x": NaN}',
    );
  });

  it('names label folders as strip_invalid_filename_characters does', () => {
    expect(labelFolderName('🖼️ Upload Image', 0)).toBe('Upload Image');
    expect(labelFolderName("Doctor's Voice", 1)).toBe('Doctors Voice');
    expect(labelFolderName('🔥', 3)).toBe('component 3');
  });
});
