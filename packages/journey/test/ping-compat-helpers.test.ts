// The behaviour rn-journey's callback-helper tests define (normalizeCallbacks, buildNextInput),
// checked on journeykit: on nodes parsed from real AM replies (../shared/am-fixtures) wherever AM
// sends the callback, and on nodes built by hand in rn-journey's shape where the case is about
// such a node. Messages are journeykit's own; codes, field ids and types are rn-journey's.
import {
  buildNextInput,
  normalizeCallbacks,
  type AmStep,
  type ContinueNode,
  type JourneyNode,
} from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { applyInput } from '../src/journey/callbacks';
import { continueNode } from '../src/journey/nodes';
import { amFixture } from './am-fixtures';
import { amCallback } from './am-json';

/** The step of one or more recorded AM replies (their callbacks in order). */
const stepOf = (...names: string[]): AmStep => ({
  authId: 'recorded',
  callbacks: names.flatMap((n) => (amFixture(n).body as unknown as AmStep).callbacks ?? []),
});
/** The ContinueNode journeykit makes of it. */
const nodeOf = (...names: string[]) => continueNode(stepOf(...names), ['en']) as ContinueNode;
/** The recorded consent callback (not required), made required as AM sends a required one. */
const requiredConsentStep = (): AmStep => {
  const [recorded] = stepOf('android-consent-mapping').callbacks!;
  const outputs = Object.fromEntries(recorded!.output!.map((o) => [o.name, o.value]));
  return {
    authId: 'a',
    callbacks: [amCallback('ConsentMappingCallback', { ...outputs, isRequired: true }, [false])],
  };
};
/** What AM would receive for `next(input)` on that step: each callback's input values. */
const sent = (step: AmStep, input: ReturnType<typeof buildNextInput>['input']) =>
  applyInput(step, input).callbacks!.map((cb) => (cb.input ?? []).map((i) => i.value));

