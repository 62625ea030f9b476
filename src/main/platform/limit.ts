// A concurrency limit: at most `max` tasks run at once, the rest wait in order. Thumbnails are
// CPU-heavy (a grid asking for hundreds at once must not starve the API on two cores), and a
// folder of thousands of logs is opened a few dozen at a time.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(max: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
  const next = (): void => {
    const wake = waiting.shift();
    if (wake) wake();
    else running -= 1;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      next();
    }
  };
}
