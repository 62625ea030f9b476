// asset-cells.ts's assetCellsCollector, cell for cell, compiled with csv-scan.c (one module): it
// judges the cells of the record the scanner last reported, in the scanner's copy of the bytes.
// tests/unit/scan/census-wasm.test.ts checks both on the same logs.
#include <stdint.h>
#include <wasm_simd128.h>

#include "scan-area.h"

// The collector's job is written by JS into the arrays below, then census_configure() reads it.
// census() judges the current record's cells (the fields of the last record step() reported):
// per job column a verdict (0 nothing, 1 the cell goes back as text, 2 settled as missing, its
// refHash in `hashes`).

#define MAX_COLUMNS 4096
#define MAX_WORDS 256
#define WORD_BYTES 16
// Names beyond this many are judged in JS (their table would take more than 320 MB here).
#define MAX_NAMES (8u << 20)

static int32_t columns[MAX_COLUMNS];
static uint8_t loose[MAX_COLUMNS];
uint8_t verdicts[MAX_COLUMNS];
double hashes[MAX_COLUMNS];
// Extensions, then path keys: each a length byte and its bytes; JS writes them here.
static uint8_t words[MAX_WORDS * (WORD_BYTES + 1)];
// The folder's name hashes (as JS gives them), then their table: grown into at census_reserve().
static double *names_input;
static uint64_t *names_table;
static uintptr_t names_end;
extern uint8_t __heap_base;
static uint8_t unquoted[AREA_BYTES + 1];

static int32_t column_count, extension_count, key_count, digit_first, names_known;
static uint32_t names_mask;
static uint8_t extension_length[MAX_WORDS], key_length[MAX_WORDS];
// Each key's last (up to) four bytes as a little-endian word, and which of its bytes they fill: most
// keys are told apart from the text before a `:` by one compare, not a byte loop.
static uint32_t key_tail[MAX_WORDS], key_tail_mask[MAX_WORDS];
// key_end[last][before last]: whether some key ends with these two bytes (most `:` follow none),
// as a bit per the byte before them (its low 3 bits; every bit for a key of two bytes): a Label's
// `"confidences":` ends as `files` does, but not with `les`.
static uint8_t key_end[256][256];

/** Whether some key may end at `end` (exclusive), its first byte no earlier than `s`. */
static int32_t key_may_end(int32_t s, int32_t end) {
  if (end - s < 2) return 0;
  uint8_t ends = key_end[area[end - 1]][area[end - 2]];
  return end - s < 3 ? ends != 0 : (ends >> (area[end - 3] & 7)) & 1;
}
static const uint8_t *extension_text[MAX_WORDS], *key_text[MAX_WORDS];

EXPORT(columns_ptr) int32_t *columns_ptr(void) { return columns; }
EXPORT(loose_ptr) uint8_t *loose_ptr(void) { return loose; }
EXPORT(verdicts_ptr) uint8_t *verdicts_ptr(void) { return verdicts; }
EXPORT(hashes_ptr) double *hashes_ptr(void) { return hashes; }
EXPORT(words_ptr) uint8_t *words_ptr(void) { return words; }
EXPORT(max_columns) uint32_t max_columns(void) { return MAX_COLUMNS; }
EXPORT(max_words) uint32_t max_words(void) { return MAX_WORDS; }
EXPORT(word_bytes) uint32_t word_bytes(void) { return WORD_BYTES; }

static uint32_t table_size(uint32_t names) {
  uint32_t size = 1024;
  while (size < names * 2) size *= 2;
  return size;
}

/**
 * Room for `names` name hashes and their table, the memory grown when needed (which replaces
 * its ArrayBuffer: JS makes its views again): where JS writes the hashes, or 0 when too many.
 */
EXPORT(census_reserve) double *census_reserve(uint32_t names) {
  if (names > MAX_NAMES) return 0;
  uintptr_t start = ((uintptr_t)&__heap_base + 7) & ~(uintptr_t)7;
  uintptr_t end = start + (uintptr_t)names * 8 + (uintptr_t)table_size(names) * 8;
  uintptr_t have = __builtin_wasm_memory_size(0) * 65536;
  if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (uintptr_t)-1) return 0;
  names_input = (double *)start;
  names_table = (uint64_t *)(start + (uintptr_t)names * 8);
  names_end = end;
  return names_input;
}