describe('normalizeCallbacks', () => {
  it('gives fields deterministic ids by type and index', () => {
    const fields = normalizeCallbacks(nodeOf('ios-registration'));
    expect(fields.filter((f) => f.ref.type === 'StringAttributeInputCallback')).toMatchObject([
      { id: 'StringAttributeInputCallback:0', ref: { typeIndex: 0 }, kind: 'text' },
      { id: 'StringAttributeInputCallback:1', ref: { typeIndex: 1 }, kind: 'text' },
      { id: 'StringAttributeInputCallback:2', ref: { typeIndex: 2 }, kind: 'text' },
    ]);
    // A hand-built node without prompts, as in rn-journey's tests.
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [
        { type: 'NameCallback', output: [] },
        { type: 'NameCallback', output: [] },
        { type: 'PasswordCallback', output: [] },
      ],
    };
    expect(normalizeCallbacks(node)).toMatchObject([
      { id: 'NameCallback:0', ref: { type: 'NameCallback', typeIndex: 0 }, prompt: '' },
      { id: 'NameCallback:1', ref: { type: 'NameCallback', typeIndex: 1 }, kind: 'text' },
      { id: 'PasswordCallback:0', kind: 'password', executionMode: 'manual' },
    ]);
  });

  it('keeps a message apart from the prompt', () => {
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'TextOutputCallback', message: 'Server message only', output: [] }],
    };
    expect(normalizeCallbacks(node)).toEqual([
      expect.objectContaining({
        id: 'TextOutputCallback:0',
        prompt: '',
        message: 'Server message only',
      }),
    ]);
    // From AM, a text output's prompt is its message, as the native bridge shows it.
    const [warning] = normalizeCallbacks(nodeOf('android-textoutput-warning'));
    expect(warning!.message).toBeTruthy();
    expect(warning!.prompt).toBe(warning!.message);
  });

  it('does not make up option labels', () => {
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [
        { type: 'ChoiceCallback', options: [{ value: 'a' }, 'server-option'], output: [] },
      ],
    };
    expect(normalizeCallbacks(node)[0]!.options).toEqual([
      { index: 0, label: '', value: { value: 'a' } },
      { index: 1, label: 'server-option', value: 'server-option' },
    ]);
  });

  it("reads a ChoiceCallback's options from AM's choices", () => {
    expect(normalizeCallbacks(nodeOf('android-choice'))[0]!.options).toEqual([
      { index: 0, label: 'email', value: 'email' },
      { index: 1, label: 'sms', value: 'sms' },
    ]);
  });

  it('gives a choice no default the callback does not carry', () => {
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'ChoiceCallback', options: ['A', 'B'], output: [] }],
    };
    expect(normalizeCallbacks(node)[0]!.defaultValue).toBeUndefined();
  });

  it('starts a ChoiceCallback AM left blank (input "") on its defaultChoice', () => {
    const node = nodeOf('ios-second-factor-choice');
    const choice = stepOf('ios-second-factor-choice').callbacks!.find(
      (cb) => cb.type === 'ChoiceCallback',
    )!;
    expect(choice.input![0]!.value).toBe(''); // as recorded
    const field = normalizeCallbacks(node).find((f) => f.kind === 'choice')!;
    expect(field.defaultValue).toBe(0);
    const built = buildNextInput(node, {});
    expect(built).toMatchObject({ canSubmit: true, issues: [] });
    expect(sent(stepOf('ios-second-factor-choice'), built.input)).toContainEqual([0]);
  });

  it('makes a HiddenValueCallback a manual field that asks the user nothing', () => {
    const hidden = normalizeCallbacks(nodeOf('android-webauthn-authentication-json')).find(
      (f) => f.ref.type === 'HiddenValueCallback',
    );
    expect(hidden).toMatchObject({
      id: 'HiddenValueCallback:0',
      executionMode: 'manual',
      requiresUserInput: false,
      kind: 'text',
    });
  });

  it("takes a ConfirmationCallback's unset selection (-1) as no default", () => {
    const [confirmation] = normalizeCallbacks(nodeOf('android-confirmation'));
    expect(confirmation!.raw.selectedIndex).toBe(-1);
    expect(confirmation!.defaultValue).toBeUndefined();
  });

  it('reads required from isRequired', () => {
    expect(normalizeCallbacks(nodeOf('android-consent-mapping'))[0]!.required).toBe(false);
    const required = continueNode(requiredConsentStep(), ['en']);
    expect(normalizeCallbacks(required)[0]!.required).toBe(true);
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'TermsAndConditionsCallback', isRequired: true, output: [] }],
    };
    expect(normalizeCallbacks(node)[0]!.required).toBe(true);
  });

  it('makes a ConsentMappingCallback a required boolean field with its message', () => {
    const [consent] = normalizeCallbacks(continueNode(requiredConsentStep(), ['en']));
    expect(consent).toMatchObject({
      id: 'ConsentMappingCallback:0',
      ref: { type: 'ConsentMappingCallback', typeIndex: 0 },
      kind: 'boolean',
      executionMode: 'manual',
      required: true,
      message: expect.any(String),
      defaultValue: false,
    });
  });

  it('marks WebAuthn and reCAPTCHA Enterprise as needing an integration', () => {
    const fields = normalizeCallbacks(
      nodeOf('android-webauthn-authentication-json', 'android-recaptcha-enterprise'),
    );
    expect(fields.filter((f) => f.executionMode === 'integration_required')).toMatchObject([
      { id: 'FidoAuthenticationCallback:0' },
      { id: 'ReCaptchaEnterpriseCallback:0' },
    ]);
  });

  it('marks both spellings of the IdP callback as needing an integration', () => {
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [
        { type: 'IdPCallback', output: [] },
        { type: 'IdpCallback', output: [] },
      ],
    };
    expect(normalizeCallbacks(node)).toMatchObject([
      { id: 'IdPCallback:0', executionMode: 'integration_required' },
      { id: 'IdpCallback:0', executionMode: 'integration_required' },
    ]);
    // AM sends IdPCallback; the node shows it as the native SDKs do.
    expect(normalizeCallbacks(nodeOf('android-idp-google'))).toMatchObject([
      { id: 'IdpCallback:0', executionMode: 'integration_required' },
    ]);
  });

  it('gives [] for anything but a ContinueNode, an array included', () => {
    expect(normalizeCallbacks([] as never)).toEqual([]);
    expect(normalizeCallbacks({ type: 'SuccessNode' })).toEqual([]);
    expect(normalizeCallbacks(null)).toEqual([]);
  });
});

