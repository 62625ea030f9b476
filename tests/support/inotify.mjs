// The inotify watches this process holds (Linux), from /proc/self/fdinfo: what a file watcher
// really asked the kernel for. Plain JavaScript, for the tests and the benches alike.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** How many inotify watches this process holds; NaN where there is no /proc (not Linux). */
export function inotifyWatches() {
  if (process.platform !== 'linux') return NaN;
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    let target;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (target !== 'anon_inode:inotify') continue;
    const info = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
    count += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return count;
}
