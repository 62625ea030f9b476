// The scanner state at an offset inside a file: which record delimiter the file uses (found in its
// first record, as csv-parse does) and the line number there.
import { open } from 'node:fs/promises';
import { FieldBounds, scanCsv, type ScanState } from './csvScan';

const PROBE_BYTES = 1 << 20;

export async function scanStateAt(file: string, offset: number, quote: number, from = 0): Promise<ScanState> {
  const state: ScanState = { delimiter: 0, line: 1 };
  if (offset <= from) return state;
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(Math.min(PROBE_BYTES, Math.max(offset, 1)));
    let position = 0;
    let lines = 0;
    while (position < offset) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, offset - position), position);
      if (bytesRead === 0) break;
      if (position === 0) {
        // Scan the first record only, to learn the delimiter.
        const probe = { delimiter: 0 as const, line: 1 } as ScanState;
        let seen = false;
        scanCsv(
          buf.subarray(from, bytesRead),
          0,
          bytesRead - from,
          { quote, final: false },
          probe,
          new FieldBounds(),
          () => {
            seen = true;
          },
        );
        if (seen || probe.delimiter !== 0) state.delimiter = probe.delimiter;
      }
      for (let i = buf.indexOf(10, 0); i !== -1 && i < bytesRead; i = buf.indexOf(10, i + 1)) lines++;
      position += bytesRead;
    }
    state.line = 1 + lines;
    return state;
  } finally {
    await handle.close();
  }
}
