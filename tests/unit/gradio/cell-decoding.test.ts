// Small pieces of cell decoding: the injection escape, Python literals, Python's JSON, value shapes.
import { describe, expect, it } from 'vitest';
import { undoInjectionEscape } from '../../../src/main/gradio/injection-escape';
import { parseLooseJson } from '../../../src/main/gradio/loose-json';
import { parsePythonLiteral } from '../../../src/main/gradio/python-literal';
import { kindOfValue, pathsInValue } from '../../../src/main/gradio/value-shape';

describe('undoInjectionEscape', () => {
  it.each([
    ["'-5", '-5'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'@user", '@user'],
    ["'\nfirst line", '\nfirst line'],
    ["'a,-b", 'a,-b'],
    ["'quoted", "'quoted"],
    ["it's", "it's"],
    ['-5', '-5'],
  ])('%j → %j', (raw, text) => {
    expect(undoInjectionEscape(raw)).toBe(text);
  });
});

describe('parsePythonLiteral', () => {
  it('reads lists, tuples, dicts, strings with both quotes, True/False/None', () => {
    expect(parsePythonLiteral(`['a', "it's", 1, -2.5, True, None, (1, 2)]`)).toEqual({
      value: ['a', "it's", 1, -2.5, true, null, [1, 2]],
    });
    expect(parsePythonLiteral(`{'label': '5', 'confidences': [{'label': '5', 'confidence': 1}]}`)).toEqual({
      value: { label: '5', confidences: [{ label: '5', confidence: 1 }] },
    });
    expect(parsePythonLiteral(`['C:\\\\data\\\\a.pdf']`)).toEqual({ value: ['C:\\data\\a.pdf'] });
  });

  it('refuses what is not a literal', () => {
    expect(parsePythonLiteral('[1, 2')).toBeUndefined();
    expect(parsePythonLiteral('[x]')).toBeUndefined();
    expect(parsePythonLiteral('{1, 2} extra')).toBeUndefined();
    expect(parsePythonLiteral('hello')).toBeUndefined();
  });
});

describe('parseLooseJson', () => {
  it('accepts NaN and ±Infinity outside strings as null', () => {
    expect(parseLooseJson('{"a": NaN, "b": -Infinity, "c": "NaN"}')).toEqual({
      value: { a: null, b: null, c: 'NaN' },
    });
    expect(parseLooseJson('{"a": nope}')).toBeUndefined();
  });
});

describe('kindOfValue and pathsInValue', () => {
  it.each([
    [{ label: 'cat', confidences: [{ label: 'cat', confidence: 0.9 }] }, 'label'],
    [{ label: null, confidences: null }, 'label'],
    [{ headers: ['a'], data: [[1]], metadata: null }, 'dataframe'],
    [[{ token: 'Hi', class_or_confidence: null }], 'highlight'],
    [[{ role: 'user', content: 'hi' }], 'chat'],
    [[['hi', 'hello']], 'chat'],
    [{ video: 'flagged/v/0123456789abcdef0123/clip.mp4', subtitles: null }, 'video'],
    [[{ image: 'flagged/g/0123456789abcdef0123/a.png', caption: null }], 'gallery'],
    [{ path: 'flagged/i/0123456789abcdef0123/a.png', url: 'http://x/file=/tmp/a.png' }, 'image'],
    [{ path: 'a.wav' }, 'audio'],
    [{ path: 'cube.glb' }, 'model3d'],
    [['flagged/f/0123456789abcdef0123/a.pdf', 'flagged/f/0123456789abcdef0124/b.txt'], 'file'],
    [{ background: 'b.png', layers: [], composite: 'c.png' }, 'image'],
    [{ a: 1, b: 'x' }, 'json'],
    [[], undefined],
    [{}, undefined],
  ])('%j is %s', (value, kind) => {
    expect(kindOfValue(value)).toBe(kind);
  });

  it('collects file paths but not URLs, upload names or data', () => {
    const fileData = {
      path: 'flagged/i/h/a.png',
      url: 'http://127.0.0.1:7860/file=/tmp/a.png',
      orig_name: 'a.png',
    };
    expect(pathsInValue(fileData, 'image')).toEqual(['flagged/i/h/a.png']);
    const chat = [
      { role: 'user', content: ['C:\\Temp\\gradio\\x\\audio.wav'] },
      { role: 'assistant', content: 'see a/b.png' },
    ];
    expect(pathsInValue(chat, 'chat')).toEqual(['C:\\Temp\\gradio\\x\\audio.wav']);
    expect(pathsInValue({ headers: ['p'], data: [['x/y.png']] }, 'dataframe')).toEqual([]);
    const editor = { background: 'b/bg.png', layers: ['l/1.png'], composite: 'c/c.png', id: null };
    expect(pathsInValue(editor, 'image')).toEqual(['b/bg.png', 'l/1.png', 'c/c.png']);
  });
});
