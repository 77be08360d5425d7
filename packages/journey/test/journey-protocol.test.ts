import { startDevServer, type DevServer } from '@journeykit/dev-server';
import {
  buildNextInput,
  createJourneyClient,
  normalizeCallbacks,
  type ContinueNode,
  type JourneyClient,
  type JourneyFormValue,
  type JourneyNode,
} from '@journeykit/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './helpers';

// The journey protocol end to end against the dev server: validation loops, page texts by locale,
// the shipped journeys, suspend/resume, polling, ForceAuth/noSession, the flow's cookie jar, realm
// forms and misuse. Every check looks at what the SDK returned and at what the server saw.

function continued(node: JourneyNode): ContinueNode {
  expect(node.type, JSON.stringify(node)).toBe('ContinueNode');
  return node as ContinueNode;
}

let server: DevServer;
let client: JourneyClient;
beforeAll(async () => {
  server = await startDevServer({ style: 'aic' });
  client = createJourneyClient({ ...server.clientConfig, locale: 'en-GB' });
});
afterAll(() => server.close());

describe('Registration through the form model', () => {
  const values = (username: string): Record<string, JourneyFormValue> => ({
    'ValidatedCreateUsernameCallback:0': username,
    'StringAttributeInputCallback:0': 'Alan',
    'StringAttributeInputCallback:1': 'Turing',
    'StringAttributeInputCallback:2': 'alan@example.com',
    'BooleanAttributeInputCallback:0': true,
    'ValidatedCreatePasswordCallback:0': 'Enigm4Machine',
    'KbaCreateCallback:0': {
      selectedQuestion: 'In which city were you born?',
      selectedAnswer: 'London',
      allowUserDefinedQuestions: false,
    },
    'TermsAndConditionsCallback:0': true,
  });

  it('validates only when asked: the same page, failedPolicies parsed, policies kept', async () => {
    const page = continued(await client.start('Registration'));
    expect(page).toMatchObject({
      header: 'Sign Up',
      submitButtonText: 'Create account',
      pageFooter: 'We never share your details.',
    });
    const checked = continued(
      await client.next({
        validateOnly: true,
        callbacks: [
          { type: 'ValidatedCreateUsernameCallback', value: 'demo' },
          { type: 'StringAttributeInputCallback', value: 'Alan' },
          { type: 'StringAttributeInputCallback', value: 'Turing' },
          { type: 'StringAttributeInputCallback', value: 'alan@' },
          { type: 'ValidatedCreatePasswordCallback', value: 'enigma' },
        ],
      }),
    );
    expect(server.journeySteps.at(-1)).toMatchObject({ page: 'signUp', result: 'signUp' });
    expect(server.journeySteps.at(-1)!.inputs.filter((i) => i.value === true)).toEqual([
      { name: 'IDToken1validateOnly', type: 'boolean', value: true },
      { name: 'IDToken2validateOnly', type: 'boolean', value: true },
      { name: 'IDToken3validateOnly', type: 'boolean', value: true },
      { name: 'IDToken4validateOnly', type: 'boolean', value: true },
      { name: 'IDToken5validateOnly', type: 'boolean', value: true },
      { name: 'IDToken6validateOnly', type: 'boolean', value: true },
    ]);
    const [username, given, , mail, , password] = checked.callbacks;
    expect(username).toMatchObject({
      value: 'demo',
      failedPolicies: [{ policyRequirement: 'UNIQUE' }],
      policies: { name: 'username', policyRequirements: expect.arrayContaining(['UNIQUE']) },
    });
    expect(given).toMatchObject({ value: 'Alan', failedPolicies: [] });
    expect(mail!.failedPolicies).toEqual([{ policyRequirement: 'VALID_EMAIL_ADDRESS_FORMAT' }]);
    expect(password!.failedPolicies).toEqual([
      { params: { minLength: 8 }, policyRequirement: 'MIN_LENGTH' },
      { params: { numCaps: 1 }, policyRequirement: 'AT_LEAST_X_CAPITAL_LETTERS' },
      { params: { numNums: 1 }, policyRequirement: 'AT_LEAST_X_NUMBERS' },
    ]);
    const fields = normalizeCallbacks(checked);
    expect(fields.filter((f) => f.failedPolicies).map((f) => f.id)).toEqual([
      'ValidatedCreateUsernameCallback:0',
      'StringAttributeInputCallback:2',
      'ValidatedCreatePasswordCallback:0',
    ]);
    // What the user typed comes back as the fields' defaults, the password excepted.
    expect(fields.find((f) => f.id === 'StringAttributeInputCallback:2')!.defaultValue).toBe(
      'alan@',
    );
  });

  it('registers a user from form values, who then signs in with Login', async () => {
    const page = continued(await client.start('Registration'));
    expect(buildNextInput(page, {}).issues.map((i) => i.fieldId)).toEqual(
      expect.arrayContaining(['ValidatedCreateUsernameCallback:0']),
    );
    const built = buildNextInput(page, values('alan'));
    expect(built.issues).toEqual([]);
    expect((await client.next(built.input)).type).toBe('SuccessNode');
    const sso = await client.ssoToken();
    expect(server.isSessionValid(sso!.value)).toBe(true);
    const alan = server.users.find((u) => u.username === 'alan')!;
    expect(alan.id).toMatch(/^[0-9a-f-]{36}$/); // AIC style: a UUID

    const other = createJourneyClient(server.clientConfig);
    const login = continued(await other.start('Login'));
    const done = await other.next(
      buildNextInput(login, { 'NameCallback:0': 'alan', 'PasswordCallback:0': 'Enigm4Machine' })
        .input,
    );
    expect(done.type).toBe('SuccessNode');
  });

  it('picks page texts for the configured locale', async () => {
    const french = createJourneyClient({ ...server.clientConfig, locale: ['fr-CA', 'en'] });
    expect(continued(await french.start('Registration'))).toMatchObject({
      submitButtonText: 'Créer le compte',
      pageFooter: 'Vos données restent chez nous.',
    });
  });
});

