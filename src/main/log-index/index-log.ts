// Fills a LogIndex from its file, from where it stopped, in this thread: the first rows at open,
// and the new bytes of an append. Only the role cells (flag, username, timestamp) are decoded; the
// rest stays on disk. Whole large logs go through scan-workers.ts instead.
import { open } from 'node:fs/promises';
import type { LogIndex } from './log-index';
import { applyScan, type SharedInterners } from './apply-scan';
import type { AssetCellsCollector, RecordAuditCollector, ScanJob } from '../scan/scan-job';
import { hostScanner } from '../scan/host-scanner';
import { indexWithSource } from './source-index';
import { newlineByte } from '../gradio/line-end';

export type { SharedInterners };

export const STEP_BYTES = 2 * 1024 * 1024;

export interface IndexPass {
  /** Read a last record that has no line terminator (the writer is done with it). */
  final: boolean;
  /** Called after each step (progress; awaiting here lets other work run). */
  onChunk?: (log: LogIndex) => void | Promise<void>;
  /** Stop at this offset (default: the file's size now). */
  until?: number;
  stepBytes?: number;
  /** Collect the cells of these columns too (`flagdeck inspect`). */
  assets?: AssetCellsCollector;
  /** Audit the records too (`flagdeck inspect`). */
  audit?: RecordAuditCollector;
  /**
   * Leave the rows' flag reason, username and timestamp out of the index: `flagdeck inspect
   * --no-cache` reports none of them and drops the index (7-10 % of its time on a 1M-row log).
   * Their columns are not written (ScanJob.rolesLeftOut): such an index serves no query.
   */
  withoutRoles?: boolean;
}

/** The roles a pass's scan reads into the index, and whether it leaves their columns out. */
export function scannedRoles(
  log: LogIndex,
  pass: { withoutRoles?: boolean },
): Pick<ScanJob, 'roles' | 'rolesLeftOut'> {
  return pass.withoutRoles === true ? { roles: {}, rolesLeftOut: true } : { roles: log.shape.roles };
}

/** Indexes the log's records from `log.indexedEnd` on. Returns the number of rows added. */
export async function indexLog(log: LogIndex, interners: SharedInterners, pass: IndexPass): Promise<number> {
  if (log.source) return indexWithSource(log, log.source, interners, pass.final);
  const before = log.count;
  const handle = await open(log.path, 'r');
  try {
    const size = (await handle.stat()).size;
    log.size = size;
    const until = Math.min(pass.until ?? size, size);
    let step = pass.stepBytes ?? STEP_BYTES;
    while (log.indexedEnd < until) {
      const to = Math.min(log.indexedEnd + step, until);
      const final = pass.final && to === size;
      const result = hostScanner(to - log.indexedEnd)({
        fd: handle.fd,
        quote: log.shape.dialect.quote.charCodeAt(0),
        newline: newlineByte(log.shape.dialect),
        from: log.indexedEnd,
        to,
        final,
        state: log.scanState,
        ...scannedRoles(log, pass),
        chunkBytes: step,
        ...(pass.assets ? { assets: pass.assets.job } : {}),
        ...(pass.audit ? { audit: pass.audit.job } : {}),
      });
      if (result.assetCells) pass.assets?.take(result.assetCells);
      if (result.end === log.indexedEnd && to === until) break;
      // A record longer than the step: read a wider window next time.
      if (result.count === 0) step *= 2;
      if (result.audit) pass.audit?.take(result.audit, log.count, 0);
      applyScan(log, result, interners);
      if (pass.onChunk) await pass.onChunk(log);
    }
  } finally {
    await handle.close();
  }
  return log.count - before;
}
