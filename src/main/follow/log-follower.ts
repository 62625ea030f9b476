// Turns unreliable change notifications into "every complete row, exactly once": each reported change reads to
// the end of the file, then a trailing re-check follows a short quiet period (chokidar drops a
// `change` that follows another within 50 ms and sends no trailing one). A tail without its line
// terminator is only read once the file has stayed the same size for `finalQuietMs`, and still has
// that size when it is read (the writer may have started again since it was last looked at).

export interface FollowCheck {
  /** Bytes past the last complete record remain. */
  pendingTail: boolean;
  size: number;
}

export interface FollowTiming {
  /** Re-check this long after the last reported change or check. */
  recheckMs: number;
  /** Read an unterminated tail once the size has not changed for this long. */
  finalQuietMs: number;
}

export const DEFAULT_TIMING: FollowTiming = { recheckMs: 120, finalQuietMs: 1500 };

export class LogFollower {
  private running: Promise<void> | null = null;
  private queued: 'change' | 'poll' | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastSize = -1;
  private sizeSince = 0;
  private closed = false;

  constructor(
    /** `quietSize`: the size the file has kept for `finalQuietMs`, if it has (see refreshLog). */
    private readonly check: (quietSize: number | undefined) => Promise<FollowCheck>,
    private readonly onError: (error: unknown) => void,
    private readonly timing: FollowTiming = DEFAULT_TIMING,
  ) {}

  /** A change was reported: check now (or right after the check under way), and once more later. */
  changeReported(): void {
    this.start('change');
  }

  /** A routine look (periodic safety net): check, and keep checking only if something changed. */
  poll(): void {
    this.start('poll');
  }

  /** Resolves when no check is running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private start(trigger: 'change' | 'poll'): void {
    if (this.closed) return;
    if (this.running) {
      if (this.queued !== 'change') this.queued = trigger;
      return;
    }
    this.running = this.run(trigger).finally(() => {
      this.running = null;
      const next = this.queued;
      this.queued = null;
      if (next) this.start(next);
    });
  }

  private async run(trigger: 'change' | 'poll'): Promise<void> {
    let again = trigger === 'change';
    let pendingTail = false;
    try {
      const quiet = this.lastSize >= 0 && Date.now() - this.sizeSince >= this.timing.finalQuietMs;
      const result = await this.check(quiet ? this.lastSize : undefined);
      if (result.size !== this.lastSize) {
        this.lastSize = result.size;
        this.sizeSince = Date.now();
        again = true;
      }
      pendingTail = result.pendingTail;
    } catch (error) {
      this.onError(error);
    }
    if (again || pendingTail) this.schedule(pendingTail);
  }

  private schedule(pendingTail: boolean): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const untilQuiet = this.sizeSince + this.timing.finalQuietMs - Date.now();
    const wait = pendingTail ? Math.max(this.timing.recheckMs, untilQuiet) : this.timing.recheckMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.poll();
    }, wait);
    this.timer.unref();
  }
}
