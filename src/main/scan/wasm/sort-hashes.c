// The census's missing hashes (integers below 2^53) in WebAssembly, in `area`, the scanner's copy
// of the bytes, free between ranges. sort_grouped sorts them bucket by bucket once sort-hashes.ts
// has put them in buckets by their top bits: there, each bucket (a hundred-odd hashes, in cache)
// took a call of the native sort, 20 of a thread's 35 ms on the bench's 1M-row log, in code run
// once and cold. Here each bucket is spread by its next 8 bits and put back by an insertion sort
// (few moves then), or heap-sorted when it is large or crowded (hashes that are not uniform).
// merge_distinct merges two threads' sorted lists without repeats (merge-distinct.ts).
#include <stdint.h>
#include "scan-area.h"

#define BUCKET_SHIFT 41
#define LAST_BUCKET 4095
#define SUB_SHIFT 33
// Buckets up to this size are spread through `scratch`; a sub-bucket past SUB_MAX means crowded.
#define SCRATCH 1024
#define SUB_MAX 24

static uint32_t sub_start[257];
static uint64_t scratch[SCRATCH];

static void insertion_sort(uint64_t *list, uint32_t count) {
  for (uint32_t i = 1; i < count; i++) {
    uint64_t value = list[i];
    uint32_t j = i;
    for (; j > 0 && list[j - 1] > value; j--) list[j] = list[j - 1];
    list[j] = value;
  }
}

static void sift_down(uint64_t *list, uint32_t at, uint32_t count) {
  uint64_t value = list[at];
  for (uint32_t child = 2 * at + 1; child < count; child = 2 * at + 1) {
    if (child + 1 < count && list[child + 1] > list[child]) child++;
    if (list[child] <= value) break;
    list[at] = list[child];
    at = child;
  }
  list[at] = value;
}

static void heap_sort(uint64_t *list, uint32_t count) {
  for (uint32_t i = count / 2; i-- > 0;) sift_down(list, i, count);
  for (uint32_t last = count; last-- > 1;) {
    uint64_t top = list[0];
    list[0] = list[last];
    list[last] = top;
    sift_down(list, 0, last);
  }
}

/** A bucket's hashes, sorted: spread by their next 8 bits, then put back in order. */
static void sort_bucket(uint64_t *list, uint32_t count) {
  if (count <= 16) return insertion_sort(list, count);
  if (count > SCRATCH) return heap_sort(list, count);
  for (uint32_t s = 0; s <= 256; s++) sub_start[s] = 0;
  for (uint32_t i = 0; i < count; i++) sub_start[((list[i] >> SUB_SHIFT) & 255) + 1]++;
  for (uint32_t s = 0; s < 256; s++) {
    if (sub_start[s + 1] > SUB_MAX) return heap_sort(list, count);
    sub_start[s + 1] += sub_start[s];
  }
  for (uint32_t i = 0; i < count; i++) scratch[sub_start[(list[i] >> SUB_SHIFT) & 255]++] = list[i];
  for (uint32_t i = 0; i < count; i++) list[i] = scratch[i];
  insertion_sort(list, count);
}

/** sort-hashes.ts's bucket of a hash: its top bits (past 2^53, which refHash never gives, the last). */
static uint64_t bucket_of(uint64_t value) {
  uint64_t bucket = value >> BUCKET_SHIFT;
  return bucket < LAST_BUCKET ? bucket : LAST_BUCKET;
}

/**
 * Sorts the `count` hashes JS wrote at the start of `area`, which come grouped by their top bits
 * (sort-hashes.ts), each group in place.
 */
EXPORT(sort_grouped) void sort_grouped(uint32_t count) {
  uint64_t *list = (uint64_t *)area;
  double *values = (double *)area;
  // As integers (the same 8 bytes): what they are, and quicker to compare and to split by bits.
  for (uint32_t i = 0; i < count; i++) list[i] = (uint64_t)values[i];
  for (uint32_t start = 0; start < count;) {
    uint64_t bucket = bucket_of(list[start]);
    uint32_t end = start + 1;
    while (end < count && bucket_of(list[end]) == bucket) end++;
    sort_bucket(list + start, end - start);
    start = end;
  }
  for (uint32_t i = 0; i < count; i++) values[i] = (double)list[i];
}

/**
 * merge-distinct.ts: the sorted hashes a = area[0, na) and b = area[na, na + nb) (doubles), merged
 * into area[na + nb, ...) without repeats: how many there, or -1 when an input is not sorted.
 */
EXPORT(merge_distinct) int32_t merge_distinct(uint32_t na, uint32_t nb) {
  const double *a = (const double *)area, *b = a + na;
  double *out = (double *)area + na + nb;
  for (uint32_t i = 1; i < na; i++)
    if (!(a[i] >= a[i - 1])) return -1;
  for (uint32_t j = 1; j < nb; j++)
    if (!(b[j] >= b[j - 1])) return -1;
  uint32_t i = 0, j = 0, k = 0;
  // Written every step, kept (k moves on) only when new: no branch on which list is ahead.
  while (i < na && j < nb) {
    double x = a[i], y = b[j];
    double value = x <= y ? x : y;
    i += x <= y;
    j += y <= x;
    out[k] = value;
    k += k == 0 || out[k - 1] != value;
  }
  for (; i < na; i++) {
    out[k] = a[i];
    k += k == 0 || out[k - 1] != a[i];
  }
  for (; j < nb; j++) {
    out[k] = b[j];
    k += k == 0 || out[k - 1] != b[j];
  }
  return (int32_t)k;
}
