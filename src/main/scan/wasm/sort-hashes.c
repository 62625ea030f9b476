// The census's missing hashes (integers below 2^53) sorted in WebAssembly, in memory past the
// census's own (sort_reserve), where JS copies a range's list. refHashes are uniform: one pass
// puts them in 4,096 buckets by their top bits, in place, and each bucket (a hundred-odd hashes,
// in cache) is spread by its next 8 bits and put back by an insertion sort (few moves then), or
// heap-sorted when it is large or crowded (hashes that are not uniform). The bucketing pass in JS
// (sort-hashes.ts, kept where WebAssembly is not there) took 24-34 ms of a thread's 500,000 hashes
// on the bench's 1M-row log, the tail each thread runs after its scan.
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
static uint32_t bucket_of(uint64_t value) {
  uint64_t bucket = value >> BUCKET_SHIFT;
  return bucket < LAST_BUCKET ? (uint32_t)bucket : LAST_BUCKET;
}

static double *sort_list;
static uint32_t bucket_start[LAST_BUCKET + 2], next_free[LAST_BUCKET + 1];

/**
 * Room for `count` hashes past the census's memory, the memory grown when needed (which replaces
 * its ArrayBuffer: JS makes its views again), and a sort begun (no bucket counted yet): where JS
 * writes them for sort_part, or 0.
 */
EXPORT(sort_reserve) double *sort_reserve(uint32_t count) {
  uintptr_t start = (census_heap_end() + 7) & ~(uintptr_t)7;
  if (count > (UINTPTR_MAX - start) / 8) return 0;
  uintptr_t end = start + (uintptr_t)count * 8;
  uintptr_t have = __builtin_wasm_memory_size(0) * 65536;
  if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (uintptr_t)-1) return 0;
  for (uint32_t b = 0; b <= LAST_BUCKET + 1; b++) bucket_start[b] = 0;
  sort_list = (double *)start;
  return sort_list;
}

enum { COUNT, PLACE, SPREAD, SORT };

/** Phase COUNT of sort_part: hashes [from, to) as integers (the same 8 bytes), counted by bucket. */
static void count_buckets(uint64_t *list, const double *values, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; i++) {
    list[i] = (uint64_t)values[i];
    bucket_start[bucket_of(list[i]) + 1]++;
  }
}

/** Phase SPREAD: fills buckets [from, to), each hash moved straight to its bucket's next free place. */
static void spread_buckets(uint64_t *list, uint32_t from, uint32_t to) {
  for (uint32_t b = from; b < to; b++) {
    while (next_free[b] < bucket_start[b + 1]) {
      uint64_t value = list[next_free[b]];
      for (uint32_t home = bucket_of(value); home != b; home = bucket_of(value)) {
        uint32_t at = next_free[home]++;
        uint64_t displaced = list[at];
        list[at] = value;
        value = displaced;
      }
      list[next_free[b]++] = value;
    }
  }
}

/**
 * One part of the sort of the hashes JS wrote at sort_reserve(): COUNT hashes [from, to), once
 * all of them PLACE (where each bucket starts), then SPREAD and SORT buckets [from, to) (SORT
 * turns them back into doubles). JS calls it in parts, as V8 runs a call begun in its baseline
 * code to its end there: the parts after the first few run optimized (one long call took 42 ms on
 * half a million hashes, in parts 16).
 */
EXPORT(sort_part) void sort_part(uint32_t phase, uint32_t from, uint32_t to) {
  uint64_t *list = (uint64_t *)sort_list;
  if (phase == COUNT) count_buckets(list, sort_list, from, to);
  else if (phase == PLACE) {
    for (uint32_t b = 0; b <= LAST_BUCKET; b++) {
      bucket_start[b + 1] += bucket_start[b];
      next_free[b] = bucket_start[b];
    }
  } else if (phase == SPREAD) spread_buckets(list, from, to);
  else
    for (uint32_t b = from; b < to; b++) {
      uint32_t first = bucket_start[b], count = bucket_start[b + 1] - first;
      sort_bucket(list + first, count);
      for (uint32_t i = first; i < first + count; i++) sort_list[i] = (double)list[i];
    }
}

/** How many buckets sort_part spreads and sorts. */
EXPORT(sort_buckets) uint32_t sort_buckets(void) { return LAST_BUCKET + 1; }

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
