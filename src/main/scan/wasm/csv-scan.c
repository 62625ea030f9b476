// csv-scan.ts's scanCsv, record for record, compiled to WebAssembly (scripts/build-wasm.mjs).
// The byte walk is most of what an index costs: here 16 bytes are looked at in one step, and the
// code runs at full speed from its first record, where the JS walk ran cold for a 100k-row log.
// It scans a copy of the caller's bytes in `area` (offsets it reports are the caller's: `base`
// plus the position in the copy) and stops after each record so that JS can take it.
// csv-scan.ts holds the rules and the reasons for them; this file follows its statements in
// order, and tests/unit/scan/csv-scan-wasm.test.ts checks both on the same bytes.
#include <wasm_simd128.h>

#include "scan-area.h"

// Fields per record; a wider record makes the caller scan the rest in JS.
#define MAX_FIELDS 65536

_Static_assert(AREA_BYTES < 8388609, "a record refused as too large never fits in the area");

// 8-byte aligned: merge-distinct.ts merges hashes (doubles) here between scans.
_Alignas(8) uint8_t area[AREA_BYTES + 16];
int32_t starts[MAX_FIELDS];
int32_t ends[MAX_FIELDS];
// What step() reports: a record (start, end, line, count, unclosed, stray), or where it stopped
// (STOP, LINE).
int32_t report[REPORT_SIZE];

int32_t limit, base, quote;
v128_t every_lane[256];
static int32_t p, final, newline, line;

EXPORT(area_ptr) uint8_t *area_ptr(void) { return area; }
EXPORT(area_bytes) uint32_t area_bytes(void) { return AREA_BYTES; }
EXPORT(starts_ptr) int32_t *starts_ptr(void) { return starts; }
EXPORT(ends_ptr) int32_t *ends_ptr(void) { return ends; }
EXPORT(max_fields) uint32_t max_fields(void) { return MAX_FIELDS; }
EXPORT(report_ptr) int32_t *report_ptr(void) { return report; }

/** Starts a scan of `area[0, length)`, which holds the caller's bytes from offset `from`. */
EXPORT(begin)
void begin(int32_t length, int32_t from, int32_t quote_byte, int32_t is_final, int32_t newline_byte,
           int32_t first_line) {
  if (!wasm_i8x16_extract_lane(every_lane[255], 0))
    for (int32_t c = 0; c < 256; c++) every_lane[c] = wasm_i8x16_splat((int8_t)c);
  limit = length;
  p = 0;
  base = from;
  quote = quote_byte;
  final = is_final;
  newline = newline_byte;
  line = first_line;
}

static int32_t delimiter_length(int32_t at) {
  uint8_t c = area[at];
  if (newline == 13) return c == 13 ? 1 : 0;
  if (c == 10) return 1;
  if (c != 13) return 0;
  if (at + 1 >= limit) return final ? 0 : -1;
  return area[at + 1] == 10 ? 2 : 0;
}

/**
 * The first quote at or after `at` that is not the first of a doubled quote (or `limit`), counting
 * the newline bytes before it: step()'s loop over a quoted field would skip each `""` and look
 * again, and a JSON cell holds one every few bytes. A quote whose next byte is past `limit` is
 * returned, for step() to judge.
 */
static int32_t next_quote(int32_t at) {
  v128_t quotes = every_lane[quote & 255];
  v128_t newlines = every_lane[newline & 255];
  while (at + 16 <= limit) {
    v128_t bytes = wasm_v128_load(area + at);
    uint32_t q = wasm_i8x16_bitmask(wasm_i8x16_eq(bytes, quotes));
    uint32_t n = wasm_i8x16_bitmask(wasm_i8x16_eq(bytes, newlines));
    // Most blocks of a JSON cell hold doubled quotes only, in runs of two: a quote with none on
    // either side is then the one sought, found without a step per pair. A run of three or more,
    // or a quote in the block's last byte (its pair may be in the next), takes the steps below.
    if (!(q & 0x8000) && !(q & (q >> 1) & (q >> 2))) {
      uint32_t lone = q & ~(q << 1) & ~(q >> 1);
      if (lone) {
        int32_t bit = __builtin_ctz(lone);
        line += __builtin_popcount(n & ((1u << bit) - 1));
        return at + bit;
      }
      line += __builtin_popcount(n);
      at += 16;
      continue;
    }
    int32_t next_block = at + 16;
    while (q) {
      int32_t bit = __builtin_ctz(q);
      int32_t found = at + bit;
      if (found + 1 >= limit || area[found + 1] != quote) {
        line += __builtin_popcount(n & ((1u << bit) - 1));
        return found;
      }
      // A doubled quote: both are text. Its second quote may open the next block.
      q &= ~(3u << bit);
      if (found + 2 > next_block) next_block = found + 2;
    }
    line += __builtin_popcount(n);
    at = next_block;
  }
  while (at < limit) {
    if (area[at] == quote) {
      if (at + 1 >= limit || area[at + 1] != quote) return at;
      at += 2;
      continue;
    }
    if (area[at] == newline) line++;
    at++;
  }
  return at;
}

