// Run by young-generation.test.ts in a plain `node` process of its own (V8's flags are process-wide):
// sizes the young generation before and after objects survive many scavenges, and again after a
// query worker thread has booted and finished. Prints one JSON line.
import { getHeapSpaceStatistics } from 'node:v8';
import { holdYoungGeneration } from '../../../../src/main/platform/young-generation';
import { startWorker } from '../../../../src/main/query/function-worker';

function youngGenerationMb(): number {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return (space?.space_size ?? NaN) / 1048576;
}

/** Objects kept alive across many scavenges, as a ranking's distinct values and ties are. */
function keepObjectsAWhile(): void {
  let kept: { i: number; s: string }[] = [];
  for (let i = 0; i < 2_000_000; i++) {
    kept.push({ i, s: `x${i}` });
    if (kept.length > 200_000) kept = [];
  }
}

const start = youngGenerationMb();
if (process.argv[2] === 'hold') holdYoungGeneration();
keepObjectsAWhile();
const afterObjects = youngGenerationMb();
const { done } = await startWorker<number>('function run(job) { return job + 1; }', 41, []);
const answer = await done;
keepObjectsAWhile();
console.log(JSON.stringify({ start, afterObjects, afterWorker: youngGenerationMb(), answer }));
