// Counts of a selection by status, current reason, log and username (the sidebar's facets).
import type { Facets } from '../../shared/api';
import type { SharedInterners } from '../log-index/apply-scan';
import type { Selection } from '../query/query';
import { SLOT } from '../query/row-refs';
import { STATUSES } from '../query/review-overlay';

function byCount(counts: Map<number, number>): [number, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]);
}

export function facetsOf({ logs, refs }: Selection, interners: SharedInterners): Facets {
  const byStatus: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const reasons = new Map<number, number>();
  const users = new Map<number, number>();
  const perLog = new Uint32Array(logs.length);
  for (let i = 0; i < refs.length; i++) {
    const slot = Math.floor(refs[i] / SLOT);
    const row = refs[i] % SLOT;
    const { log, overlay } = logs[slot];
    perLog[slot]++;
    byStatus[STATUSES[overlay.status(row)]]++;
    const reason = overlay.reason(row, log.reasons[row]);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    users.set(log.usernames[row], (users.get(log.usernames[row]) ?? 0) + 1);
  }
  return {
    total: refs.length,
    byStatus,
    byReason: byCount(reasons).map(([code, count]) => ({
      reason: interners.reasons.valueOf(code),
      count,
    })),
    byLog: logs.map((q, slot) => ({ key: q.key, count: perLog[slot] })).filter((l) => l.count > 0),
    byUsername: byCount(users).map(([code, count]) => ({
      username: interners.usernames.valueOf(code),
      count,
    })),
  };
}
