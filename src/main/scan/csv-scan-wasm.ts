// scanCsv (csv-scan.ts) run by its WebAssembly build (wasm/csv-scan.c): same arguments, same
// records. Each FieldBounds made here owns an instance of the module, its arrays being the
// instance's own; scanCsv uses the instance of the bounds it is given and falls back to the JS
// scanner for plain bounds, for slices larger than the instance's copy area, and from a record
// wider than its arrays on. Like csv-scan.ts, this is sent to worker threads as source text (see
// ../log-index/scan-threads.ts): no imports, no module constants.
import type { FieldBounds, scanCsv } from './csv-scan';

export interface WasmScanner {
  FieldBounds: new () => FieldBounds;
  scanCsv: typeof scanCsv;
}

// The few WebAssembly calls used here (the node tsconfig has no DOM lib, which declares them).
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
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
}

interface Engine {
  memory: ArrayBuffer;
  area: Uint8Array;
  report: Int32Array;
  exports: Exports;
}

/**
 * The scanner over `wasm` (the module's bytes, compiled at the first FieldBounds). Where
 * WebAssembly cannot run, its FieldBounds are plain ones and every scan is the JS one.
 */
export function wasmScanner(
  wasm: Uint8Array,
  jsScanCsv: typeof scanCsv,
  Bounds: new () => FieldBounds,
): WasmScanner {
  const { WebAssembly: api } = globalThis as unknown as { WebAssembly?: WebAssemblyApi };
  let compiled: object | null | undefined;
  const engines = new WeakMap<FieldBounds, Engine>();
  const engine = (): Engine | undefined => {
    try {
      compiled ??= api ? new api.Module(wasm) : null;
    } catch {
      compiled = null;
    }
    if (!api || !compiled) return undefined;
    const exports = new api.Instance(compiled).exports as Exports;
    const memory = exports.memory.buffer;
    return {
      memory,
      area: new Uint8Array(memory, exports.area_ptr(), exports.area_bytes()),
      report: new Int32Array(memory, exports.report_ptr(), 8),
      exports,
    };
  };
  class InstanceBounds extends Bounds {
    constructor() {
      super();
      const own = engine();
      if (!own) return;
      const fields = own.exports.max_fields();
      this.starts = new Int32Array(own.memory, own.exports.starts_ptr(), fields);
      this.ends = new Int32Array(own.memory, own.exports.ends_ptr(), fields);
      engines.set(this, own);
    }
  }
  const scan: typeof scanCsv = (buf, start, limit, options, state, bounds, onRecord) => {
    const own = engines.get(bounds);
    // Bounds grown by the JS scanner (a record wider than the instance's arrays) stay JS ones.
    if (own === undefined || bounds.starts.buffer !== own.memory || limit - start > own.area.length)
      return jsScanCsv(buf, start, limit, options, state, bounds, onRecord);
    own.area.set(buf.subarray(start, limit));
    const { exports, report } = own;
    exports.begin(
      limit - start,
      start,
      options.quote,
      options.final ? 1 : 0,
      options.newline ?? 10,
      state.line,
    );
    let status = exports.step();
    for (; status === 1; status = exports.step()) {
      if (report[4] === 1) onRecord(report[0], report[1], report[2], report[3], true, -1, false);
      else onRecord(report[0], report[1], report[2], report[3], false, report[5]);
    }
    state.line = report[7];
    if (status === 2) return jsScanCsv(buf, report[6], limit, options, state, bounds, onRecord);
    return report[6];
  };
  return { FieldBounds: InstanceBounds, scanCsv: scan };
}