/** Where the census's names end in memory: what is past it is free (sort-hashes.c's list). */
uintptr_t census_heap_end(void) { return names_end != 0 ? names_end : (uintptr_t)&__heap_base; }

static uint32_t name_slot(uint64_t key) { return (uint32_t)((key * 0x9E3779B97F4A7C15ull) >> 40) & names_mask; }

NOINLINE static int32_t has_name(double hash) {
  uint64_t key = (uint64_t)hash + 1;
  for (uint32_t slot = name_slot(key);; slot = (slot + 1) & names_mask) {
    if (names_table[slot] == key) return 1;
    if (names_table[slot] == 0) return 0;
  }
}

/**
 * Reads the job JS wrote: `columns` and `loose` (count entries), `words` (extensions, then keys,
 * each a length byte and its bytes), and the names at census_reserve(names) (or -1: not every name
 * is known).
 */
EXPORT(census_configure)
void census_configure(int32_t count, int32_t extensions, int32_t keys, int32_t names) {
  column_count = count;
  extension_count = extensions;
  key_count = keys;
  const uint8_t *word = words;
  digit_first = 0;
  for (int32_t i = 0; i < 256; i++)
    for (int32_t j = 0; j < 256; j++) key_end[i][j] = 0;
  for (int32_t i = 0; i < extensions + keys; i++) {
    uint8_t length = *word;
    if (i < extensions) {
      extension_length[i] = length;
      extension_text[i] = word + 1;
      if (length > 0 && word[1] <= 57) digit_first = 1;
    } else {
      key_length[i - extensions] = length;
      key_text[i - extensions] = word + 1;
      key_end[word[length]][word[length - 1]] |= length < 3 ? 0xFF : 1 << (word[length - 2] & 7);
      uint32_t tail = 0;
      int32_t tail_bytes = length < 4 ? length : 4;
      for (int32_t b = 0; b < tail_bytes; b++) tail |= (uint32_t)word[length - b] << (24 - 8 * b);
      key_tail[i - extensions] = tail;
      key_tail_mask[i - extensions] = 0xFFFFFFFFu << (8 * (4 - tail_bytes));
    }
    word += 1 + length;
  }
  names_known = names >= 0;
  if (!names_known) return;
  uint32_t size = table_size(names);
  names_mask = size - 1;
  for (uint32_t i = 0; i < size; i++) names_table[i] = 0;
  for (int32_t i = 0; i < names; i++) {
    uint64_t key = (uint64_t)names_input[i] + 1;
    uint32_t slot = name_slot(key);
    while (names_table[slot] != 0 && names_table[slot] != key) slot = (slot + 1) & names_mask;
    names_table[slot] = key;
  }
}

static int32_t is_alnum(uint8_t c) { return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }

/** The byte after `at`, as JS reads past a cell: 0 past what was copied. */
static uint8_t byte_after(int32_t at) { return at + 1 < limit ? area[at + 1] : 0; }

// refHash's two lanes (ref-hash.ts): a little-endian word of 4 bytes a step, then the last 0-3
// bytes as one word, then the length.
typedef struct {
  uint32_t a, b;
} Lanes;

static const Lanes LANES_START = {0x811c9dc5u, 0x050c5d1fu};

static inline void mix(Lanes *lanes, uint32_t word) {
  lanes->a = (lanes->a ^ word) * 0x9E3779B1u;
  lanes->a ^= lanes->a >> 15;
  lanes->b = (lanes->b ^ word) * 0x85EBCA77u;
  lanes->b ^= lanes->b >> 13;
}

static inline double lanes_hash(Lanes lanes, uint32_t tail, uint32_t length) {
  mix(&lanes, tail);
  mix(&lanes, length);
  return (double)lanes.a * 2097152.0 + (double)(lanes.b >> 11);
}

