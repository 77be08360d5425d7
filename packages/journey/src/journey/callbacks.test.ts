import { describe, expect, it } from 'vitest';
import { applyInput, toJourneyCallback } from './callbacks';
import type { AmCallback, AmStep } from './types';

const cb = (
  type: string,
  output: [string, unknown][],
  inputs: [string, unknown][],
): AmCallback => ({
  type,
  output: output.map(([name, value]) => ({ name, value })),
  input: inputs.map(([name, value]) => ({ name, value })),
});

const step: AmStep = {
  authId: 'a',
  callbacks: [
    cb(
      'TextOutputCallback',
      [
        ['message', 'Hi'],
        ['messageType', '0'],
      ],
      [],
    ),
    cb('NameCallback', [['prompt', 'User Name']], [['IDToken2', '']]),
    cb('PasswordCallback', [['prompt', 'Password']], [['IDToken3', '']]),
    cb(
      'ChoiceCallback',
      [
        ['prompt', 'Pick'],
        ['choices', ['a', 'b']],
        ['defaultChoice', 1],
      ],
      [['IDToken4', 1]],
    ),
    cb(
      'ChoiceCallback',
      [
        ['prompt', 'Again'],
        ['choices', ['x', 'y', 'z']],
        ['defaultChoice', 0],
      ],
      [['IDToken5', 0]],
    ),
    cb(
      'BooleanAttributeInputCallback',
      [
        ['name', 'pref'],
        ['value', false],
        ['failedPolicies', ['{"policyRequirement":"REQUIRED"}']],
      ],
      [
        ['IDToken6', false],
        ['IDToken6validateOnly', false],
      ],
    ),
    cb(
      'KbaCreateCallback',
      [
        ['prompt', 'Q'],
        ['predefinedQuestions', ['Pet?']],
      ],
      [
        ['IDToken7question', ''],
        ['IDToken7answer', ''],
      ],
    ),
    cb(
      'NumberAttributeInputCallback',
      [
        ['name', 'age'],
        ['value', null],
      ],
      [['IDToken8', null]],
    ),
    cb(
      'HiddenValueCallback',
      [
        ['id', 'h'],
        ['value', 'x'],
      ],
      [['IDToken9', 'h']],
    ),
    cb('SomeCustomCallback', [['data', 1]], [['IDToken10', 'keep']]),
  ],
};

const values = (s: AmStep) => s.callbacks!.flatMap((c) => (c.input ?? []).map((i) => i.value));

describe('callbacks as an app sees them', () => {
  it('names outputs, converts AM wire types and keeps raw', () => {
    const [text, name, password, choice, , bool, kba] = step.callbacks!.map(toJourneyCallback);
    expect(text).toMatchObject({
      type: 'TextOutputCallback',
      prompt: 'Hi',
      messageType: 'INFORMATION',
    });
    expect(name).toMatchObject({ prompt: 'User Name', value: '' });
    expect(password!.value).toBe('');
    expect(choice).toMatchObject({ choices: ['a', 'b'], defaultChoice: 1, selectedIndex: 1 });
    expect(bool!.failedPolicies).toEqual([{ policyRequirement: 'REQUIRED' }]);
    expect(kba).toMatchObject({
      predefinedQuestions: ['Pet?'],
      selectedQuestion: '',
      selectedAnswer: '',
    });
    expect(name!.raw).toBe(step.callbacks![1]);
  });

  it('shows a hidden value, attribute values and confirmations as AM means them', () => {
    const hidden = toJourneyCallback(
      cb(
        'HiddenValueCallback',
        [
          ['value', 'otpauth://totp/x'],
          ['id', 'mfaDeviceRegistration'],
        ],
        [['IDToken1', 'mfaDeviceRegistration']],
      ),
    );
    expect(hidden).toMatchObject({ id: 'mfaDeviceRegistration', value: 'otpauth://totp/x' });
    const text = toJourneyCallback(
      cb(
        'TextInputCallback',
        [
          ['prompt', 'Nick'],
          ['defaultText', 'Ace'],
        ],
        [['IDToken1', '']],
      ),
    );
    expect(text.value).toBe('Ace');
    const confirmation = toJourneyCallback(
      cb(
        'ConfirmationCallback',
        [
          ['prompt', ''],
          ['messageType', 1],
          ['options', ['Yes', 'No']],
          ['optionType', 0],
          ['defaultOption', 1],
        ],
        [['IDToken1', 1]],
      ),
    );
    expect(confirmation).toMatchObject({
      options: ['Yes', 'No'],
      selectedIndex: -1,
      messageType: 'WARNING',
      optionType: 'YES_NO_OPTION',
      defaultOption: 1,
    });
    const consent = toJourneyCallback(
      cb(
        'ConsentMappingCallback',
        [
          ['name', 'crm'],
          ['isRequired', true],
          ['fields', ['mail']],
        ],
        [['IDToken1', false]],
      ),
    );
    expect(consent).toMatchObject({ required: true, accepted: false, fields: ['mail'] });
    const policies = { name: 'username', policies: [] };
    const username = toJourneyCallback(
      cb(
        'ValidatedCreateUsernameCallback',
        [
          ['policies', policies],
          [
            'failedPolicies',
            ['{"params":{"minLength":3},"policyRequirement":"MIN_LENGTH"}', '{bad'],
          ],
          ['validateOnly', false],
          ['prompt', 'Username'],
        ],
        [
          ['IDToken1', 'ad'],
          ['IDToken1validateOnly', false],
        ],
      ),
    );
    expect(username).toMatchObject({
      prompt: 'Username',
      value: 'ad',
      policies,
      failedPolicies: [
        { params: { minLength: 3 }, policyRequirement: 'MIN_LENGTH' },
        { policyRequirement: 'UNKNOWN', raw: '{bad' },
      ],
    });
  });

  it('shows a PollingWait time as a number and WebAuthn metadata as a FIDO callback', () => {
    expect(toJourneyCallback(cb('PollingWaitCallback', [['waitTime', '8000']], [])).waitTime).toBe(
      8000,
    );
    const fido = cb('MetadataCallback', [['data', { _action: 'webauthn_authentication' }]], []);
    expect(toJourneyCallback(fido).type).toBe('FidoAuthenticationCallback');
  });
});

