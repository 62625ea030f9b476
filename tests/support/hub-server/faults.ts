// Fault injection for tests: a rule matches requests by method and path, may let the first few
// through, then acts a number of times: answer with a status (500, 429 + Retry-After…), drop the
// connection mid-body, lose the answer of a request it handled, delay, or run a side effect (another client committing) before going on.
import type { IncomingMessage } from 'node:http';

export type FaultAction =
  | { kind: 'status'; status: number; retryAfter?: number; message?: string }
  | { kind: 'drop' }
  /** Handle the request (a commit lands), then drop the connection instead of answering. */
  | { kind: 'loseAnswer' }
  | { kind: 'delay'; ms: number }
  | { kind: 'before'; run: () => void | Promise<void> };

export interface FaultRule {
  method?: string;
  /** Matched against the path without the query string. */
  path: RegExp;
  /** Requests to let through before acting (default 0). */
  skip?: number;
  /** How many matching requests to act on (default 1; Infinity for all). */
  times?: number;
  action: FaultAction;
}

interface LiveRule extends FaultRule {
  seen: number;
  acted: number;
}

export class Faults {
  private rules: LiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0, acted: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The actions for this request, in the order the rules were added. */
  take(req: IncomingMessage, path: string): FaultAction[] {
    const actions: FaultAction[] = [];
    for (const rule of this.rules) {
      if (rule.method && rule.method !== req.method) continue;
      if (!rule.path.test(path)) continue;
      rule.seen += 1;
      if (rule.seen <= (rule.skip ?? 0) || rule.acted >= (rule.times ?? 1)) continue;
      rule.acted += 1;
      actions.push(rule.action);
    }
    return actions;
  }
}
