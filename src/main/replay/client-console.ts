// @gradio/client 2.7.0 prints on stderr what a replay reports itself, in its own words, per sample:
// - after `job.cancel()` (a timeout, Cancel) it keeps listening for the call; when Gradio closes the
//   cancelled event with no output data, its handle_payload throws and it prints "Unexpected client
//   exception TypeError: ... (reading '0')";
// - when the connection breaks, or `client.close()` aborts it while cancelled calls are still
//   registered, it prints the AbortError and "Unexpected error Connection errored out." once per
//   call (the call itself fails with that message, which replay retries or reports);
// - when a cancelled call's stream closes without a message, "Unexpected error" with an empty one
//   (seen with five timed-out calls at once): an unexpected_error is always a call's own status.
// Those messages, recognised by their exact shape, are dropped; anything else goes through.
const filters = new WeakSet<typeof console.error>();

/** Wraps the current console.error (once; again only if something replaced it since). */
export function quietClientConsole(): void {
  if (filters.has(console.error)) return;
  const print = console.error;
  const filtered = (...args: unknown[]): void => {
    if (!isClientEcho(args)) print.apply(console, args);
  };
  filters.add(filtered);
  console.error = filtered;
}

function isClientEcho(args: unknown[]): boolean {
  const [first, second] = args;
  if (first === 'Unexpected client exception') {
    return second instanceof TypeError && (second.stack ?? '').includes('handle_payload');
  }
  if (first === 'Unexpected error')
    return args.length === 2 && (second === undefined || typeof second === 'string');
  return args.length === 1 && first instanceof DOMException && first.name === 'AbortError';
}
