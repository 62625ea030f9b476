// scanCsv (csv-scan.ts) and the asset census (asset-cells.ts) run by their WebAssembly build
// (wasm/csv-scan.c): same arguments, same results. Each FieldBounds made here owns an instance of
// the module, its arrays being the instance's own. scanCsv uses the instance of the bounds it is
// given, and the JS scanner for plain bounds, for slices larger than the instance's copy of them,
// and from a record wider than its arrays on. A collector judges in WebAssembly the records the
// instance scanned, and in JS any other, or a job that does not fit the instance. Like csv-scan.ts,
// this is sent to worker threads as source text (../log-index/scan-threads.ts): no imports, no
// module constants.
import type { FieldBounds, scanCsv } from './csv-scan';
import type { AssetCellsJob, assetCellsCollector } from './asset-cells';
import type { IndexBatch, IndexCsv } from './scan-job';

export interface ScannerParts {
  FieldBounds: new () => FieldBounds;
  scanCsv: typeof scanCsv;
  assetCellsCollector: typeof assetCellsCollector;
  indexCsv?: IndexCsv;
}

// The one WebAssembly call used here (the node tsconfig has no DOM lib, which declares it).
interface WebAssemblyApi {
  Instance: new (module: object) => { exports: unknown };
}

interface Exports {
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
}

