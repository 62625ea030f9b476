// The memory a column ranking works in (keys, hashes, buckets, orders: 30 bytes a row), kept from
// one ranking to the next instead of allocated anew: freed typed arrays wait for a collection, so
// a few rankings in a row would otherwise hold several working sets at once. Let go once unused
// for a while. A ranking that starts while another runs gets memory of its own.

const IDLE_MS = 30_000;

let kept: SharedArrayBuffer | null = null;
let busy = false;
let idle: NodeJS.Timeout | undefined;

export interface Working {
  buffer: SharedArrayBuffer;
  release(): void;
}

/** At least `bytes` of zeroed shared memory until `release()`. */
export function acquireWorking(bytes: number): Working {
  if (busy) return { buffer: new SharedArrayBuffer(bytes), release: () => undefined };
  busy = true;
  clearTimeout(idle);
  if (!kept || kept.byteLength < bytes) {
    kept = null;
    kept = new SharedArrayBuffer(bytes);
  } else new Uint8Array(kept, 0, bytes).fill(0);
  const buffer = kept;
  return {
    buffer,
    release: () => {
      busy = false;
      idle = setTimeout(() => {
        kept = null;
      }, IDLE_MS);
      idle.unref();
    },
  };
}
