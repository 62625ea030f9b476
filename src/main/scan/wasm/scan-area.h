// What the byte scanner (csv-scan.c) shares with the asset census (asset-census.c): the copy of
// the caller's bytes being scanned, and the fields of the record last reported.
#include <stdint.h>
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))
// For the helpers of a hot function: V8 compiled census() with all of them inlined into one body
// 1.6 times slower than with each a function of its own (measured on the 1M-row log's first 2 MB).
#define NOINLINE __attribute__((noinline))

// 2 MiB: a range's reads are 1 MiB. Larger slices are scanned by csv-scan.ts, and so is any
// record over 8 MiB (the reader's max_record_size), which cannot fit here.
#define AREA_BYTES (2u << 20)

// 16 bytes more than AREA_BYTES: a 16-byte step may look past the end.
extern uint8_t area[AREA_BYTES + 16];
/** Field bounds of the record last reported, as the caller's offsets (`base` plus a position). */
extern int32_t starts[], ends[];
/** The bytes in `area`, where they start in the caller's buffer, and the quote byte. */
extern int32_t limit, base, quote;

// Each byte value in every lane of a vector, filled by the first begin() (the census judges only
// records step() found): V8 makes a constant vector again at each use in a loop (three
// instructions a block), where one read from memory stays in a register.
extern v128_t every_lane[256];

// csv-scan.c's walk: step() scans to the next record and reports it here.
enum { R_START, R_END, R_LINE, R_COUNT, R_UNCLOSED, R_STRAY, STOP, LINE, REPORT_SIZE };
extern int32_t report[REPORT_SIZE];
int32_t step(void);

// asset-census.c's judgement of the record last reported, per job column.
extern uint8_t verdicts[];
extern double hashes[];
void census(int32_t count);
/** The end of the memory asset-census.c holds past the statics (its names and their table). */
uintptr_t census_heap_end(void);
