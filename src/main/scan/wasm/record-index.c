// The range scanner's per-record work (range-scanner.ts's onRecord) for the records that need no
// JS: their role cells interned by hash, their timestamp read, their row's columns written, their
// census judged and their audit unchanged, in batches that JS copies out. Any other record (a
// quote problem, a role value not seen yet or longer than 48 bytes, a quoted timestamp, a cell to
// keep as text, a cell past the census's columns, an audit event) is handed to JS, which runs
// onRecord on it and then tells index_learn() what it decided. range-scanner.ts holds the rules;
// tests/unit/scan/record-index-wasm.test.ts checks both on the same logs.
#include "scan-area.h"

#define BATCH 8192
#define MISSING_CAP 65536
// Role values up to this long are looked up by their bytes' hash (range-scanner.ts's intern).
#define SHORT_BYTES 48
#define TABLE 16384
#define POOL_BYTES (TABLE / 2 * SHORT_BYTES)

// A batch: per row, where its record starts in the file and how long it is, its line, its reason
// and username codes and its time (typed as the columns JS copies them into); the census's missing
// hashes in row order.
static double batch_start[BATCH], batch_time[BATCH];
static uint32_t batch_length[BATCH], batch_line[BATCH];
static int32_t batch_reason[BATCH], batch_user[BATCH];
static double batch_missing[MISSING_CAP];
enum { B_COUNT, B_MISSING, B_FEWEST, B_MOST, B_SIZE };
static int32_t batch[B_SIZE];

EXPORT(batch_ptr) int32_t *batch_ptr(void) { return batch; }
EXPORT(batch_start_ptr) double *batch_start_ptr(void) { return batch_start; }
EXPORT(batch_length_ptr) uint32_t *batch_length_ptr(void) { return batch_length; }
EXPORT(batch_line_ptr) uint32_t *batch_line_ptr(void) { return batch_line; }
EXPORT(batch_reason_ptr) int32_t *batch_reason_ptr(void) { return batch_reason; }
EXPORT(batch_user_ptr) int32_t *batch_user_ptr(void) { return batch_user; }
EXPORT(batch_time_ptr) double *batch_time_ptr(void) { return batch_time; }
EXPORT(batch_missing_ptr) double *batch_missing_ptr(void) { return batch_missing; }
EXPORT(batch_size) uint32_t batch_size(void) { return BATCH; }
EXPORT(missing_cap) uint32_t missing_cap(void) { return MISSING_CAP; }

// The job: role positions (-1: none), the roles' width (-1: none) and anchor (0 none, 1 'end',
// 2 'timestamp-end'), the census's columns (-1: no census here), the audit (width -1: none).
static int32_t role_position[3], role_width, role_anchor, census_columns, audit_on, audit_width;
static int32_t newline_byte;
// The audit's state as JS holds it: the widest row so far, the first line end, whether another
// line end was seen.
static int32_t audit_widest, audit_first_eol, audit_other_seen;

// Per role (reason, username): hash -> code and the value's bytes, as range-scanner.ts's byHash.
typedef struct {
  uint32_t hash;
  int32_t code;
  int32_t at;
  int32_t length;
} Entry;
static Entry table[2][TABLE];
static int32_t entries[2];
static uint8_t pool[2][POOL_BYTES];
static int32_t pool_used[2];

/** A new range: its roles, census and audit; no role value known yet. */
EXPORT(index_begin)
void index_begin(int32_t flag, int32_t username, int32_t timestamp, int32_t width, int32_t anchor, int32_t newline,
                 int32_t census_count, int32_t audit, int32_t audit_cells, int32_t audit_columns) {
  role_position[0] = flag;
  role_position[1] = username;
  role_position[2] = timestamp;
  role_width = width;
  role_anchor = anchor;
  newline_byte = newline;
  census_columns = census_count;
  audit_on = audit;
  audit_width = audit_cells;
  audit_widest = audit_columns;
  audit_first_eol = 0;
  audit_other_seen = 0;
  for (int32_t role = 0; role < 2; role++) {
    for (int32_t i = 0; i < TABLE; i++) table[role][i].code = -1;
    entries[role] = 0;
    pool_used[role] = 0;
  }
}

