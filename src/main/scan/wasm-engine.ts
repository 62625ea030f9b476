// The types of a WebAssembly instance of the scanner (wasm/*.c) as csv-scan-wasm.ts drives it: what
// the module exports, and what is kept beside each instance. Types only: nothing here is shipped.
import type { FieldBounds } from './csv-scan';
import type { AssetCellsJob } from './asset-cells';
import type { IndexBatch } from './scan-job';

// The one WebAssembly call used here (the node tsconfig has no DOM lib, which declares it).
export interface WebAssemblyApi {
  Instance: new (module: object) => { exports: unknown };
}

export interface Exports {
  memory: { buffer: ArrayBuffer };
  area_ptr(): number;
  area_bytes(): number;
  starts_ptr(): number;
  ends_ptr(): number;
  max_fields(): number;
  report_ptr(): number;
  begin(length: number, from: number, quote: number, final: number, newline: number, line: number): void;
  step(): number;
  columns_ptr(): number;
  loose_ptr(): number;
  verdicts_ptr(): number;
  hashes_ptr(): number;
  words_ptr(): number;
  max_columns(): number;
  max_words(): number;
  word_bytes(): number;
  census_reserve(names: number): number;
  census_configure(columns: number, extensions: number, keys: number, names: number): void;
  census(count: number): void;
  index_begin(...job: number[]): void;
  index_chunk(base: number): number;
  index_learn(reason: number, username: number): void;
  batch_ptr(): number;
  batch_start_ptr(): number;
  batch_length_ptr(): number;
  batch_line_ptr(): number;
  batch_reason_ptr(): number;
  batch_user_ptr(): number;
  batch_time_ptr(): number;
  batch_missing_ptr(): number;
  batch_size(): number;
  missing_cap(): number;
  sort_reserve(count: number): number;
  sort_part(phase: number, from: number, to: number): void;
  sort_buckets(): number;
  merge_distinct(na: number, nb: number): number;
}

export interface Engine {
  /** The instance's memory, and the views below of it (made again when it grows). */
  memory: ArrayBuffer;
  area: Uint8Array;
  report: Int32Array;
  verdicts: Uint8Array;
  hashes: Float64Array;
  exports: Exports;
  bounds: FieldBounds | undefined;
  /** The quote of the scan under way, while the instance is scanning (its records are in memory). */
  scanning: number;
  /** The census job the instance holds, and whether it fits. */
  job: AssetCellsJob | undefined;
  fits: boolean;
  /** The IndexSink range the instance's index state is of. */
  range: number;
  /** A range whose records mostly go to JS (role values past the table's room): scanned as before. */
  slowRange: number;
  /** Views of the batch record-index.c writes, made again when the memory grows. */
  batch: { header: Int32Array; rows: IndexBatch; missing: Float64Array } | undefined;
}
