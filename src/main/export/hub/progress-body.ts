// A Blob body streamed in chunks that reports the fraction sent, so an LFS PUT shows byte-level
// progress in Node (which has no XMLHttpRequest upload events).

export function countingStream(
  blob: Blob,
  onFraction: (fraction: number) => void,
): ReadableStream<Uint8Array> {
  const total = blob.size;
  let sent = 0;
  return blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (total > 0) onFraction(Math.min(1, sent / total));
      },
    }),
  );
}
