// Run as a child process by function-worker.test.ts: runs one job in the kept worker, prints its
// result, and has nothing else to do. The process exits on its own only if the idle worker lets it.
import { startWorker } from '../../../../src/main/query/function-worker';

const { done } = await startWorker<number>('const run = (job) => job * 2;', 21, []);
process.stdout.write(`${await done}\n`);
