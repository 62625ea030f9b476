// What @gradio/client prints of a call that replay reports itself is dropped from stderr, by its
// exact shape; every other message still reaches the console.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { quietClientConsole } from '../../../src/main/replay/client-console';

const original = console.error;
afterEach(() => {
  console.error = original;
});

function printed(...args: unknown[]): unknown[][] {
  const seen = vi.fn();
  console.error = seen;
  quietClientConsole();
  console.error(...args);
  return seen.mock.calls;
}

function handlePayloadError(): TypeError {
  const error = new TypeError("Cannot read properties of undefined (reading '0')");
  error.stack = `TypeError: ${error.message}\n    at handle_payload (client.js:1:1)`;
  return error;
}

describe('quietClientConsole', () => {
  it("drops the client's echoes of a call's own failure", () => {
    expect(printed('Unexpected error', 'Connection errored out.')).toEqual([]);
    expect(printed('Unexpected error', '')).toEqual([]);
    expect(printed('Unexpected error', undefined)).toEqual([]);
    expect(printed(new DOMException('This operation was aborted', 'AbortError'))).toEqual([]);
    expect(printed('Unexpected client exception', handlePayloadError())).toEqual([]);
  });

  it('lets every other message through', () => {
    expect(printed('Unexpected error', { detail: 'x' })).toHaveLength(1);
    expect(printed('Unexpected client exception', new TypeError('elsewhere'))).toHaveLength(1);
    expect(printed('flagdeck replay: the app is gone')).toHaveLength(1);
    expect(printed(new DOMException('quota', 'QuotaExceededError'))).toHaveLength(1);
  });
});