describe('the shipped journeys', () => {
  it('SecondFactor: a choice, then the code the server sent', async () => {
    const sdk = createJourneyClient(server.clientConfig);
    continued(await sdk.start('SecondFactor'));
    const channel = continued(
      await sdk.next({
        callbacks: [
          { type: 'NameCallback', value: 'demo' },
          { type: 'PasswordCallback', value: 'Ch4ng3it!' },
        ],
      }),
    );
    expect(channel.callbacks).toMatchObject([
      { type: 'ChoiceCallback', choices: ['Email', 'SMS'], selectedIndex: 0 },
    ]);
    const code = continued(await sdk.next({ callbacks: [{ type: 'ChoiceCallback', value: 0 }] }));
    expect(code.callbacks.map((c) => c.type)).toEqual([
      'TextOutputCallback',
      'TextInputCallback',
      'ConfirmationCallback',
    ]);
    const sent = server.outbox.at(-1)!;
    expect(sent).toMatchObject({ channel: 'email', to: 'demo@example.com' });
    // A confirmation has no default in the form model: the user picks "Submit".
    const built = buildNextInput(code, { 'TextInputCallback:0': sent.code! });
    expect(built.issues.map((i) => i.fieldId)).toEqual(['ConfirmationCallback:0']);
    const input = buildNextInput(code, {
      'TextInputCallback:0': sent.code!,
      'ConfirmationCallback:0': 0,
    }).input;
    expect((await sdk.next(input)).type).toBe('SuccessNode');
  });

  it('EmailLink: suspends, and the emailed link resumes it once', async () => {
    const sdk = createJourneyClient(server.clientConfig);
    continued(await sdk.start('EmailLink'));
    const suspended = continued(
      await sdk.next({ callbacks: [{ type: 'NameCallback', value: 'demo' }] }),
    );
    expect(suspended.callbacks).toMatchObject([
      {
        type: 'SuspendedTextOutputCallback',
        message: 'An email has been sent to your inbox.',
        messageType: 'INFORMATION',
      },
    ]);
    expect(normalizeCallbacks(suspended)[0]!.executionMode).toBe('output_only');
    const { link } = server.outbox.at(-1)!;
    const resumed = await sdk.resume(link!);
    expect(resumed.type).toBe('SuccessNode');
    expect(server.isSessionValid((await sdk.ssoToken())!.value)).toBe(true);
    expect(server.journeySteps.at(-1)).toMatchObject({ journey: 'EmailLink', result: 'success' });

    expect(await sdk.resume(link!)).toMatchObject({
      type: 'ErrorNode',
      message: 'Session has timed out',
      status: 401,
    });
  });

  it('resume() without a suspendedId is a FailureNode, with no request', async () => {
    const sent = server.count('authenticate');
    expect(await client.resume('com.journeykit.app://resume?realm=/alpha')).toMatchObject({
      type: 'FailureNode',
      message: 'Invalid URI or missing suspendedId',
    });
    await expect(client.resume('  ')).rejects.toMatchObject({ code: 'JOURNEY_RESUME_ERROR' });
    expect(server.count('authenticate')).toBe(sent);
  });

  it('Polling: the same wait until waitTime has passed, then success', async () => {
    const sdk = createJourneyClient(server.clientConfig);
    continued(await sdk.start('Polling'));
    const waiting = continued(
      await sdk.next({ callbacks: [{ type: 'NameCallback', value: 'demo' }] }),
    );
    const [wait] = waiting.callbacks;
    expect(wait).toMatchObject({ type: 'PollingWaitCallback', waitTime: 1000 });
    // The SDK never waits by itself: an immediate poll gets the same wait back.
    continued(await sdk.next());
    await new Promise((resolve) => setTimeout(resolve, wait!.waitTime as number));
    expect((await sdk.next()).type).toBe('SuccessNode');
  });
});

