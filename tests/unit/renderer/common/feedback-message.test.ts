// Which chat message a ChatCSVLogger like points at, in both of Gradio's chat formats.
import { describe, expect, it } from 'vitest';
import { feedbackMessage } from '../../../../src/renderer/src/common/cell-values';

const messages = [
  { role: 'user', content: 'hi' },
  { role: 'assistant', content: 'hello' },
  { role: 'user', content: 'more' },
  { role: 'assistant', content: 'sure' },
];

describe('feedbackMessage', () => {
  it('takes a plain index in the messages format', () => {
    expect(feedbackMessage(messages, '3')).toBe(3);
    expect(feedbackMessage(messages, ' 1 ')).toBe(1);
  });

  it('maps [pair, side] of the tuples format onto the flattened messages', () => {
    const pairs = [
      ['hi', 'hello'],
      [null, 'a greeting'],
      ['more', 'sure'],
    ];
    expect(feedbackMessage(pairs, '[0, 1]')).toBe(1);
    expect(feedbackMessage(pairs, '[1, 1]')).toBe(2);
    expect(feedbackMessage(pairs, '[2, 1]')).toBe(4);
    expect(feedbackMessage(pairs, '[1, 0]')).toBeNull();
  });

  it('refuses an index that points at no message', () => {
    expect(feedbackMessage(messages, '9')).toBeNull();
    expect(feedbackMessage(messages, 'x')).toBeNull();
    expect(feedbackMessage('not a chat', '0')).toBeNull();
  });
});