describe('buildNextInput', () => {
  it('builds next() input for the manual callbacks, a number from its text', () => {
    const names = ['android-name', 'android-password', 'android-number-attribute'];
    const result = buildNextInput(nodeOf(...names), {
      'NameCallback:0': 'demo-user',
      'PasswordCallback:0': 'demo-pass',
      'NumberAttributeInputCallback:0': '42',
    });
    expect(result).toEqual({
      canSubmit: true,
      issues: [],
      input: {
        callbacks: [
          { type: 'NameCallback', index: 0, value: 'demo-user' },
          { type: 'PasswordCallback', index: 0, value: 'demo-pass' },
          { type: 'NumberAttributeInputCallback', index: 0, value: 42 },
        ],
      },
    });
    expect(sent(stepOf(...names), result.input)).toEqual([
      ['demo-user'],
      ['demo-pass'],
      [42, false],
    ]);
  });

  it('does not take an empty number for zero', () => {
    const result = buildNextInput(nodeOf('android-number-attribute'), {
      'NumberAttributeInputCallback:0': '',
    });
    expect(result.canSubmit).toBe(false);
    expect(result.issues).toEqual([
      {
        code: 'INVALID_VALUE',
        message: expect.any(String),
        fieldId: 'NumberAttributeInputCallback:0',
        callbackType: 'NumberAttributeInputCallback',
      },
    ]);
  });

  it('lets a DeviceProfileCallback through: output-only, nothing to send', () => {
    for (const reply of ['pjs-device-profile', 'ios-device-profile-all']) {
      const node = nodeOf(reply);
      expect(normalizeCallbacks(node)[0]).toMatchObject({ executionMode: 'output_only' });
      expect(buildNextInput(node, {})).toEqual({ canSubmit: true, issues: [], input: {} });
    }
  });

  it('requires terms to be accepted when the callback says they are required', () => {
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'TermsAndConditionsCallback', required: true, output: [] }],
    };
    const result = buildNextInput(node, { 'TermsAndConditionsCallback:0': false });
    expect(result.canSubmit).toBe(false);
    expect(result.issues).toEqual([
      {
        code: 'REQUIRED_CONSENT_MISSING',
        message: expect.any(String),
        fieldId: 'TermsAndConditionsCallback:0',
        callbackType: 'TermsAndConditionsCallback',
      },
    ]);
  });

  it("sends terms declined when AM's callback does not mark them required", () => {
    const result = buildNextInput(nodeOf('android-terms'), {
      'TermsAndConditionsCallback:0': false,
    });
    expect(result).toEqual({
      canSubmit: true,
      issues: [],
      input: { callbacks: [{ type: 'TermsAndConditionsCallback', index: 0, value: false }] },
    });
    expect(sent(stepOf('android-terms'), result.input)).toEqual([[false]]);
  });

  it('requires a required consent to be accepted, then sends it', () => {
    const node = continueNode(requiredConsentStep(), ['en']);
    const refused = buildNextInput(node, { 'ConsentMappingCallback:0': false });
    expect(refused.canSubmit).toBe(false);
    expect(refused.issues).toEqual([
      {
        code: 'REQUIRED_CONSENT_MISSING',
        message: expect.any(String),
        fieldId: 'ConsentMappingCallback:0',
        callbackType: 'ConsentMappingCallback',
      },
    ]);
    const accepted = buildNextInput(node, { 'ConsentMappingCallback:0': true });
    expect(accepted).toEqual({
      canSubmit: true,
      issues: [],
      input: { callbacks: [{ type: 'ConsentMappingCallback', index: 0, value: true }] },
    });
    expect(sent(requiredConsentStep(), accepted.input)).toEqual([[true]]);
  });

  it('takes false for an answer to a required yes/no attribute (declining marketing mail)', () => {
    const node = nodeOf('ios-registration');
    const booleans = normalizeCallbacks(node).filter((f) => f.kind === 'boolean');
    expect(booleans.map((f) => [f.ref.type, f.required])).toContainEqual([
      'BooleanAttributeInputCallback',
      true,
    ]);
    const values = Object.fromEntries(
      booleans.map((f) => [f.id, f.ref.type === 'BooleanAttributeInputCallback' ? false : true]),
    );
    const issues = buildNextInput(node, values).issues;
    expect(issues.filter((i) => i.callbackType === 'BooleanAttributeInputCallback')).toEqual([]);
  });

  it('requires a value of a required text field', () => {
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'NameCallback', required: true, output: [] }],
    };
    expect(buildNextInput(node, { 'NameCallback:0': '   ' }).issues).toEqual([
      {
        code: 'INVALID_VALUE',
        message: expect.any(String),
        fieldId: 'NameCallback:0',
        callbackType: 'NameCallback',
      },
    ]);
    const registration = buildNextInput(nodeOf('ios-registration'), {
      'StringAttributeInputCallback:0': '  ',
    });
    expect(registration.issues).toContainEqual(
      expect.objectContaining({ code: 'INVALID_VALUE', fieldId: 'StringAttributeInputCallback:0' }),
    );
  });

  it('requires a KBA question and answer', () => {
    const blank = { selectedQuestion: '', selectedAnswer: ' ', allowUserDefinedQuestions: true };
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'KbaCreateCallback', required: true, output: [] }],
    };
    expect(buildNextInput(node, { 'KbaCreateCallback:0': blank })).toMatchObject({
      canSubmit: false,
      issues: [
        {
          code: 'INVALID_VALUE',
          fieldId: 'KbaCreateCallback:0',
          callbackType: 'KbaCreateCallback',
        },
      ],
    });
    const recorded = buildNextInput(nodeOf('android-kba-create'), { 'KbaCreateCallback:0': blank });
    expect(recorded.issues.map((i) => [i.code, i.fieldId])).toContainEqual([
      'INVALID_VALUE',
      'KbaCreateCallback:0',
    ]);
  });

  it('refuses a choice out of range', () => {
    const result = buildNextInput(nodeOf('android-choice'), { 'ChoiceCallback:0': 10 });
    expect(result.canSubmit).toBe(false);
    expect(result.issues).toEqual([
      {
        code: 'INVALID_VALUE',
        message: expect.any(String),
        fieldId: 'ChoiceCallback:0',
        callbackType: 'ChoiceCallback',
      },
    ]);
  });
});
