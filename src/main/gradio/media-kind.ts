// What kind of media a file holds: by extension, else by its first bytes (real files are named `png`).
import type { MediaKind } from '../../shared/model';

const BY_EXTENSION: Record<string, MediaKind> = {};
const GROUPS: [MediaKind, string[]][] = [
  ['image', ['png', 'jpg', 'jpeg', 'webp', 'gif', 'bmp', 'tif', 'tiff', 'svg', 'avif', 'heic', 'ico']],
  ['audio', ['wav', 'mp3', 'flac', 'ogg', 'oga', 'm4a', 'aac', 'opus', 'wma', 'aiff']],
  ['video', ['mp4', 'webm', 'mov', 'avi', 'mkv', 'm4v', 'ogv', 'wmv']],
  ['model3d', ['obj', 'glb', 'gltf', 'stl', 'ply', 'splat']],
  ['json', ['json']],
  [
    'file',
    [
      'pdf',
      'txt',
      'csv',
      'tsv',
      'zip',
      'docx',
      'doc',
      'xlsx',
      'pptx',
      'md',
      'html',
      'npy',
      'srt',
      'vtt',
      'parquet',
    ],
  ],
];
for (const [kind, extensions] of GROUPS) for (const extension of extensions) BY_EXTENSION[extension] = kind;

/** Every extension mediaByExtension knows, lower case, without the dot. */
export const MEDIA_EXTENSIONS: readonly string[] = GROUPS.flatMap(([, extensions]) => extensions);

/** The lower-case extension of a path's last segment, without the dot. */
export function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Media kind by extension, or undefined when the extension is not one Gradio components produce. */
export function mediaByExtension(path: string): MediaKind | undefined {
  return BY_EXTENSION[extensionOf(path)];
}

/** Media kind from a file's first bytes (at least 12). */
export function mediaByMagic(head: Uint8Array): MediaKind {
  const ascii = Buffer.from(head.subarray(0, 12)).toString('latin1');
  if (ascii.startsWith('\x89PNG') || ascii.startsWith('\xff\xd8\xff') || ascii.startsWith('GIF8'))
    return 'image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WAVE') return 'audio';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'AVI ') return 'video';
  if (ascii.startsWith('ID3') || ascii.startsWith('fLaC') || ascii.startsWith('OggS')) return 'audio';
  if (ascii.slice(4, 8) === 'ftyp') return 'video';
  if (ascii.startsWith('\x1aE\xdf\xa3')) return 'video';
  if (ascii.startsWith('glTF')) return 'model3d';
  return 'file';
}
