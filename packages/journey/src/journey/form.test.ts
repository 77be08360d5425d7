import { describe, expect, it } from 'vitest';
import { continueNode } from './nodes';
import { buildNextInput, normalizeCallbacks } from './form';
import { amCallback as cb } from '../../test/am-json';

const node = continueNode(
  {
    authId: 'a',
    callbacks: [
      cb('NameCallback', { prompt: 'User Name' }),
      cb('PasswordCallback', { prompt: 'Password' }),
      cb('TextOutputCallback', { message: 'Welcome', messageType: '0' }, []),
      cb('ChoiceCallback', { prompt: 'Factor', choices: ['SMS', 'Email'], defaultChoice: 0 }, [0]),
      cb('TermsAndConditionsCallback', { terms: 'T', version: '1' }, [false]),
      cb('StringAttributeInputCallback', { prompt: 'Email', required: true, value: '' }),
      cb('DeviceProfileCallback', { metadata: true }),
      cb('HiddenValueCallback', { value: 'v', id: 'h' }, ['h']),
    ],
  },
  ['en'],
);

describe('normalizeCallbacks', () => {
  it('describes each callback as a form field', () => {
    const fields = normalizeCallbacks(node);
    expect(
      fields.map((f) => [f.id, f.kind, f.executionMode, f.requiresUserInput, f.required]),
    ).toEqual([
      ['NameCallback:0', 'text', 'manual', true, true],
      ['PasswordCallback:0', 'password', 'manual', true, true],
      ['TextOutputCallback:0', 'output', 'output_only', false, false],
      ['ChoiceCallback:0', 'choice', 'manual', true, false],
      ['TermsAndConditionsCallback:0', 'boolean', 'manual', true, false],
      ['StringAttributeInputCallback:0', 'text', 'manual', true, true],
      ['DeviceProfileCallback:0', 'output', 'output_only', false, false],
      ['HiddenValueCallback:0', 'text', 'manual', false, false],
    ]);
    expect(fields[3]!.options).toEqual([
      { index: 0, label: 'SMS', value: 'SMS' },
      { index: 1, label: 'Email', value: 'Email' },
    ]);
    expect(fields[3]!.defaultValue).toBe(0);
    expect(normalizeCallbacks(null)).toEqual([]);
  });
});

describe('buildNextInput', () => {
  it('reports empty credentials and required values instead of sending them', () => {
    const result = buildNextInput(node, {});
    expect(result.canSubmit).toBe(false);
    expect(result.issues.map((i) => [i.code, i.fieldId])).toEqual([
      ['INVALID_VALUE', 'NameCallback:0'],
      ['INVALID_VALUE', 'PasswordCallback:0'],
      ['INVALID_VALUE', 'StringAttributeInputCallback:0'],
    ]);
  });

  it('builds next() input from values and defaults when complete', () => {
    const result = buildNextInput(
      node,
      {
        'NameCallback:0': 'demo',
        'PasswordCallback:0': 'pw',
        'StringAttributeInputCallback:0': 'a@b.c',
        'TermsAndConditionsCallback:0': true,
      },
      new Set(['DeviceProfileCallback']),
    );
    expect(result).toEqual({
      canSubmit: true,
      issues: [],
      input: {
        callbacks: [
          { type: 'NameCallback', index: 0, value: 'demo' },
          { type: 'PasswordCallback', index: 0, value: 'pw' },
          { type: 'ChoiceCallback', index: 0, value: 0 },
          { type: 'TermsAndConditionsCallback', index: 0, value: true },
          { type: 'StringAttributeInputCallback', index: 0, value: 'a@b.c' },
        ],
      },
    });
  });

  it('sends a hidden value only when the app sets it', () => {
    const values = {
      'NameCallback:0': 'demo',
      'PasswordCallback:0': 'pw',
      'StringAttributeInputCallback:0': 'a@b.c',
      'TermsAndConditionsCallback:0': true,
    };
    const types = (v: Record<string, unknown>) =>
      buildNextInput(node, v as never, new Set(['DeviceProfileCallback'])).input.callbacks!.map(
        (c) => c.type,
      );
    expect(types(values)).not.toContain('HiddenValueCallback');
    expect(types({ ...values, 'HiddenValueCallback:0': 'set' })).toContain('HiddenValueCallback');
  });

  it('refuses a choice out of range and a non-number', () => {
    const result = buildNextInput(node, { 'ChoiceCallback:0': 5 });
    expect(
      result.issues.some((i) => i.fieldId === 'ChoiceCallback:0' && i.code === 'INVALID_VALUE'),
    ).toBe(true);
    expect(buildNextInput({ type: 'SuccessNode', input: {} }, {}).issues[0]!.code).toBe(
      'NO_ACTIVE_CONTINUE_NODE',
    );
  });
});
