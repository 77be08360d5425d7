import { buildNextInput, JourneyError, type AmCallback } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { amFixture } from './am-fixtures';
import { lastInputs, replay } from './am-replay';

// Answering callbacks by their AM input names, on recorded AM replies: what goes back must be the
// callback AM sent with only the named inputs changed, each keeping the JSON type AM gave it.

const callbacksOf = (name: string) => amFixture(name).body.callbacks as AmCallback[];

/** The callback as AM sent it, with the given inputs replaced. */
const answered = (callback: AmCallback, values: Record<string, unknown>): AmCallback => ({
  ...callback,
  input: callback.input!.map((i) => (i.name in values ? { ...i, value: values[i.name] } : i)),
});

describe('next() with inputs set by AM name', () => {
  it.each([
    [
      'pjs-recaptcha-enterprise',
      'ReCaptchaEnterpriseCallback',
      { IDToken1token: 'recaptcha-token-0123456789', IDToken1action: 'login' },
    ],
    ['android-recaptcha', 'ReCaptchaCallback', { IDToken1: 'recaptcha-token-0123456789' }],
    [
      'android-app-integrity',
      'AppIntegrityCallback',
      { IDToken1token: 'integrity-token-0123456789' },
    ],
    ['android-custom-callback', 'MyCustomCallback', { IDToken1: 'ada' }],
    [
      'pjs-protect-evaluate',
      'PingOneProtectEvaluationCallback',
      { IDToken1signals: 'signals-0123456789' },
    ],
    ['pjs-protect-initialize', 'PingOneProtectInitializeCallback', { IDToken1clientError: '' }],
    [
      'android-idp-google',
      'IdPCallback',
      { IDToken1token: 'id-token-0123456789', IDToken1token_type: 'id_token' },
    ],
    ['pjs-device-profile', 'DeviceProfileCallback', { IDToken1: '{"identifier":"1-2-3"}' }],
  ])('answers %s (%s) with AM shape and types', async (fixture, type, inputs) => {
    const run = await replay(fixture);
    await run.client.next({ callbacks: [{ type, inputs }] });
    const [callback] = callbacksOf(fixture);
    expect(run.sent).toEqual([[answered(callback!, inputs)]]);
  });

  it('sends unanswered unknown callbacks back as AM sent them', async () => {
    const run = await replay('ios-custom-callback');
    await run.client.next({
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
      ],
    });
    const custom = callbacksOf('ios-custom-callback')[2];
    expect(run.sent[0]![2]).toEqual(custom);
    expect(lastInputs(run)).toEqual({ IDToken1: 'demo', IDToken2: 'Ch4ng3it!', IDToken3: '' });
  });

  it('answers a custom callback beside core ones, and a number input with a number', async () => {
    const run = await replay('ios-custom-callback');
    await run.client.next({
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
        { type: 'CustomCallback', inputs: { IDToken3: 'custom answer' } },
      ],
    });
    expect(lastInputs(run).IDToken3).toBe('custom answer');

    const otp = await replay('pjs-otp-qr-code');
    await otp.client.next({
      callbacks: [{ type: 'ConfirmationCallback', inputs: { IDToken4: 0 } }],
    });
    expect(lastInputs(otp)).toMatchObject({ IDToken4: 0, IDToken3: 'mfaDeviceRegistration' });
  });

  it.each([
    [
      'an unknown name',
      { type: 'ReCaptchaEnterpriseCallback', inputs: { IDToken2token: 'secret-token-value' } },
      /ReCaptchaEnterpriseCallback has no input IDToken2token that takes string values/,
    ],
    [
      'a number for a string input',
      { type: 'ReCaptchaEnterpriseCallback', inputs: { IDToken1token: 12345 } },
      /has no input IDToken1token that takes number values/,
    ],
    [
      'an object for a string input',
      { type: 'ReCaptchaEnterpriseCallback', inputs: { IDToken1payload: { a: 1 } } },
      /has no input IDToken1payload that takes such values/,
    ],
    [
      'inputs that are not an object',
      { type: 'ReCaptchaEnterpriseCallback', inputs: 'secret-token-value' },
      /inputs must be an object/,
    ],
  ])('refuses %s before anything is sent', async (_, entry, message) => {
    const run = await replay('pjs-recaptcha-enterprise');
    const error = await run.client.next({ callbacks: [entry as never] }).then(
      () => undefined,
      (e: unknown) => e as JourneyError,
    );
    expect(error).toBeInstanceOf(JourneyError);
    expect(error).toMatchObject({ code: 'JOURNEY_CALLBACK_APPLY_ERROR', type: 'argument_error' });
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toContain('secret-token-value');
    expect(run.requests).toBe(1);
    expect(run.sent).toEqual([]);
  });

  it('refuses a string for a number input and NaN anywhere', async () => {
    const run = await replay('pjs-otp-qr-code');
    for (const value of ['0', Number.NaN])
      await expect(
        run.client.next({
          callbacks: [{ type: 'ConfirmationCallback', inputs: { IDToken4: value } }],
        }),
      ).rejects.toMatchObject({ code: 'JOURNEY_CALLBACK_APPLY_ERROR' });
    expect(run.sent).toEqual([]);
  });

  it('still refuses a value for an integration callback', async () => {
    const run = await replay('pjs-recaptcha-enterprise');
    await expect(
      run.client.next({ callbacks: [{ type: 'ReCaptchaEnterpriseCallback', value: 'x' }] }),
    ).rejects.toMatchObject({ code: 'JOURNEY_MISSING_INTEGRATION_ERROR' });
    expect(run.sent).toEqual([]);
  });
});

describe('buildNextInput with inputs answers', () => {
  it('lets an answered integration callback through, and sends what next() sends', async () => {
    const run = await replay('pjs-recaptcha-enterprise');
    const inputs = { IDToken1token: 'recaptcha-token-0123456789' };
    const unanswered = buildNextInput(run.node, {});
    expect(unanswered.issues.map((i) => i.code)).toEqual(['INTEGRATION_REQUIRED']);
    const built = buildNextInput(run.node, { 'ReCaptchaEnterpriseCallback:0': { inputs } });
    expect(built).toEqual({
      canSubmit: true,
      issues: [],
      input: { callbacks: [{ type: 'ReCaptchaEnterpriseCallback', index: 0, inputs }] },
    });
    await run.client.next(built.input);
    expect(lastInputs(run).IDToken1token).toBe(inputs.IDToken1token);
  });

  it('reports a wrong name or type as an invalid value', async () => {
    const { node } = await replay('pjs-recaptcha-enterprise');
    const built = buildNextInput(node, {
      'ReCaptchaEnterpriseCallback:0': { inputs: { IDToken1token: true } },
    });
    expect(built.canSubmit).toBe(false);
    expect(built.issues).toEqual([
      {
        code: 'INVALID_VALUE',
        fieldId: 'ReCaptchaEnterpriseCallback:0',
        callbackType: 'ReCaptchaEnterpriseCallback',
        message: 'ReCaptchaEnterpriseCallback has no input IDToken1token that takes boolean values',
      },
    ]);
  });
});