NOINLINE static double ref_hash(const uint8_t *bytes, int32_t start, int32_t end) {
  Lanes lanes = LANES_START;
  int32_t i = start;
  for (; i + 4 <= end; i += 4) {
    uint32_t word;
    __builtin_memcpy(&word, bytes + i, 4);
    mix(&lanes, word);
  }
  uint32_t tail = 0;
  for (int32_t shift = 0; i < end; i++, shift += 8) tail |= (uint32_t)bytes[i] << shift;
  return lanes_hash(lanes, tail, (uint32_t)(end - start));
}

/** ref_hash of bytes given one at a time. */
typedef struct {
  Lanes lanes;
  uint32_t word, count;
} Hasher;

static inline void put(Hasher *hasher, uint8_t c) {
  hasher->word |= (uint32_t)c << (8 * (hasher->count & 3));
  if ((++hasher->count & 3) == 0) {
    mix(&hasher->lanes, hasher->word);
    hasher->word = 0;
  }
}

/** The four bytes before `end` as a little-endian word (fewer, in its high bytes, near the area's start). */
static uint32_t word_before(int32_t end) {
  if (end >= 4) {
    uint32_t word;
    __builtin_memcpy(&word, area + end - 4, 4);
    return word;
  }
  uint32_t word = 0;
  for (int32_t b = 1; b <= end; b++) word |= (uint32_t)area[end - b] << (32 - 8 * b);
  return word;
}

NOINLINE static int32_t is_path_key_before(int32_t s, int32_t end) {
  if (!key_may_end(s, end)) return 0;
  uint32_t tail = word_before(end);
  for (int32_t k = 0; k < key_count; k++) {
    if ((tail & key_tail_mask[k]) != key_tail[k]) continue;
    int32_t length = key_length[k];
    int32_t start = end - length;
    if (start < s) continue;
    int32_t i = length - 1;
    while (i >= 0 && key_text[k][i] == area[start + i]) i--;
    uint8_t before = start > 0 ? area[start - 1] : 0;
    if (i < 0 && (start == s || !((before >= 97 && before <= 122) || before == 95))) return 1;
  }
  return 0;
}

NOINLINE static int32_t key_before(int32_t s, int32_t colon) {
  int32_t j = colon - 1;
  while (j > s && area[j] == 32) j--;
  if (area[j] != 34 && area[j] != 39) return 0;
  while (j > s && (area[j] == 34 || area[j] == 39)) j--;
  return is_path_key_before(s, j + 1);
}

NOINLINE static int32_t extension_at(int32_t dot, int32_t e) {
  if (dot + 1 >= e) return 0;
  if (!digit_first && area[dot + 1] <= 57) return 0;
  int32_t j = dot + 1;
  while (j < e && j - dot <= 9 && is_alnum(area[j])) j++;
  if (j == dot + 1 || (j < e && is_alnum(area[j]))) return 0;
  int32_t length = j - dot - 1;
  for (int32_t x = 0; x < extension_count; x++) {
    if (extension_length[x] != length) continue;
    int32_t i = 0;
    while (i < length) {
      uint8_t c = area[dot + 1 + i];
      if (c >= 65 && c <= 90) c |= 32;
      if (c != extension_text[x][i]) break;
      i++;
    }
    if (i == length) return 1;
  }
  return 0;
}

