// Which cells of a loose column (text, JSON, chat) the scan sends back to the reader as possible
// file references: those naming a key of Gradio's file objects, as decodeCell reads them.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, openSync, closeSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanRange } from '../../../src/main/scan/range-scanner';
import { localHelpers } from '../../../src/main/scan/scan-helpers';
import { PATH_KEYS } from '../../../src/main/gradio/value-shape';
import { MEDIA_EXTENSIONS } from '../../../src/main/gradio/media-kind';

/** The cells of a one-column log the scan keeps for the reader, one per row given. */
function candidates(cells: string[]): string[] {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-cells-')), 'log.csv');
  writeFileSync(path, cells.map((cell) => `"${cell.replaceAll('"', '""')}"\n`).join(''));
  const fd = openSync(path, 'r');
  try {
    const result = scanRange(
      {
        fd,
        quote: 34,
        newline: 10,
        from: 0,
        to: statSync(path).size,
        final: true,
        state: { line: 1 },
        roles: {},
        chunkBytes: 1 << 16,
        assets: {
          columns: [0],
          loose: [true],
          pathKeys: [...PATH_KEYS, 'is_file'],
          extensions: [...MEDIA_EXTENSIONS],
          folderNames: [],
        },
      },
      localHelpers,
    );
    // Quoting undone already (and ASCII here: latin1 is the text).
    return result.assetCells?.cells[0] ?? [];
  } finally {
    closeSync(fd);
  }
}

describe('the scan keeps the loose cells that hold a key of a file object', () => {
  it('keeps every key of Gradio file objects, without extension or separator', () => {
    const keyed = [...PATH_KEYS, 'is_file'].map((key) => `{"${key}": "clip"}`);
    expect(candidates(keyed)).toEqual(keyed);
  });

  it('keeps a key after a separator, spaces before the colon, and single quotes', () => {
    const cells = [`{"my-image": "a"}`, `{"video" : "a"}`, `{'path': 'a'}`, `[{"x": 1}, {"files": []}]`];
    expect(candidates(cells)).toEqual(cells);
  });

  it("drops keys that only end like one, other keys, and a key's name outside an object", () => {
    const cells = [
      `{"subimage": "a"}`,
      `{"my_video": "a"}`,
      `{"label": "cat", "confidences": [{"label": "cat", "confidence": 0.5}]}`,
      `{"profile": "a", "names": 2}`,
      `"path": not in braces`,
      `plain text with no signs`,
    ];
    expect(candidates(cells)).toEqual([]);
  });
});
