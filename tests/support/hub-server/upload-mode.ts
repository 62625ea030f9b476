// Which files the Hub wants through LFS (hub-protocol.md 2.1 D): the default dataset
// .gitattributes patterns, anything of 10 MiB or more, and anything whose sample looks binary.
// Empty files are always regular (S3 refuses an empty LFS PUT).

export const MAX_REGULAR_BYTES = 10 * 1024 * 1024;

const LFS_EXTENSIONS = new Set(
  (
    '7z arrow bin bz2 ckpt ftz gz h5 joblib lfs lz4 mds mlmodel model msgpack npy npz onnx ot parquet pb ' +
    'pickle pkl pt pth rar safetensors tar tflite tgz wasm xz zip zst tfevents db ' +
    'pcm sam raw aac flac mp3 ogg wav bmp gif png tiff jpg jpeg webp mp4 webm'
  ).split(' '),
);

export const DEFAULT_GITATTRIBUTES = [...LFS_EXTENSIONS]
  .map((ext) => `*.${ext} filter=lfs diff=lfs merge=lfs -text`)
  .join('\n')
  .concat('\n');

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function looksBinary(bytes: Buffer): boolean {
  return bytes.includes(0);
}

export function mustBeLfs(path: string, size: number, sample: Buffer): boolean {
  if (size === 0) return false;
  return size >= MAX_REGULAR_BYTES || looksBinary(sample) || LFS_EXTENSIONS.has(extensionOf(path));
}
