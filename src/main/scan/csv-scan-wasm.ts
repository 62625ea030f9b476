// scanCsv (csv-scan.ts) and the asset census (asset-cells.ts) run by their WebAssembly build
// (wasm/csv-scan.c): same arguments, same results. Each FieldBounds made here owns an instance of
// the module, its arrays being the instance's own. scanCsv uses the instance of the bounds it is
// given, and the JS scanner for plain bounds, for slices larger than the instance's copy of them,
// and from a record wider than its arrays on. A collector judges in WebAssembly the records the
// instance scanned, and in JS any other, or a job that does not fit the instance. Like csv-scan.ts,
// this is sent to worker threads as source text (../log-index/scan-threads.ts): no imports, no
// module constants. indexCsv runs the range scanner's per-record work there too (record-index.c).
import type { FieldBounds, OnRecord, scanCsv } from './csv-scan';
import type { AssetCellsJob, assetCellsCollector } from './asset-cells';
import type { IndexBatch, IndexCsv, ReadArea } from './scan-job';
import type { Engine, Exports, WebAssemblyApi } from './wasm-engine';

export interface ScannerParts {
  FieldBounds: new () => FieldBounds;
  scanCsv: typeof scanCsv;
  assetCellsCollector: typeof assetCellsCollector;
  indexCsv?: IndexCsv;
  readArea?: ReadArea;
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
  /** The instance of `bounds` when it can scan `limit - start` bytes; undefined: the JS scanner must. */
  const engineFor = (bounds: FieldBounds, start: number, limit: number): Engine | undefined => {
    const own = engines.get(bounds);
    // Bounds grown by the JS scanner (a record wider than the instance's arrays) stay JS ones.
    if (own === undefined || bounds.starts.buffer !== own.memory || limit - start > own.area.length)
      return undefined;
    return own;
  };
  /**
   * Scans `buf[start, limit)` in the instance: copies it there, lets `walk` take the records (it
   * returns step()'s or index_chunk()'s last status), and gives where the scan stopped; from a
   * record too wide for the instance, the JS scanner goes on.
   */
  const inInstance = (
    own: Engine,
    [buf, start, limit, options, state, bounds, onRecord]: Parameters<typeof scanCsv>,
    walk: () => number,
  ): number => {
    // Bytes read into the area itself (readArea) are where they must be already.
    if (buf.buffer !== own.memory || buf.byteOffset + start !== own.area.byteOffset)
      own.area.set(buf.subarray(start, limit));
    const x = own.exports;
    x.begin(limit - start, start, options.quote, options.final ? 1 : 0, options.newline ?? 10, state.line);
    own.scanning = options.quote;
    let status: number;
    try {
      status = walk();
    } finally {
      own.scanning = -1;
    }
    const stop = own.report[6];
    state.line = own.report[7];
    if (status === 2) return js.scanCsv(buf, stop, limit, options, state, bounds, onRecord);
    return stop;
  };
  /** The record step() last reported, to `onRecord`. */
  const reportRecord = (own: Engine, onRecord: OnRecord): void => {
    // Read again for each record: a census job met on the way may have grown the memory.
    const report = own.report;
    if (report[4] === 1) onRecord(report[0], report[1], report[2], report[3], true, -1, false);
    else onRecord(report[0], report[1], report[2], report[3], false, report[5]);
  };
  const scan: typeof scanCsv = (...args) => {
    const [, start, limit, , , bounds, onRecord] = args;
    const own = engineFor(bounds, start, limit);
    if (own === undefined) return js.scanCsv(...args);
    return inInstance(own, args, () => {
      let status: number;
      for (status = own.exports.step(); status === 1; status = own.exports.step())
        reportRecord(own, onRecord);
      return status;
    });
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
  // The instance a census job was set in (a thread's range is scanned by one): the range's
  // missing hashes are sorted in its memory (sort-hashes.c), once the range is scanned.
  const jobEngines = new WeakMap<AssetCellsJob, Engine>();
  const adopt = (own: Engine, job: AssetCellsJob): void => {
    own.fits = configure(own, job);
    own.job = job;
    jobEngines.set(job, own);
  };
  // sort-hashes.c sort_part's phases: counted in slices of hashes, spread and sorted in bucket slices.
  const sortInParts = (x: Exports, count: number): void => {
    const [COUNT, PLACE, SPREAD, SORT] = [0, 1, 2, 3];
    const buckets = x.sort_buckets();
    for (let from = 0; from < count; from += 32768) x.sort_part(COUNT, from, Math.min(from + 32768, count));
    x.sort_part(PLACE, 0, 0);
    for (const phase of [SPREAD, SORT])
      for (let from = 0; from < buckets; from += 256) x.sort_part(phase, from, Math.min(from + 256, buckets));
  };
  const sortIn =
    (own: Engine | undefined) =>
    (hashes: Float64Array): boolean => {
      if (own === undefined || own.scanning !== -1) return false;
      const at = own.exports.sort_reserve(hashes.length);
      if (at === 0) return false;
      if (own.memory !== own.exports.memory.buffer) renewViews(own);
      const there = new Float64Array(own.memory, at, hashes.length);
      there.set(hashes);
      sortInParts(own.exports, hashes.length);
      hashes.set(there);
      return true;
    };
  const collector: typeof assetCellsCollector = (job, quote, fieldBytes, hash, sortMissing) => {
    const sort = (hashes: Float64Array): Float64Array => sortMissing(hashes, sortIn(jobEngines.get(job)));
    const judged = js.assetCellsCollector(job, quote, fieldBytes, hash, sort);
    return {
      ...judged,
      add(buf, bounds, n) {
        const own = engines.get(bounds);
        if (own === undefined || own.scanning !== quote) return judged.add(buf, bounds, n);
        if (own.job !== job) adopt(own, job);
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
  // A census job for the index: set once (a new job starts the index state again).
  const takeJob = (own: Engine, job: AssetCellsJob): void => {
    if (own.job === job) return;
    adopt(own, job);
    own.range = -1;
  };
  // A thread's range is read into the instance's copy area: indexCsv then copies nothing there
  // (a thread's 140 MB of the 1M-row log, about 15 ms).
  const readArea: ReadArea = (bounds, bytes, sink) => {
    const own = engineFor(bounds, 0, bytes);
    if (own === undefined || own.area.byteOffset % 8 !== 0) return undefined;
    if (sink.assets) takeJob(own, sink.assets);
    if (own.memory !== own.exports.memory.buffer) renewViews(own);
    return Buffer.from(own.memory, own.area.byteOffset, bytes);
  };
  const ANCHORS = { end: 1, 'timestamp-end': 2 } as const;
  const indexCsv: IndexCsv = (buf, start, limit, options, state, bounds, sink) => {
    const own = engineFor(bounds, start, limit);
    if (own === undefined || own.slowRange === sink.range) return null;
    const x = own.exports;
    if (sink.assets) {
      takeJob(own, sink.assets);
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
    let fast = 0;
    let slow = 0;
    const stop = inInstance(own, [buf, start, limit, options, state, bounds, sink.onRecord], () => {
      for (;;) {
        const status = x.index_chunk(options.base);
        const batch = batchOf(own);
        if (batch.count > 0) sink.rows(batch);
        fast += batch.count;
        if (status === 3) continue;
        if (status !== 1) return status;
        slow++;
        reportRecord(own, sink.onRecord);
        x.index_learn(...sink.lastCodes());
      }
    });
    // Each record handed over costs more than onRecord alone: a range where most are (more
    // distinct role values than the table holds) is scanned as before from its next chunk on.
    if (slow > 256 && slow > fast) own.slowRange = sink.range;
    return stop;
  };
  return { FieldBounds: InstanceBounds, scanCsv: scan, assetCellsCollector: collector, indexCsv, readArea };
}
