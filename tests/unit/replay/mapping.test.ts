// The mapping proposed from labels (Gradio's CSV headers are component labels), and the refusals
// that name both the column and the input.
import { describe, expect, it } from 'vitest';
import { applyOverrides, checkMapping, proposeMapping } from '../../../src/main/replay/mapping';
import type { Column } from '../../../src/shared/model';
import type { Endpoint } from '../../../src/shared/replay';

const columns: Column[] = [
  { index: 0, name: 'Input Text', kind: 'text' },
  { index: 1, name: 'photo', kind: 'image' },
  { index: 2, name: 'output', kind: 'text' },
  { index: 3, name: 'flag', kind: 'flag' },
  { index: 4, name: 'timestamp', kind: 'timestamp' },
];

const endpoint: Endpoint = {
  apiName: '/predict',
  inputs: [
    { label: 'input_text', name: 'text', component: 'Textbox' },
    { label: 'photo', name: 'img', component: 'Image' },
  ],
  outputs: [
    { label: 'output', component: 'Textbox' },
    { label: 'flag', component: 'Textbox' },
  ],
};

describe('replay mapping', () => {
  it('proposes columns by label, ignoring case, spaces and underscores, never flag or timestamp', () => {
    expect(proposeMapping(endpoint, columns)).toEqual({
      inputs: { input_text: 'Input Text', photo: 'photo' },
      outputs: { output: 'output' },
    });
  });

  it('lets --map change one pair, and refuses a name that is neither input nor output', () => {
    const proposal = proposeMapping(endpoint, columns);
    expect(
      applyOverrides(proposal, [{ column: 'output', slot: 'input_text' }], endpoint).inputs.input_text,
    ).toBe('output');
    expect(() => applyOverrides(proposal, [{ column: 'photo', slot: 'image' }], endpoint)).toThrow(
      '--map photo=image: "image" is not an input or output of /predict (inputs: input_text, photo; outputs: output, flag)',
    );
  });

  it('refuses an input without a column, and a column the log does not have', () => {
    expect(() =>
      checkMapping({ inputs: { photo: 'photo' }, outputs: {} }, endpoint, columns, 'log.csv'),
    ).toThrow(
      'input "input_text" of /predict has no column in log.csv; map one with --map <column>=input_text (columns: Input Text, photo, output)',
    );
    expect(() =>
      checkMapping(
        { inputs: { input_text: 'prompt', photo: 'photo' }, outputs: {} },
        endpoint,
        columns,
        'log.csv',
      ),
    ).toThrow(
      'column "prompt" (mapped to input "input_text") is not in log.csv (columns: Input Text, photo, output)',
    );
  });
});
