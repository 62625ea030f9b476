// A child process that relabels samples through the review API and prints `ack <n>` once each
// edit has resolved (i.e. is on disk). The parent kills it at random moments or lets it finish.
// argv: <folder> <tag> <count> [bulkEvery]
import { openReview } from '../../../../src/main/review/open-review';

const [root, tag, countText, bulkEveryText] = process.argv.slice(2);
const count = Number(countText);
const bulkEvery = Number(bulkEveryText ?? 0);

/** Edit n touches its own samples so the parent can check each acknowledged edit independently. */
function samplesOf(n: number) {
  const size = bulkEvery > 0 && n % bulkEvery === 0 ? 50 : 1;
  return Array.from({ length: size }, (_, k) => ({
    id: `log.csv#${tag}-${n}-${k}`,
    rowHash: `${tag}-${n}-${k}`,
    originalReason: null,
  }));
}

const store = await openReview(root, { dataDir: `${root}/data`, reviewer: tag, pollMs: 50 });
process.stdout.write('ready\n');
for (let n = 1; n <= count; n += 1) {
  await store.edit(samplesOf(n), { reason: `${tag}-${n}`, status: n % 2 ? 'keep' : 'drop' }, tag);
  process.stdout.write(`ack ${n}\n`);
}
await store.close();
process.stdout.write('done\n');