/** roleCell (gradio/role-cells.ts): the cell of role `role` in a record of `cells` cells, or -1. */
static int32_t role_cell(int32_t role, int32_t cells) {
  int32_t position = role_position[role];
  if (position < 0) return -1;
  int32_t width = role_width >= 0 ? role_width : cells;
  if (cells == width || role_anchor == 0) return position < cells ? position : -1;
  if (role_anchor == 1 || role == 2) {
    int32_t from_end = cells - (width - position);
    return from_end >= 0 ? from_end : -1;
  }
  return position < cells - 1 ? position : -1;
}

static uint32_t value_hash(int32_t s, int32_t e) {
  uint32_t hash = 0x811c9dc5u;
  for (int32_t i = s; i < e; i++) hash = (hash ^ area[i]) * 0x01000193u;
  return hash;
}

static Entry *slot_of(int32_t role, uint32_t hash) {
  uint32_t at = (hash * 0x9E3779B1u) >> 18;
  while (table[role][at].code >= 0 && table[role][at].hash != hash) at = (at + 1) & (TABLE - 1);
  return &table[role][at];
}

/** The code of the role cell `column` (-1: none, -2: JS must intern it). */
static int32_t known_code(int32_t role, int32_t column, int32_t cells) {
  if (column < 0 || column >= cells) return -1;
  int32_t s = starts[column] - base, e = ends[column] - base;
  if (s == e) return -1;
  if (e - s > SHORT_BYTES) return -2;
  Entry *entry = slot_of(role, value_hash(s, e));
  if (entry->code < 0 || entry->length != e - s) return -2;
  for (int32_t i = 0; i < e - s; i++)
    if (pool[role][entry->at + i] != area[s + i]) return -2;
  return entry->code;
}

/** What JS's intern just did for the role cell `column`: its hash now names `code`. */
static void learn_code(int32_t role, int32_t column, int32_t cells, int32_t code) {
  if (column < 0 || column >= cells || code < 0) return;
  int32_t s = starts[column] - base, e = ends[column] - base;
  if (s == e || e - s > SHORT_BYTES) return;
  uint32_t hash = value_hash(s, e);
  Entry *entry = slot_of(role, hash);
  if (entry->code == code) return;
  // A full pool or table: values not learned are interned by JS, as before. An entry kept as it
  // was stays right: a value's code never changes within a range.
  if (pool_used[role] + (e - s) > POOL_BYTES) return;
  if (entry->code < 0) {
    if (entries[role] >= TABLE / 2) return;
    entries[role]++;
  }
  entry->hash = hash;
  entry->code = code;
  entry->at = pool_used[role];
  entry->length = e - s;
  for (int32_t i = s; i < e; i++) pool[role][pool_used[role]++] = area[i];
}

static double digits(int32_t at, int32_t count) {
  double value = 0;
  for (int32_t i = at; i < at + count; i++) {
    int32_t d = area[i] - 48;
    if (d < 0 || d > 9) return __builtin_nan("");
    value = value * 10 + d;
  }
  return value;
}