interface Engine {
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

/**
 * The scanner over `compiled` (the WebAssembly module, scanner-source.ts scanModule(): the threads
 * share one) and `js`, the JS parts it stands for. Without a module its parts are the JS ones.
 */
export function wasmScanner(compiled: object | null, js: ScannerParts): ScannerParts {
  const { WebAssembly: api } = globalThis as unknown as { WebAssembly?: WebAssemblyApi };
  const engines = new WeakMap<FieldBounds, Engine>();
  const engine = (): Engine | undefined => {
    if (!api || !compiled) return undefined;
    const exports = new api.Instance(compiled).exports as Exports;
    const fresh = { bounds: undefined, scanning: -1, job: undefined, fits: false, range: -1, slowRange: -1 };
    return { ...views(exports), exports, ...fresh, batch: undefined };
  };
  const views = (x: Exports): Pick<Engine, 'memory' | 'area' | 'report' | 'verdicts' | 'hashes'> => {
    const memory = x.memory.buffer;
    return {
      memory,
      area: new Uint8Array(memory, x.area_ptr(), x.area_bytes()),
      report: new Int32Array(memory, x.report_ptr(), 8),
      verdicts: new Uint8Array(memory, x.verdicts_ptr(), x.max_columns()),
      hashes: new Float64Array(memory, x.hashes_ptr(), x.max_columns()),
    };
  };
  const boundsViews = (own: Engine, bounds: FieldBounds): void => {
    const fields = own.exports.max_fields();
    bounds.starts = new Int32Array(own.memory, own.exports.starts_ptr(), fields);
    bounds.ends = new Int32Array(own.memory, own.exports.ends_ptr(), fields);
  };
  // After the memory grew: views of the new buffer, the bounds' too unless JS grew them.
  const renewViews = (own: Engine): void => {
    const before = own.memory;
    Object.assign(own, views(own.exports));
    if (own.bounds && own.bounds.starts.buffer === before) boundsViews(own, own.bounds);
  };
  class InstanceBounds extends js.FieldBounds {
    constructor() {
      super();
      const own = engine();
      if (!own) return;
      own.bounds = this;
      boundsViews(own, this);
      engines.set(this, own);
    }
  }
  const scan: typeof scanCsv = (buf, start, limit, options, state, bounds, onRecord) => {
    const own = engines.get(bounds);
    // Bounds grown by the JS scanner (a record wider than the instance's arrays) stay JS ones.
    if (own === undefined || bounds.starts.buffer !== own.memory || limit - start > own.area.length)
      return js.scanCsv(buf, start, limit, options, state, bounds, onRecord);
    own.area.set(buf.subarray(start, limit));
    const exports = own.exports;
    exports.begin(
      limit - start,
      start,
      options.quote,
      options.final ? 1 : 0,
      options.newline ?? 10,
      state.line,
    );
    own.scanning = options.quote;
    let status: number;
    try {
      for (status = exports.step(); status === 1; status = exports.step()) {
        // Read again for each record: a census job met on the way may have grown the memory.
        const report = own.report;
        if (report[4] === 1) onRecord(report[0], report[1], report[2], report[3], true, -1, false);
        else onRecord(report[0], report[1], report[2], report[3], false, report[5]);
      }
    } finally {
      own.scanning = -1;
    }
    const stop = own.report[6];
    state.line = own.report[7];
    if (status === 2) return js.scanCsv(buf, stop, limit, options, state, bounds, onRecord);
    return stop;
  };
  // Writes `job` into the instance; false when it does not fit (the JS census judges it).
  const configure = (own: Engine, job: AssetCellsJob): boolean => {
    const x = own.exports;
    const words = [...job.extensions, ...job.pathKeys];
    const names = job.folderNames;
    const fits =
      job.columns.length <= x.max_columns() &&
      words.length <= x.max_words() &&
      words.every((word) => word.length <= x.word_bytes() && /^[\x20-\x7e]*$/.test(word)) &&
      job.pathKeys.every((key) => key.length >= 2);
    if (!fits) return false;
    const namesAt = names ? x.census_reserve(names.length) : 0;
    if (own.memory !== x.memory.buffer) renewViews(own);
    if (names && namesAt === 0) return false;
    new Int32Array(own.memory, x.columns_ptr(), job.columns.length).set(job.columns);
    new Uint8Array(own.memory, x.loose_ptr(), job.loose.length).set(job.loose.map(Number));
    const bytes = new Uint8Array(own.memory, x.words_ptr(), x.max_words() * (x.word_bytes() + 1));
    let at = 0;
    for (const word of words) {
      bytes[at++] = word.length;
      for (let i = 0; i < word.length; i++) bytes[at++] = word.charCodeAt(i);
    }
    if (names) new Float64Array(own.memory, namesAt, names.length).set(names);
    x.census_configure(
      job.columns.length,
      job.extensions.length,
      job.pathKeys.length,
      names ? names.length : -1,
    );
    return true;
  };
  const collector: typeof assetCellsCollector = (job, quote, fieldBytes, hash) => {
    const judged = js.assetCellsCollector(job, quote, fieldBytes, hash);
    return {
      ...judged,
      add(buf, bounds, n) {
        const own = engines.get(bounds);
        if (own === undefined || own.scanning !== quote) return judged.add(buf, bounds, n);
        if (own.job !== job) {
          own.fits = configure(own, job);
          own.job = job;
        }
        if (!own.fits) return judged.add(buf, bounds, n);
        own.exports.census(n);
        judged.addJudged(buf, bounds, n, own.verdicts, own.hashes);
      },
    };
  };
  // The batch record-index.c wrote: views of the memory, made once (again when it grew).
  const batchOf = (own: Engine): IndexBatch => {
    const x = own.exports;
    if (own.memory !== x.memory.buffer) renewViews(own);
    if (own.batch?.header.buffer !== own.memory) {
      const size = x.batch_size();
      const memory = own.memory;
      const rows: IndexBatch = {
        count: 0,
        starts: new Float64Array(memory, x.batch_start_ptr(), size),
        lengths: new Uint32Array(memory, x.batch_length_ptr(), size),
        lines: new Uint32Array(memory, x.batch_line_ptr(), size),
        reasons: new Int32Array(memory, x.batch_reason_ptr(), size),
        usernames: new Int32Array(memory, x.batch_user_ptr(), size),
        timestamps: new Float64Array(memory, x.batch_time_ptr(), size),
        missing: new Float64Array(0),
        fewestFields: 0,
        mostFields: 0,
      };
      const header = new Int32Array(memory, x.batch_ptr(), 4);
      const missing = new Float64Array(memory, x.batch_missing_ptr(), x.missing_cap());
      own.batch = { header, rows, missing };
    }
    const { header, rows, missing } = own.batch;
    rows.count = header[0];
    rows.missing = missing.subarray(0, header[1]);
    rows.fewestFields = header[2];
    rows.mostFields = header[3];
    return rows;
  };
  const ANCHORS = { end: 1, 'timestamp-end': 2 } as const;
  const indexCsv: IndexCsv = (buf, start, limit, options, state, bounds, sink) => {
    const own = engines.get(bounds);
    if (own === undefined || bounds.starts.buffer !== own.memory || limit - start > own.area.length)
      return null;
    if (own.slowRange === sink.range) return null;
    const x = own.exports;
    if (sink.assets) {
      if (own.job !== sink.assets) {
        own.fits = configure(own, sink.assets);
        own.job = sink.assets;
        own.range = -1;
      }
      if (!own.fits) return null;
    }
    if (own.range !== sink.range) {
      const { roles, assets, audit } = sink;
      x.index_begin(
        ...[roles.flag, roles.username, roles.timestamp, roles.width].map((at) => at ?? -1),
        roles.anchor ? ANCHORS[roles.anchor] : 0,
        options.newline ?? 10,
        assets ? assets.columns.length : -1,
        audit ? 1 : 0,
        audit?.width ?? -1,
        audit ? audit.columns : 0,
      );
      own.range = sink.range;
    }
    own.area.set(buf.subarray(start, limit));
    x.begin(limit - start, start, options.quote, options.final ? 1 : 0, options.newline ?? 10, state.line);
    own.scanning = options.quote;
    let status: number;
    let fast = 0;
    let slow = 0;
    try {
      for (;;) {
        status = x.index_chunk(options.base);
        const batch = batchOf(own);
        if (batch.count > 0) sink.rows(batch);
        fast += batch.count;
        if (status === 3) continue;
        if (status !== 1) break;
        slow++;
        const report = own.report;
        if (report[4] === 1) sink.onRecord(report[0], report[1], report[2], report[3], true, -1, false);
        else sink.onRecord(report[0], report[1], report[2], report[3], false, report[5]);
        x.index_learn(...sink.lastCodes());
      }
    } finally {
      own.scanning = -1;
    }
    // Each record handed over costs more than onRecord alone: a range where most are (more
    // distinct role values than the table holds) is scanned as before from its next chunk on.
    if (slow > 256 && slow > fast) own.slowRange = sink.range;
    const stop = own.report[6];
    state.line = own.report[7];
    if (status === 2) return js.scanCsv(buf, stop, limit, options, state, bounds, sink.onRecord);
    return stop;
  };
  return { FieldBounds: InstanceBounds, scanCsv: scan, assetCellsCollector: collector, indexCsv };
}
