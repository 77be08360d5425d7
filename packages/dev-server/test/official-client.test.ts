import {
  journey,
  type AttributeInputCallback,
  type BaseCallback,
  type CallbackType,
  type ChoiceCallback,
  type JourneyClient,
  type JourneyLoginFailure,
  type JourneyLoginSuccess,
  type JourneyResult,
  type JourneyStep,
  type KbaCreateCallback,
  type NameCallback,
  type PasswordCallback,
  type PollingWaitCallback,
  type SuspendedTextOutputCallback,
  type TermsAndConditionsCallback,
  type TextInputCallback,
  type TextOutputCallback,
  type ValidatedCreatePasswordCallback,
  type ValidatedCreateUsernameCallback,
} from '@forgerock/journey-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDevServer, type DevServer, type DevServerStyle } from '../src/index.js';

// Ping's own browser journey client (@forgerock/journey-client) against the dev server, unmodified.
// It runs in Node with in-memory Web Storage, which it needs and Node lacks (toolchain.md §8).
// Node's fetch keeps no cookies, so the client relies on the bodies alone, as AM's protocol allows.
class MemoryStorage {
  readonly #items = new Map<string, string>();
  getItem = (key: string) => this.#items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.#items.set(key, String(value));
  removeItem = (key: string) => void this.#items.delete(key);
  clear = () => this.#items.clear();
}
Object.assign(globalThis, {
  sessionStorage: new MemoryStorage(),
  localStorage: new MemoryStorage(),
});

function asStep(result: JourneyResult): JourneyStep {
  expect(result.type, JSON.stringify(result)).toBe('Step');
  return result as JourneyStep;
}

function asSuccess(result: JourneyResult): JourneyLoginSuccess {
  expect(result.type, JSON.stringify(result)).toBe('LoginSuccess');
  return result as JourneyLoginSuccess;
}

const byType = <T extends BaseCallback>(step: JourneyStep, type: string): T[] =>
  step.getCallbacksOfType<T>(type as CallbackType);