/** timestampFromBytes (timestamp-key.ts) over area[start, end), statement by statement. */
static double timestamp_of(int32_t start, int32_t end) {
  static const double POWERS[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  int32_t length = end - start;
  if (length < 10) return __builtin_nan("");
  if (area[start + 4] != 45 || area[start + 7] != 45) return __builtin_nan("");
  double year = digits(start, 4);
  double month = digits(start + 5, 2);
  double day = digits(start + 8, 2);
  double hour = 0, minute = 0, second = 0, micro = 0;
  if (length >= 16) {
    hour = digits(start + 11, 2);
    minute = digits(start + 14, 2);
    if (length >= 19) second = digits(start + 17, 2);
    if (length > 20 && area[start + 19] == 46) {
      int32_t fraction = length - 20 < 6 ? length - 20 : 6;
      micro = digits(start + 20, fraction) * POWERS[6 - fraction];
    }
  }
  double y = month <= 2 ? year - 1 : year;
  double era = __builtin_floor(y / 400);
  double year_of_era = y - era * 400;
  double day_of_year = __builtin_floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  double day_of_era =
      year_of_era * 365 + __builtin_floor(year_of_era / 4) - __builtin_floor(year_of_era / 100) + day_of_year;
  double days = era * 146097 + day_of_era - 719468;
  return days * 86400000 + ((hour * 60 + minute) * 60 + second) * 1000 + micro / 1000;
}

/** record-audit.ts's line end of the record ending at area[end]: 0 none, 1 LF, 2 CRLF, 3 CR. */
static int32_t eol_of(int32_t end) {
  uint8_t last = area[end - 1];
  if (newline_byte == 13) return last == 13 ? 3 : 0;
  if (last != 10) return 0;
  return end >= 2 && area[end - 2] == 13 ? 2 : 1;
}

/** Whether auditing the record (`cells` cells, ending at area[end]) would change nothing. */
static int32_t audit_quiet(int32_t cells, int32_t end) {
  if (!audit_on) return 1;
  if (audit_width >= 0 && cells != audit_width) return 0;
  if (cells > audit_widest) return 0;
  int32_t eol = eol_of(end);
  return eol == 0 || (audit_first_eol != 0 && (eol == audit_first_eol || audit_other_seen));
}

// Where the caller's buffer starts in the file.
static double file_base;

/** The record last reported as a row of the batch; 0 when JS must take it. */
static int32_t index_record(void) {
  if (report[R_UNCLOSED] || report[R_STRAY] != -1) return 0;
  int32_t cells = report[R_COUNT];
  int32_t start = report[R_START] - base, end = report[R_END] - base;
  if (!audit_quiet(cells, end)) return 0;
  double time = __builtin_nan("");
  int32_t stamp = role_cell(2, cells);
  if (stamp >= 0 && stamp < cells) {
    int32_t s = starts[stamp] - base, e = ends[stamp] - base;
    if (s < e && area[s] == quote) return 0;
    time = timestamp_of(s, e);
  }
  int32_t reason = known_code(0, role_cell(0, cells), cells);
  int32_t user = known_code(1, role_cell(1, cells), cells);
  if (reason == -2 || user == -2) return 0;
  if (census_columns >= 0) {
    for (int32_t column = census_columns; column < cells; column++)
      if (starts[column] < ends[column]) return 0;
    census(cells);
    for (int32_t k = 0; k < census_columns; k++)
      if (verdicts[k] == 1) return 0;
    for (int32_t k = 0; k < census_columns; k++)
      if (verdicts[k] == 2) batch_missing[batch[B_MISSING]++] = hashes[k];
  }
  int32_t row = batch[B_COUNT]++;
  batch_start[row] = file_base + report[R_START];
  batch_length[row] = (uint32_t)(end - start);
  batch_line[row] = (uint32_t)report[R_LINE];
  batch_reason[row] = reason;
  batch_user[row] = user;
  batch_time[row] = time;
  if (cells < batch[B_FEWEST]) batch[B_FEWEST] = cells;
  if (cells > batch[B_MOST]) batch[B_MOST] = cells;
  return 1;
}

/**
 * Scans records into a new batch until one needs JS (1: it is in `report`), the batch is full
 * (3), or step() stops (0) or meets a record too wide for it (2). `buffer_base`: where the
 * caller's buffer starts in the file.
 */
EXPORT(index_chunk) int32_t index_chunk(double buffer_base) {
  file_base = buffer_base;
  batch[B_COUNT] = 0;
  batch[B_MISSING] = 0;
  batch[B_FEWEST] = 0x7fffffff;
  batch[B_MOST] = 0;
  int32_t room = census_columns > 0 ? census_columns : 0;
  for (;;) {
    if (batch[B_COUNT] == BATCH || batch[B_MISSING] + room > MISSING_CAP) return 3;
    int32_t status = step();
    if (status != 1) return status;
    if (!index_record()) return 1;
  }
}

/** After JS took the record in `report`: the role codes it gave, and its audit, learned here. */
EXPORT(index_learn) void index_learn(int32_t reason, int32_t user) {
  int32_t cells = report[R_COUNT];
  if (report[R_UNCLOSED]) return;
  learn_code(0, role_cell(0, cells), cells, reason);
  learn_code(1, role_cell(1, cells), cells, user);
  if (!audit_on) return;
  if (cells > audit_widest) audit_widest = cells;
  int32_t eol = eol_of(report[R_END] - base);
  if (eol == 0) return;
  if (audit_first_eol == 0) audit_first_eol = eol;
  else if (eol != audit_first_eol) audit_other_seen = 1;
}
