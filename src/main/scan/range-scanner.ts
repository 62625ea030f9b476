// Scans byte ranges of a log into plain columns (scan-job.ts describes a job and its result). It
// runs in the main thread and in worker threads alike: everything it calls comes in through
// `ScanHelpers`, so that its source text can be shipped to a worker (see
// ../log-index/scan-threads.ts) without the module system.
import type { OnRecord } from './csv-scan';
import type { AssetCellsJob, assetCellsCollector } from './asset-cells';
import type { RecordAuditJob, recordAuditor } from './record-audit';
import type {
  ColumnName,
  IndexBatch,
  IndexSink,
  RowLayout,
  ScanHelpers,
  ScanJob,
  ScanResult,
} from './scan-job';

/** Scans one range (a thread scanning many makes one rangeScanner instead). */
export function scanRange(job: ScanJob, helpers: ScanHelpers): ScanResult {
  return rangeScanner(helpers)(job);
}

/**
 * A thread's scanner of ranges. The functions called for every record are made once here, not
 * per range: a thread that scanned ranges with functions of their own ran each new set cold
 * again (V8 optimizes a function for the one closure it has seen), 60 ms more over a 27 MB log.
 * State of the range being scanned lives in the variables below, set anew for each job.
 */
export function rangeScanner(helpers: ScanHelpers): (job: ScanJob) => ScanResult {
  const { scanCsv, fieldBytes, timestampFromBytes, readSync, roleCell, indexCsv } = helpers;
  const bounds = new helpers.FieldBounds();
  let roles: ScanJob['roles'] = {};
  let rolesWritten = true;
  let quote = 34;
  let capacity = 0;
  let starts: Float64Array = new Float64Array(0);
  let lengths: Uint32Array = new Uint32Array(0);
  let lines: Uint32Array = new Uint32Array(0);
  let reasons: Int32Array = new Int32Array(0);
  let usernames: Int32Array = new Int32Array(0);
  let timestamps: Float64Array = new Float64Array(0);
  let reasonRaws: string[] = [];
  let usernameRaws: string[] = [];
  let reasonCodes = new Map<string, number>();
  let usernameCodes = new Map<string, number>();
  let reasonHashes = new Map<number, number>();
  let usernameHashes = new Map<number, number>();
  let quoteIssues: number[] = [];
  let count = 0;
  let tailUnterminated = false;
  let newline = 10;
  let layout: RowLayout = { oddRows: 0, fewestFields: 0x7fffffff, mostFields: 0 };
  let buf: Buffer = Buffer.alloc(0);
  let base = 0;
  // Collectors are made once per job description (every range of a pass shares one).
  let assetsJob: AssetCellsJob | undefined;
  let assets: ReturnType<typeof assetCellsCollector> | undefined;
  let auditJob: RecordAuditJob | undefined;
  let auditor: ReturnType<typeof recordAuditor> | undefined;
  // Nothing of a range stays with the scanner after it, which lives as long as its thread: the
  // read buffer (up to 2 MiB) and the columns go, the columns with the result.
  const release = (): void => {
    buf = Buffer.alloc(0);
    starts = timestamps = new Float64Array(0);
    lengths = lines = new Uint32Array(0);
    reasons = usernames = new Int32Array(0);
  };
  const grow = (): void => {
    capacity = Math.max(1024, capacity * 2);
    const moved = <T extends Float64Array | Uint32Array | Int32Array>(a: T): T => {
      const n = new (a.constructor as new (length: number) => T)(capacity);
      n.set(a);
      return n;
    };
    starts = moved(starts);
    timestamps = moved(timestamps);
    lengths = moved(lengths);
    lines = moved(lines);
    reasons = moved(reasons);
    usernames = moved(usernames);
  };
  // Short values are looked up by a hash of their bytes (checked byte by byte), so that a million
  // rows do not make a million strings; longer ones by their text.
  const intern = (
    codes: Map<string, number>,
    byHash: Map<number, number>,
    raws: string[],
    column: number | undefined,
    n: number,
  ): number => {
    if (column === undefined || column >= n) return -1;
    const s = bounds.starts[column];
    const e = bounds.ends[column];
    if (s === e) return -1;
    const short = e - s <= 48;
    let hash = 0x811c9dc5;
    if (short) {
      for (let i = s; i < e; i++) hash = Math.imul(hash ^ buf[i], 0x01000193);
      const known = byHash.get(hash);
      if (known !== undefined) {
        const seen = raws[known];
        let same = seen.length === e - s;
        for (let i = 0; same && i < seen.length; i++) same = seen.charCodeAt(i) === buf[s + i];
        if (same) return known;
      }
    }
    const raw = buf.toString('latin1', s, e);
    let code = codes.get(raw);
    if (code === undefined) {
      code = raws.length;
      raws.push(raw);
      codes.set(raw, code);
    }
    if (short) byHash.set(hash, code);
    return code;
  };
  /** Whether the record ending at `buf[recordEnd]`, the last so far, has no line terminator. */
  const markTail = (recordEnd: number): void => {
    const last = buf[recordEnd - 1];
    tailUnterminated = newline === 13 ? last !== 13 : last !== 10 && last !== 13;
  };
  /** The current record's (row `count`'s) reason and username codes and time, of its `n` fields. */
  const writeRoles = (n: number): void => {
    const flag = roleCell(roles, 'flag', n);
    const username = roleCell(roles, 'username', n);
    const timestamp = roleCell(roles, 'timestamp', n);
    let time = NaN;
    if (timestamp !== undefined && timestamp < n) {
      const s = bounds.starts[timestamp];
      const e = bounds.ends[timestamp];
      if (buf[s] === quote) {
        const bytes = fieldBytes(buf, s, e, quote);
        time = timestampFromBytes(bytes, 0, bytes.length);
      } else time = timestampFromBytes(buf, s, e);
    }
    reasons[count] = intern(reasonCodes, reasonHashes, reasonRaws, flag, n);
    usernames[count] = intern(usernameCodes, usernameHashes, usernameRaws, username, n);
    timestamps[count] = time;
  };
  const onRecord: OnRecord = (start, recordEnd, line, n, unclosed, stray, tooLarge) => {
    // A record that could not be read is not a row.
    if (unclosed) {
      quoteIssues.push(line, n + 1, tooLarge ? 2 : 0);
      return;
    }
    if (stray >= 0 && quoteIssues.length < 3000) quoteIssues.push(line, stray + 1, 1);
    if (stray !== -1) layout.oddRows++;
    if (n < layout.fewestFields) layout.fewestFields = n;
    if (n > layout.mostFields) layout.mostFields = n;
    if (count === capacity) grow();
    starts[count] = base + start;
    lengths[count] = recordEnd - start;
    lines[count] = line;
    if (rolesWritten) writeRoles(n);
    assets?.add(buf, bounds, n);
    auditor?.add(buf, recordEnd, line, n, count);
    count++;
    markTail(recordEnd);
  };
  // The rows indexCsv wrote in WebAssembly, as onRecord would have added them.
  const takeRows = (batch: IndexBatch): void => {
    const n = batch.count;
    while (count + n > capacity) grow();
    starts.set(batch.starts.subarray(0, n), count);
    lengths.set(batch.lengths.subarray(0, n), count);
    lines.set(batch.lines.subarray(0, n), count);
    if (rolesWritten) {
      reasons.set(batch.reasons.subarray(0, n), count);
      usernames.set(batch.usernames.subarray(0, n), count);
      timestamps.set(batch.timestamps.subarray(0, n), count);
    }
    count += n;
    if (batch.fewestFields < layout.fewestFields) layout.fewestFields = batch.fewestFields;
    if (batch.mostFields > layout.mostFields) layout.mostFields = batch.mostFields;
    assets?.addMissing(batch.missing);
    markTail(batch.starts[n - 1] - base + batch.lengths[n - 1]);
  };
  const sink: IndexSink = {
    range: 0,
    roles,
    assets: undefined,
    audit: undefined,
    onRecord,
    lastCodes: () => (count > 0 && rolesWritten ? [reasons[count - 1], usernames[count - 1]] : [-1, -1]),
    rows: takeRows,
  };
  return (job) => {
    roles = job.roles;
    rolesWritten = job.rolesLeftOut !== true;
    quote = job.quote;
    newline = job.newline ?? 10;
    const state = { line: job.state.line };
    const into = job.into;
    capacity = into ? into.room : Math.max(1024, job.expectedRows ?? 0);
    // Views of the shared columns, or columns of its own (the first grow() moves to its own).
    const column = <T>(
      make: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
      name: ColumnName,
      width: number,
    ): T =>
      into
        ? new make(into.buffers[name], into.at * width, capacity)
        : new make(new ArrayBuffer(capacity * width), 0, capacity);
    starts = column(Float64Array, 'starts', 8);
    lengths = column(Uint32Array, 'lengths', 4);
    lines = column(Uint32Array, 'lines', 4);
    reasons = column(Int32Array, 'reasons', 4);
    usernames = column(Int32Array, 'usernames', 4);
    timestamps = column(Float64Array, 'timestamps', 8);
    reasonRaws = [];
    usernameRaws = [];
    reasonCodes = new Map();
    usernameCodes = new Map();
    reasonHashes = new Map();
    usernameHashes = new Map();
    quoteIssues = [];
    count = 0;
    tailUnterminated = false;
    layout = { oddRows: 0, fewestFields: 0x7fffffff, mostFields: 0 };
    if (job.assets && job.assets !== assetsJob) {
      assets = helpers.assetCellsCollector(
        job.assets,
        quote,
        fieldBytes,
        helpers.refHash,
        helpers.sortHashes,
      );
      assetsJob = job.assets;
    } else if (!job.assets) assets = assetsJob = undefined;
    if (job.audit && job.audit !== auditJob) {
      auditor = helpers.recordAuditor(job.audit, newline, helpers.isUtf8);
      auditJob = job.audit;
    } else if (!job.audit) auditor = auditJob = undefined;
    Object.assign(sink, { range: sink.range + 1, roles, assets: job.assets, audit: job.audit });
    const readBytes = Math.max(1, Math.min(job.chunkBytes, job.to - job.from));
    const area = helpers.readArea?.(bounds, readBytes, sink);
    if (area) buf = area;
    else if (buf.length < readBytes) buf = Buffer.allocUnsafe(readBytes);
    let carry = 0;
    let position = job.from;
    let end = job.from;
    base = job.from;
    while (position < job.to) {
      if (carry === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const bytesRead = readSync(
        job.fd,
        buf,
        carry,
        Math.min(buf.length - carry, job.to - position),
        position,
      );
      if (bytesRead === 0) break;
      position += bytesRead;
      const limit = carry + bytesRead;
      base = position - limit;
      const final = job.final && position >= job.to;
      const firstRow = count;
      const options = { quote, final, newline, base };
      const stop =
        indexCsv?.(buf, 0, limit, options, state, bounds, sink) ??
        scanCsv(buf, 0, limit, options, state, bounds, onRecord);
      auditor?.chunk(buf, stop, firstRow, starts, lengths, count, base);
      end = base + stop;
      carry = limit - stop;
      if (carry > 0) buf.copyWithin(0, stop, limit);
    }
    if (count > 0 && starts[count - 1] + lengths[count - 1] !== end) tailUnterminated = false;
    const result: ScanResult = {
      // Whole arrays (no copies): readers use the first `count` entries.
      count,
      starts,
      lengths,
      lines,
      reasons,
      usernames,
      timestamps,
      reasonRaws,
      usernameRaws,
      end,
      state,
      quoteIssues,
      tailUnterminated,
      layout,
      filledInto: into !== undefined && starts.buffer === into.buffers.starts,
      ...(assets ? { assetCells: assets.result() } : {}),
      ...(auditor ? { audit: auditor.result() } : {}),
    };
    release();
    return result;
  };
}