describe('sessions, cookies and misuse', () => {
  it('reuses a live session, runs the journey again with forceAuth', async () => {
    const sdk = createJourneyClient(server.clientConfig);
    expect((await signIn(sdk)).type).toBe('SuccessNode');
    const first = (await sdk.ssoToken())!.value;
    expect(await sdk.start('Login')).toMatchObject({ type: 'SuccessNode', input: { tokenId: '' } });
    expect((await sdk.ssoToken())!.value).toBe(first);
    continued(await sdk.start('Login', { forceAuth: true }));
    expect(server.journeySteps.at(-1)).toMatchObject({ journey: 'Login', result: 'credentials' });
    const again = await sdk.next({
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
      ],
    });
    expect(again.type).toBe('SuccessNode');
    const second = (await sdk.ssoToken())!.value;
    expect(second).not.toBe(first);
    expect(server.isSessionValid(second)).toBe(true);
  });

  it('signs in without a session when asked (noSession)', async () => {
    const sdk = createJourneyClient(server.clientConfig);
    continued(await sdk.start('Login', { noSession: true }));
    const done = await sdk.next({
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
      ],
    });
    expect(done).toEqual({
      type: 'SuccessNode',
      input: { successUrl: '/enduser/?realm=/alpha', realm: '/alpha' },
    });
    expect(await sdk.ssoToken()).toBeNull();
  });

  it('sends back, within one journey only, the cookies the server set during it', async () => {
    const sdk = createJourneyClient(server.clientConfig);
    continued(await sdk.start('Registration'));
    expect(server.journeySteps.at(-1)!.cookies).toEqual([]);
    continued(await sdk.next({ validateOnly: true }));
    expect(server.journeySteps.at(-1)!.cookies).toEqual(['amlbcookie']);
    continued(await sdk.start('Login'));
    expect(server.journeySteps.at(-1)!.cookies).toEqual([]);
  });

  it('sends nothing for invalid input, keeps the step, and refuses next() after the end', async () => {
    const sdk = createJourneyClient(server.clientConfig);
    continued(await sdk.start('Login'));
    const sent = server.count('authenticate');
    for (const callbacks of [
      [{ type: 'NameCallback', value: { name: 'x' } }],
      [{ type: 'NameCallback', value: 'a', index: 1 }],
      [{ type: 'ChoiceCallback', value: 0 }],
    ]) {
      await expect(sdk.next({ callbacks })).rejects.toMatchObject({
        code: 'JOURNEY_CALLBACK_APPLY_ERROR',
        type: 'argument_error',
      });
    }
    expect(server.count('authenticate')).toBe(sent);
    expect(
      await sdk.next({
        callbacks: [
          { type: 'NameCallback', value: 'demo' },
          { type: 'PasswordCallback', value: 'wrong' },
        ],
      }),
    ).toMatchObject({ type: 'ErrorNode', message: 'Login failure', status: 401 });
    await expect(sdk.next()).rejects.toMatchObject({
      code: 'JOURNEY_STATE_ERROR',
      type: 'state_error',
    });
    expect(server.count('authenticate')).toBe(sent + 1);
  });

  it('rejects an aborted start or next with abort_error and keeps the step for a retry', async () => {
    const sdk = createJourneyClient(server.clientConfig);
    const abortSoon = () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      return controller.signal;
    };
    server.inject('authenticate', { delayMs: 1000, times: 1 });
    await expect(sdk.start('Login', { signal: abortSoon() })).rejects.toMatchObject({
      code: 'JOURNEY_START_ERROR',
      type: 'abort_error',
    });
    continued(await sdk.start('Login'));
    const credentials = [
      { type: 'NameCallback', value: 'demo' },
      { type: 'PasswordCallback', value: 'Ch4ng3it!' },
    ];
    server.inject('authenticate', { delayMs: 1000, times: 1 });
    await expect(
      sdk.next({ callbacks: credentials }, { signal: abortSoon() }),
    ).rejects.toMatchObject({
      code: 'JOURNEY_NEXT_ERROR',
      type: 'abort_error',
    });
    expect((await sdk.next({ callbacks: credentials })).type).toBe('SuccessNode');
    await expect(
      sdk.resume('app://x?suspendedId=abc', { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      type: 'abort_error',
    });
  });
});

describe.each([
  ['root', 'root', '/'],
  ['alpha', '/alpha', '/alpha'],
  ['alpha/sub', 'root/alpha/sub', '/alpha/sub'],
])('realm %s', (realm, configured, name) => {
  let realmServer: DevServer;
  beforeAll(async () => {
    realmServer = await startDevServer({ realm });
  });
  afterAll(() => realmServer.close());

  it(`signs in with the realm configured as "${configured}"`, async () => {
    const sdk = createJourneyClient({ ...realmServer.clientConfig, realm: configured });
    expect((await signIn(sdk)).type).toBe('SuccessNode');
    expect((await sdk.ssoToken())!.realm).toBe(name);
    const paths = realmServer.requests.filter((r) => r.route === 'authenticate').map((r) => r.path);
    const segment = ['root', ...name.split('/').filter(Boolean)]
      .map((n) => `realms/${n}`)
      .join('/');
    expect(new Set(paths)).toEqual(new Set([`/am/json/${segment}/authenticate`]));
  });
});