/** The first `,` `\r` `\n` or quote at or after `at` (or `limit`). */
static int32_t next_special(int32_t at) {
  v128_t quotes = every_lane[quote & 255];
  v128_t commas = every_lane[44];
  v128_t lfs = every_lane[10];
  v128_t crs = every_lane[13];
  while (at + 16 <= limit) {
    v128_t bytes = wasm_v128_load(area + at);
    v128_t hits = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(bytes, quotes), wasm_i8x16_eq(bytes, commas)),
                               wasm_v128_or(wasm_i8x16_eq(bytes, lfs), wasm_i8x16_eq(bytes, crs)));
    uint32_t mask = wasm_i8x16_bitmask(hits);
    if (mask) return at + __builtin_ctz(mask);
    at += 16;
  }
  while (at < limit) {
    uint8_t c = area[at];
    if (c == 44 || c == 10 || c == 13 || c == quote) break;
    at++;
  }
  return at;
}

static int32_t stop_at(int32_t at, int32_t at_line) {
  p = limit;
  line = at_line;
  report[STOP] = base + at;
  report[LINE] = at_line;
  return 0;
}

static int32_t record(int32_t start, int32_t end, int32_t at_line, int32_t count, int32_t unclosed, int32_t stray) {
  report[R_START] = base + start;
  report[R_END] = base + end;
  report[R_LINE] = at_line;
  report[R_COUNT] = count;
  report[R_UNCLOSED] = unclosed;
  report[R_STRAY] = stray;
  return 1;
}

/**
 * Scans on to the next record: 1 when one is in `report` (its fields in starts / ends), 0 when
 * the scan stopped (STOP, LINE), 2 when a record has more than MAX_FIELDS fields (STOP, LINE: where
 * it starts, for the caller to scan from there).
 */
EXPORT(step) int32_t step(void) {
  while (p < limit) {
    int32_t record_start = p;
    int32_t record_line = line;
    int32_t count = 0;
    int32_t record_end = -1;
    int32_t unclosed = 0;
    int32_t need_more = 0;
    int32_t literal = -1;
    int32_t nul_after_quote = 0;
    while (record_end < 0) {
      if (count == MAX_FIELDS) {
        p = limit;
        report[STOP] = base + record_start;
        report[LINE] = record_line;
        return 2;
      }
      int32_t field_start = p;
      int32_t field_end = -1;
      int32_t raw = 1;
      if (p < limit && area[p] == quote) {
        raw = 0;
        p++;
        for (;;) {
          p = next_quote(p);
          if (p >= limit) {
            if (final) unclosed = 1;
            else need_more = 1;
            break;
          }
          if (p + 1 >= limit) {
            if (!final) need_more = 1;
            else field_end = record_end = p = limit;
            break;
          }
          uint8_t next = area[p + 1];
          if (next == quote) {
            p += 2;
            continue;
          }
          p++;
          if (next == 44) {
            field_end = p;
            p++;
            break;
          }
          if (next == 0) {
            nul_after_quote = 1;
            raw = 1;
            break;
          }
          int32_t length = delimiter_length(p);
          if (length == -1) {
            need_more = 1;
            break;
          }
          if (length > 0) {
            field_end = p;
            record_end = p + length;
            line++;
            break;
          }
          if (literal == -1) literal = count;
          raw = 1;
          break;
        }
      }
      if (raw && !need_more && !unclosed && field_end < 0) {
        for (;;) {
          p = next_special(p);
          if (p >= limit) {
            if (!final) need_more = 1;
            else field_end = record_end = limit;
            break;
          }
          uint8_t c = area[p];
          if (c == 44) {
            field_end = p;
            p++;
            break;
          }
          if (c == quote && literal == -1) literal = -2;
          if (c == 10 || c == 13) {
            int32_t length = delimiter_length(p);
            if (length == -1) {
              need_more = 1;
              break;
            }
            if (length > 0) {
              line++;
              field_end = p;
              record_end = p + length;
              break;
            }
          }
          p++;
        }
      }
      if (need_more || unclosed) break;
      starts[count] = base + field_start;
      ends[count] = base + field_end;
      count++;
    }
    if (need_more) return stop_at(record_start, record_line);
    if (!unclosed && literal >= 0) {
      int32_t delimiter = record_end - (ends[count - 1] - base);
      for (int32_t i = starts[literal] - base; i < ends[literal] - base; i++) {
        if (area[i] == 10 || area[i] == 13) {
          unclosed = 1;
          count = literal;
          break;
        }
      }
      int32_t lookahead = newline == 13 ? 1 : delimiter == 2 ? 1 : 2;
      if (unclosed && !final && limit < record_end + lookahead) return stop_at(record_start, record_line);
    }
    if (unclosed) {
      int32_t next = record_start;
      while (next < limit && area[next] != newline) next++;
      p = next < limit ? next + 1 : limit;
      line = record_line + 1;
      return record(record_start, p, record_line, count, 1, -1);
    }
    p = record_end;
    if (count == 1 && ends[0] - base == record_start && record_end > record_start) continue;
    int32_t stray = literal >= 0 ? literal : literal == -2 || nul_after_quote ? -2 : -1;
    return record(record_start, record_end, record_line, count, 0, stray);
  }
  report[STOP] = base + p;
  report[LINE] = line;
  return 0;
}
