// Run as a child process by scan-threads.test.ts: starts a scan worker whose job never comes, and,
// with `cancel`, cancels it. The process exits on its own only if no worker is left running.
import { startScanWorker } from '../../../../src/main/log-index/scan-threads';

const thread = startScanWorker(process.argv[2]);
// Long enough for the worker to be up before the cancel.
setTimeout(() => {
  if (process.argv[3] === 'cancel') thread.cancel();
  process.stdout.write('started\n');
}, 300);