NOINLINE static double loose_hash(const uint8_t *bytes, int32_t s, int32_t e, double exact) {
  int32_t changed = 0;
  for (int32_t i = s; i < e && !changed; i++) {
    uint8_t c = bytes[i];
    changed = !((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c == 46 || c == 95 || c == 45 || c == 44);
  }
  if (!changed) return exact;
  Hasher hasher = {LANES_START, 0, 0};
  int32_t started = 0, spaces = 0;
  for (int32_t i = s; i < e; i++) {
    uint8_t c = bytes[i];
    if (c == 32) {
      if (started) spaces++;
      continue;
    }
    if (!(is_alnum(c) || c == 46 || c == 95 || c == 45 || c == 44)) continue;
    for (; spaces > 0; spaces--) put(&hasher, 32);
    started = 1;
    put(&hasher, c >= 65 && c <= 90 ? c | 32 : c);
  }
  return lanes_hash(hasher.lanes, hasher.word, hasher.count);
}

/** Whether the name bytes[s, e), whose refHash is `exact`, is in the folder as written or loosely. */
static int32_t name_in_folder(const uint8_t *bytes, int32_t s, int32_t e, double exact) {
  if (has_name(exact)) return 1;
  double loose = loose_hash(bytes, s, e, exact);
  // Most names are their own loose form (lower case, no spaces): looked up once.
  return loose != exact && has_name(loose);
}

/** csv-field.ts fieldBytes of area[start, end) (a quoted field) into `unquoted`; its length. */
static int32_t unquote(int32_t start, int32_t end, const uint8_t **value) {
  uint8_t *out = unquoted + 1;
  int32_t n = 0, p = start + 1, segment = p;
  while (p < end) {
    if (area[p] != quote) {
      p++;
      continue;
    }
    if (p + 1 < end && area[p + 1] == quote) {
      for (int32_t i = segment; i < p + 1; i++) out[n++] = area[i];
      p += 2;
      segment = p;
      continue;
    }
    break;
  }
  int32_t closed_at = p;
  for (int32_t i = segment; i < (closed_at < end ? closed_at : end); i++) out[n++] = area[i];
  *value = out;
  if (closed_at + 1 < end) {
    int32_t from = area[closed_at + 1] == 0 ? closed_at + 1 : closed_at;
    for (int32_t i = from; i < end; i++) out[n++] = area[i];
    if (from == closed_at) {
      unquoted[0] = (uint8_t)quote;
      *value = unquoted;
      n++;
    }
  }
  return n;
}

/** Whether the last segment of the plain path bytes[s, e) may be a name in the folder. */
static int32_t name_may_be_in_folder(const uint8_t *bytes, int32_t s, int32_t e) {
  int32_t cut = e - 1;
  while (cut >= s && bytes[cut] != 47 && bytes[cut] != 92) cut--;
  if (cut == e - 1 || bytes[e - 1] == 32) return 1;
  for (int32_t i = cut + 1; i < e; i++)
    if (bytes[i] < 32 || bytes[i] > 126) return 1;
  double exact = ref_hash(bytes, cut + 1, e);
  return name_in_folder(bytes, cut + 1, e, exact);
}

NOINLINE static int32_t may_be_in_folder(int32_t s, int32_t e) {
  if (!names_known) return 1;
  if (area[s] != quote) return name_may_be_in_folder(area, s, e);
  const uint8_t *value;
  int32_t length = unquote(s, e, &value);
  return name_may_be_in_folder(value, 0, length);
}

/** Which of the 16 bytes at `at` are `.` `/` `:` `\\` or `{` (`area` has room past its end). */
static uint32_t signs_at(int32_t at) {
  v128_t bytes = wasm_v128_load(area + at);
  v128_t hits = wasm_v128_or(
      wasm_v128_or(wasm_i8x16_eq(bytes, every_lane[46]), wasm_i8x16_eq(bytes, every_lane[47])),
      wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(bytes, every_lane[58]), wasm_i8x16_eq(bytes, every_lane[92])),
                   wasm_i8x16_eq(bytes, every_lane[123])));
  return wasm_i8x16_bitmask(hits);
}

