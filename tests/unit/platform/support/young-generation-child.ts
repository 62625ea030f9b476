// Run by young-generation.test.ts in a plain `node` process of its own (V8's flags are process-wide).
// Rounds of objects that survive many scavenges, each round starting as a query does (with the
// hold, or not), until the young generation has reached the held size; then its size after more
// such rounds. With `after <event>`: V8's flags are then reset as Node 20 resets them while a
// worker boots or goes, `event` is emitted to a worker's holdAroundWorker listeners, and more
// rounds run without the query's hold. Prints one JSON line, in bytes.
import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import {
  HELD_BYTES,
  holdAroundWorker,
  holdYoungGeneration,
  youngGenerationBytes,
} from '../../../../src/main/platform/young-generation';

/** Objects kept alive across many scavenges, as a ranking's distinct values and ties are. */
function keepObjectsAWhile(): void {
  let kept: { i: number; s: string }[] = [];
  for (let i = 0; i < 100_000; i++) {
    kept.push({ i, s: `x${i}` });
    if (kept.length > 50_000) kept = [];
  }
}

const [mode, event] = process.argv.slice(2);
const query = (hold: boolean): void => {
  if (hold) holdYoungGeneration();
  keepObjectsAWhile();
};
for (let round = 0; round < 200 && youngGenerationBytes() < HELD_BYTES; round++) query(mode !== 'leave');
const reached = youngGenerationBytes();
for (let round = 0; round < 40; round++) query(mode !== 'leave');
const afterQueries = youngGenerationBytes();
if (mode === 'after') {
  const worker = new EventEmitter();
  holdAroundWorker(worker);
  setFlagsFromString('--semi-space-growth-factor=2');
  worker.emit(event);
  for (let round = 0; round < 40; round++) query(false);
}
console.log(JSON.stringify({ reached, afterQueries, afterWorker: youngGenerationBytes() }));