describe('applyInput (next() semantics)', () => {
  it('sets inputs by type, per-type counters and explicit index, coercing values', () => {
    const out = applyInput(step, {
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 12345 },
        { type: 'ChoiceCallback', value: '0' },
        { type: 'ChoiceCallback', value: 2 },
        { type: 'BooleanAttributeInputCallback', value: ' TRUE ' },
        { type: 'KbaCreateCallback', value: { question: 'Pet?', answer: 'Rex' } },
        { type: 'NumberAttributeInputCallback', value: '42.5' },
        { type: 'HiddenValueCallback', value: 'v', index: '0' },
      ],
    });
    expect(values(out)).toEqual([
      'demo',
      '12345',
      0,
      2,
      true,
      false,
      'Pet?',
      'Rex',
      42.5,
      'v',
      'keep',
    ]);
    expect(values(step)).toEqual(['', '', 1, 0, false, false, '', '', null, 'h', 'keep']);
  });

  it('asks for validation only when told, and resets the flag otherwise', () => {
    const flags = (s: AmStep) =>
      s.callbacks!.flatMap((c) => c.input ?? []).filter((i) => i.name.endsWith('validateOnly'));
    const checking = applyInput(step, { validateOnly: true });
    expect(flags(checking).map((i) => i.value)).toEqual([true]);
    expect(flags(applyInput(checking, {})).map((i) => i.value)).toEqual([false]);
  });

  it('keeps callbacks it does not know, unchanged', () => {
    const out = applyInput(step, { callbacks: [{ type: 'NameCallback', value: 'x' }] });
    expect(out.callbacks![9]).toEqual(step.callbacks![9]);
  });

  it('lets an explicit index move the counter on', () => {
    const out = applyInput(step, {
      callbacks: [
        { type: 'ChoiceCallback', value: 1, index: 0 },
        { type: 'ChoiceCallback', value: 1 },
      ],
    });
    expect(values(out).slice(2, 4)).toEqual([1, 1]);
  });

  it.each([
    [
      { type: 'NameCallback', value: {} },
      'JOURNEY_CALLBACK_APPLY_ERROR',
      'expects a string-compatible value',
    ],
    [
      { type: 'NumberAttributeInputCallback', value: 'abc' },
      'JOURNEY_CALLBACK_APPLY_ERROR',
      'expects a numeric value',
    ],
    [
      { type: 'ChoiceCallback', value: 1.5 },
      'JOURNEY_CALLBACK_APPLY_ERROR',
      'expects an integer value',
    ],
    [{ type: 'ChoiceCallback', value: 5 }, 'JOURNEY_CALLBACK_APPLY_ERROR', 'has no option 5'],
    [
      { type: 'BooleanAttributeInputCallback', value: 'maybe' },
      'JOURNEY_CALLBACK_APPLY_ERROR',
      'expects a boolean value',
    ],
    [{ type: 'NameCallback', value: 'x', index: 3 }, 'JOURNEY_CALLBACK_APPLY_ERROR', 'at index 3'],
    [
      { type: 'TextInputCallback', value: 'x' },
      'JOURNEY_CALLBACK_APPLY_ERROR',
      'No active callback found',
    ],
    [{ type: 'NameCallback' }, 'JOURNEY_CALLBACK_APPLY_ERROR', 'expects a string-compatible value'],
    [
      { type: 'ChoiceCallback', value: null },
      'JOURNEY_CALLBACK_APPLY_ERROR',
      'ChoiceCallback expects an integer value',
    ],
    [
      { type: 'KbaCreateCallback', value: 1 },
      'JOURNEY_CALLBACK_APPLY_ERROR',
      'question and answer',
    ],
    [{ type: '' }, 'JOURNEY_CALLBACK_APPLY_ERROR', 'Callback type is required'],
    [
      { type: 'TextOutputCallback', value: 'x' },
      'JOURNEY_UNSUPPORTED_CALLBACK_ERROR',
      'output-only',
    ],
    [
      { type: 'SomeCustomCallback', value: 'x' },
      'JOURNEY_UNSUPPORTED_CALLBACK_ERROR',
      'not supported for value mutation',
    ],
    [
      { type: 'DeviceProfileCallback', value: 'x' },
      'JOURNEY_MISSING_INTEGRATION_ERROR',
      'requires additional integration',
    ],
  ])('refuses %j before anything is sent', (entry, code, message) => {
    expect(() => applyInput(step, { callbacks: [entry] })).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining(message) }),
    );
  });

  it('refuses a payload that is not a list of objects', () => {
    expect(() => applyInput(step, { callbacks: 'x' as never })).toThrow(/must be an array/);
    expect(() => applyInput(step, { callbacks: [null as never] })).toThrow(
      /Invalid callback payload at index 0/,
    );
  });
});