describe.each<DevServerStyle>(['am', 'aic'])("Ping's journey client, %s style", (style) => {
  let server: DevServer;
  let client: JourneyClient;

  beforeAll(async () => {
    server = await startDevServer({ style });
    client = await journey({ config: { serverConfig: { wellknown: server.discoveryEndpoint } } });
  });
  afterAll(() => server.close());

  async function login(username: string, password: string, name = 'Login') {
    const step = asStep(await client.start({ journey: name }));
    expect(step.getHeader()).toBe('Sign In');
    byType<NameCallback>(step, 'NameCallback')[0]!.setName(username);
    byType<PasswordCallback>(step, 'PasswordCallback')[0]!.setPassword(password);
    return client.next(step);
  }

  it('completes Login, and reads a wrong password as a LoginFailure', async () => {
    const success = asSuccess(await login('demo', 'Ch4ng3it!'));
    expect(success.getRealm()).toBe(style === 'aic' ? '/alpha' : '/');
    expect(server.isSessionValid(success.getSessionToken()!)).toBe(true);

    const failure = (await login('demo', 'wrong')) as JourneyLoginFailure;
    expect(failure.type).toBe('LoginFailure');
    expect(failure.getCode()).toBe(401);
    expect(failure.getMessage()).toBe('Login failure');
  });

  it('completes Registration through a validation round, and the new user logs in', async () => {
    const username = `ada-${style}`;
    const first = asStep(await client.start({ journey: 'Registration' }));
    const name = byType<ValidatedCreateUsernameCallback>(
      first,
      'ValidatedCreateUsernameCallback',
    )[0]!;
    name.setName('ad');
    name.setValidateOnly(true);
    const checked = asStep(await client.next(first));
    const failed = byType<ValidatedCreateUsernameCallback>(
      checked,
      'ValidatedCreateUsernameCallback',
    )[0]!;
    expect(failed.getFailedPolicies()).toEqual([
      { params: { minLength: 3 }, policyRequirement: 'MIN_LENGTH' },
    ]);
    expect(failed.getPolicies()).toMatchObject({
      name: 'username',
      policyRequirements: ['REQUIRED', 'UNIQUE', 'MIN_LENGTH', 'CANNOT_CONTAIN_CHARACTERS'],
    });
    expect(server.journeySteps.at(-1)).toMatchObject({ page: 'signUp', result: 'signUp' });
    expect(server.journeySteps.at(-1)!.inputs).toContainEqual({
      name: 'IDToken1validateOnly',
      type: 'boolean',
      value: true,
    });

    const step = checked;
    const usernameCallback = byType<ValidatedCreateUsernameCallback>(
      step,
      'ValidatedCreateUsernameCallback',
    )[0]!;
    usernameCallback.setName(username);
    usernameCallback.setValidateOnly(false);
    const attributes = byType<AttributeInputCallback<string>>(step, 'StringAttributeInputCallback');
    const values: Record<string, string> = {
      givenName: 'Ada',
      sn: 'Lovelace',
      mail: 'ada@example.com',
    };
    for (const attribute of attributes) attribute.setValue(values[attribute.getName()]!);
    byType<AttributeInputCallback<boolean>>(step, 'BooleanAttributeInputCallback')[0]!.setValue(
      true,
    );
    byType<ValidatedCreatePasswordCallback>(
      step,
      'ValidatedCreatePasswordCallback',
    )[0]!.setPassword('Analytic4l');
    const kba = byType<KbaCreateCallback>(step, 'KbaCreateCallback')[0]!;
    kba.setQuestion(kba.getPredefinedQuestions()[0]!);
    kba.setAnswer('Charles');
    const terms = byType<TermsAndConditionsCallback>(step, 'TermsAndConditionsCallback')[0]!;
    expect(terms.getVersion()).toBe('1.0');
    expect(terms.getCreateDate()).toBeInstanceOf(Date);
    terms.setAccepted(true);
    const registered = asSuccess(await client.next(step));
    expect(server.isSessionValid(registered.getSessionToken()!)).toBe(true);
    expect(server.users.find((user) => user.username === username)?.profile).toEqual({
      name: 'Ada Lovelace',
      given_name: 'Ada',
      family_name: 'Lovelace',
      email: 'ada@example.com',
    });

    const again = asSuccess(await login(username, 'Analytic4l'));
    expect(server.isSessionValid(again.getSessionToken()!)).toBe(true);
  });

  it('completes the second factor with the code the server sent, after a wrong one', async () => {
    const channel = asStep(await login('demo', 'Ch4ng3it!', 'SecondFactor'));
    const choice = byType<ChoiceCallback>(channel, 'ChoiceCallback')[0]!;
    expect(choice.getChoices()).toEqual(['Email', 'SMS']);
    choice.setChoiceIndex(1);
    const code = asStep(await client.next(channel));
    const sent = server.outbox.at(-1)!;
    expect(sent).toMatchObject({ journey: 'SecondFactor', username: 'demo', channel: 'sms' });

    byType<TextInputCallback>(code, 'TextInputCallback')[0]!.setInput('not it');
    const retry = asStep(await client.next(code));
    const warning = byType<TextOutputCallback>(retry, 'TextOutputCallback')[0]!;
    expect(warning.getMessage()).toBe('That code is not right. Try again.');
    expect(warning.getMessageType()).toBe('2');

    byType<TextInputCallback>(retry, 'TextInputCallback')[0]!.setInput(sent.code!);
    const success = asSuccess(await client.next(retry));
    expect(server.isSessionValid(success.getSessionToken()!)).toBe(true);
  });

  it('resumes EmailLink from the emailed link, once', async () => {
    const step = asStep(await client.start({ journey: 'EmailLink' }));
    byType<NameCallback>(step, 'NameCallback')[0]!.setName('demo');
    const suspended = asStep(await client.next(step));
    const message = byType<SuspendedTextOutputCallback>(
      suspended,
      'SuspendedTextOutputCallback',
    )[0]!;
    expect(message.getMessage()).toBe('An email has been sent to your inbox.');
    const { link } = server.outbox.at(-1)!;
    const success = asSuccess(await client.resume(link!));
    expect(server.isSessionValid(success.getSessionToken()!)).toBe(true);
    expect((await client.resume(link!)).type).toBe('LoginFailure');
  });

  it('waits out Polling', async () => {
    const step = asStep(await client.start({ journey: 'Polling' }));
    byType<NameCallback>(step, 'NameCallback')[0]!.setName('demo');
    const waiting = asStep(await client.next(step));
    const wait = byType<PollingWaitCallback>(waiting, 'PollingWaitCallback')[0]!;
    expect(wait.getWaitTime()).toBe(1000);
    await sleep(wait.getWaitTime());
    asSuccess(await client.next(waiting));
  });
});
