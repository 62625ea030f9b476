// What a short command prints goes to file descriptor 1 directly: process.stdout on a pipe (a
// script reading `flagdeck inspect --json`) is a net socket, and making it loads net and its
// bindings, about 2 ms of a 10-row folder's `inspect`.
import { fs } from '../platform/node-fs';

/**
 * Set once a write had to go through process.stdout: later ones follow it there, in order. Always
 * on Windows, where a console takes text through the stream (libuv writes it as UTF-16); bytes
 * written to it directly would show in its code page.
 */
let throughStream = process.platform === 'win32';

/**
 * Writes `text` to stdout, at once where it can. A non-blocking pipe that is full hands the rest to
 * process.stdout; a reader that has gone (`flagdeck query … | head`) ends the process with 0.
 */
export function writeOut(text: string): void {
  if (throughStream) {
    streamOut().write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += fs.writeSync(1, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (readerGone(code)) process.exit(0);
      if (code !== 'EAGAIN') throw error;
      throughStream = true;
      streamOut().write(bytes.subarray(written));
      return;
    }
  }
}

let listening = false;

/** process.stdout, ending the process with 0 where its reader has gone. */
function streamOut(): NodeJS.WriteStream {
  if (!listening) process.stdout.on('error', endOnClosedReader);
  listening = true;
  return process.stdout;
}

function endOnClosedReader(error: NodeJS.ErrnoException): void {
  if (readerGone(error.code)) process.exit(0);
  throw error;
}

/**
 * Whether a write failed because the reader has gone: EPIPE from a pipe (a shell's `| head`), and
 * ECONNRESET from the socket pair Node gives a child's stdout when the parent closes it unread.
 */
function readerGone(code: string | undefined): boolean {
  return code === 'EPIPE' || code === 'ECONNRESET';
}

/** writeOut of one line. */
export function printLine(line: string): void {
  writeOut(`${line}\n`);
}
