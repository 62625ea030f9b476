import { describe, expect, it } from 'vitest';
import {
  cellValue,
  galleryCaptions,
  parseChat,
  parseDataframe,
  parseHighlight,
  parseLabel,
} from '../../../../src/renderer/src/common/cell-values';

const cell = (text: string, value?: unknown) => ({ raw: text, text, value, assets: [] });

describe('cell values', () => {
  it('parses JSON text when the reader gave no value, and leaves plain text alone', () => {
    expect(cellValue(cell('{"a": 1}'))).toEqual({ a: 1 });
    expect(cellValue(cell('hello'))).toBeUndefined();
    expect(cellValue(cell('[broken'))).toBeUndefined();
    expect(cellValue(cell('ignored', { b: 2 }))).toEqual({ b: 2 });
  });

  it('reads labels of every era', () => {
    const modern = { label: 'cat', confidences: [{ label: 'cat', confidence: 0.7 }] };
    expect(parseLabel(modern, '')).toEqual(modern);
    expect(parseLabel({ label: null, confidences: null }, '')).toEqual({ label: null, confidences: [] });
    expect(parseLabel({ dog: 0.2, cat: 0.8 }, '')).toEqual({
      label: 'cat',
      confidences: [
        { label: 'cat', confidence: 0.8 },
        { label: 'dog', confidence: 0.2 },
      ],
    });
    expect(parseLabel(undefined, 'positive')).toEqual({ label: 'positive', confidences: [] });
    expect(parseLabel(undefined, '')).toBeNull();
  });

  it('reads chat in messages, tuples and 6.x part formats', () => {
    expect(
      parseChat([
        { role: 'user', metadata: null, content: 'hi' },
        { role: 'assistant', content: [{ text: '**yo**', type: 'text' }] },
        { role: 'user', content: { file: 'flagged/x.png', alt_text: null } },
        { role: 'user', content: ['/tmp/gradio/a.wav'] },
        { role: 'user', content: [{ file: { path: 'f/b.pdf' }, alt_text: null, type: 'file' }] },
      ]),
    ).toEqual([
      { role: 'user', parts: [{ kind: 'text', text: 'hi' }] },
      { role: 'assistant', parts: [{ kind: 'text', text: '**yo**' }] },
      { role: 'user', parts: [{ kind: 'file', ref: 'flagged/x.png' }] },
      { role: 'user', parts: [{ kind: 'file', ref: '/tmp/gradio/a.wav' }] },
      { role: 'user', parts: [{ kind: 'file', ref: 'f/b.pdf' }] },
    ]);
    expect(
      parseChat([
        ['q', 'a'],
        ['q2', null],
      ]),
    ).toEqual([
      { role: 'user', parts: [{ kind: 'text', text: 'q' }] },
      { role: 'assistant', parts: [{ kind: 'text', text: 'a' }] },
      { role: 'user', parts: [{ kind: 'text', text: 'q2' }] },
    ]);
    // Gradio 3.50.2 tuples with a file message: a FileData-like object named by `name`.
    const file = {
      name: '/tmp/gradio/ab/input.png',
      mime_type: 'image/png',
      alt_text: null,
      data: null,
      is_file: true,
    };
    expect(parseChat([[file, 'nice picture']])).toEqual([
      { role: 'user', parts: [{ kind: 'file', ref: '/tmp/gradio/ab/input.png' }] },
      { role: 'assistant', parts: [{ kind: 'text', text: 'nice picture' }] },
    ]);
    expect(parseChat('not chat')).toBeNull();
    expect(parseChat([1, 2, 3])).toBeNull();
  });

  it('reads dataframes, highlighted text and gallery captions', () => {
    expect(parseDataframe({ headers: ['a', 'b'], data: [[1, null]], metadata: null })).toEqual({
      headers: ['a', 'b'],
      rows: [['1', '']],
    });
    expect(parseDataframe([1])).toBeNull();
    expect(
      parseHighlight([{ token: 'Hi', class_or_confidence: 'GREET' }, ['there', 0.5], ['!', null]]),
    ).toEqual([
      { token: 'Hi', tag: 'GREET' },
      { token: 'there', tag: 0.5 },
      { token: '!', tag: null },
    ]);
    expect(parseHighlight([{ nope: 1 }])).toBeNull();
    expect(
      galleryCaptions([
        { image: 'g/1.png', caption: 'one' },
        { image: { path: 'g/2.png' }, caption: 'two' },
        { video: 'g/3.mp4', caption: null },
      ]),
    ).toEqual(
      new Map([
        ['g/1.png', 'one'],
        ['g/2.png', 'two'],
      ]),
    );
    // Gradio 3.x: captions.json is an object of image path → caption (or null).
    expect(
      galleryCaptions({ '/f/gallery/u/a/input.png': 'first caption', '/f/gallery/u/b/photo.jpg': null }),
    ).toEqual(new Map([['/f/gallery/u/a/input.png', 'first caption']]));
  });
});