/** asset-cells.ts looseCandidate: each sign's byte in order, 16 bytes looked at in one step. */
NOINLINE static int32_t loose_candidate(int32_t s, int32_t e) {
  int32_t separator = 0, brace = 0;
  for (int32_t at = s; at < e; at += 16) {
    uint32_t signs = signs_at(at);
    if (e - at < 16) signs &= (1u << (e - at)) - 1;
    for (; signs; signs &= signs - 1) {
      int32_t i = at + __builtin_ctz(signs);
      uint8_t c = area[i];
      if (c == 46) {
        // extension_at's first refusals, without a call: `0.5` and a `.` that ends the cell.
        if (i + 1 < e && (digit_first || area[i + 1] > 57) && extension_at(i, e)) return 1;
      } else if (c == 47 || (c == 92 && byte_after(i) != 34)) separator = 1;
      else if (c == 123) brace = 1;
      else if (c == 58 && brace) {
        // key_before's refusals without a call, as most keys are none of Gradio's: no quote
        // before the `:`, or no key ends with the bytes before that quote (key_may_end).
        int32_t j = i - 1;
        while (j > s && area[j] == 32) j--;
        if (area[j] != 34 && area[j] != 39) continue;
        while (j > s && (area[j] == 34 || area[j] == 39)) j--;
        if (key_may_end(s, j + 1) && key_before(s, i)) return 1;
      }
    }
  }
  return separator && may_be_in_folder(s, e);
}

/** Which of the 16 bytes at `at` equal `c`. */
static uint32_t bytes_equal(v128_t bytes, uint8_t c) { return wasm_i8x16_bitmask(wasm_i8x16_eq(bytes, every_lane[c])); }

/** The first `count` (0-16) of 16 bits. */
static uint32_t first_bits(int32_t count) { return count >= 16 ? 0xFFFFu : (1u << count) - 1; }

/**
 * refHash of a plain relative path area[s, e) whose file is nowhere in the folder, else -1. Its
 * rules are asset-cells.ts settledMissing's, looked at 16 bytes in one step: no byte outside
 * 32-126, no `..` inside it, no `:/`; the name after its last separator not in the folder.
 */
NOINLINE static double settled_missing(int32_t s, int32_t e) {
  if (!names_known || e - s > 1024) return -1;
  uint8_t first = area[s];
  if (first == quote || first == 39 || first == 91 || first == 123 || first == 40) return -1;
  if (first == 47 || first == 92 || first == 32 || area[e - 1] == 32 || byte_after(s) == 58) return -1;
  int32_t last_separator = -1;
  for (int32_t at = s; at < e; at += 16) {
    v128_t bytes = wasm_v128_load(area + at);
    v128_t next = wasm_v128_load(area + at + 1);
    uint32_t in_cell = first_bits(e - at);
    uint32_t odd =
        wasm_i8x16_bitmask(wasm_v128_or(wasm_u8x16_lt(bytes, every_lane[32]), wasm_u8x16_gt(bytes, every_lane[126])));
    if (odd & in_cell) return -1;
    // `..` and `:/` whose second byte is in the cell too (`:` at its end is looked at below).
    uint32_t pairs =
        (bytes_equal(bytes, 46) & bytes_equal(next, 46)) | (bytes_equal(bytes, 58) & bytes_equal(next, 47));
    if (pairs & first_bits(e - at - 1)) return -1;
    uint32_t separators = (bytes_equal(bytes, 47) | bytes_equal(bytes, 92)) & in_cell;
    if (separators) last_separator = at + 31 - __builtin_clz(separators);
  }
  if (area[e - 1] == 58 && byte_after(e - 1) == 47) return -1;
  if (last_separator < 0 || last_separator == e - 1) return -1;
  int32_t name_start = last_separator + 1;
  if (e - name_start == 1 && area[name_start] == 46) return -1;
  double exact = ref_hash(area, name_start, e);
  if (name_in_folder(area, name_start, e, exact)) return -1;
  return ref_hash(area, s, e);
}

/** Judges the cells of the record step() last reported, which has `count` fields. */
EXPORT(census) void census(int32_t count) {
  for (int32_t k = 0; k < column_count; k++) {
    int32_t column = columns[k];
    verdicts[k] = 0;
    if (column >= count) continue;
    int32_t s = starts[column] - base, e = ends[column] - base;
    if (s == e) continue;
    if (loose[k]) {
      verdicts[k] = loose_candidate(s, e) ? 1 : 0;
      continue;
    }
    double settled = settled_missing(s, e);
    verdicts[k] = settled >= 0 ? 2 : 1;
    hashes[k] = settled;
  }
}
