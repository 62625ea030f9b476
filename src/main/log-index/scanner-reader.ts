// A FolderReader whose CSV records come from the byte scanner, as the index's do: the index's paths
// (the workspace, `flagdeck inspect`) then never start csv-parse, whose first run costs a reopened
// 1M-row log's first page about 40 ms. Reads are small: a shape needs a log's first rows only, and a
// read's records are all decoded at once.
import { FolderReader } from '../gradio/reader';
import { ReaderRecordSource } from '../gradio/record-source';
import { ByteRecordSource } from './scan-record-source';

export function scannerReader(): FolderReader {
  return new FolderReader(new ReaderRecordSource(new ByteRecordSource({ chunkBytes: 64 * 1024 })));
}
