// A separate process that writes to flagging logs the way Gradio does (appends), or the way a
// person might (rewrites), as told step by step over IPC. Replies "done" after each step.
import { appendFileSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function step({ op, file, data, gapMs = 0, piece = 0 }) {
  if (op === 'write') {
    writeFileSync(file, data);
  } else if (op === 'append' && !piece) {
    appendFileSync(file, data);
  } else if (op === 'append') {
    // `piece` bytes per write: 1 = one byte at a time, each write a separate syscall.
    const fd = openSync(file, 'a');
    const bytes = Buffer.from(data);
    for (let at = 0; at < bytes.length; at += piece) {
      writeSync(fd, bytes.subarray(at, at + piece));
      if (gapMs) await sleep(gapMs);
    }
    closeSync(fd);
  }
  if (gapMs && (op !== 'append' || !piece)) await sleep(gapMs);
}

process.on('message', async (steps) => {
  for (const s of steps) await step(s);
  process.send('done');
});
