import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  attributeInputCallback,
  choiceCallback,
  confirmationCallback,
  consentMappingCallback,
  hiddenValueCallback,
  kbaCreateCallback,
  metadataCallback,
  nameCallback,
  passwordCallback,
  pollingWaitCallback,
  startDevServer,
  suspendedTextOutputCallback,
  termsAndConditionsCallback,
  textInputCallback,
  textOutputCallback,
  validatedPasswordCallback,
  validatedUsernameCallback,
  type DevServer,
  type Journey,
} from '../src/index.js';
import {
  AM_HEADERS,
  authenticateUrl,
  fill,
  login,
  startJourney,
  submit,
  type Step,
} from './helpers.js';

/** Every core callback on one page, to check what the server puts on the wire. */
const everything: Journey = {
  name: 'Everything',
  start: 'all',
  nodes: {
    all: {
      type: 'page',
      callbacks: [
        nameCallback('User Name', 'username'),
        passwordCallback('Password', 'password'),
        textInputCallback('Nickname', 'nickname', 'Ace'),
        textOutputCallback('Hello', 'warning'),
        suspendedTextOutputCallback('Check your inbox'),
        choiceCallback('Colour', ['Red', 'Blue'], 'colour', 1),
        confirmationCallback(['Yes', 'No'], 'confirm', 1),
        hiddenValueCallback('deviceId', 'abc', 'device'),
        metadataCallback({ relyingPartyId: 'example.com', count: 2 }),
        pollingWaitCallback(8000, 'Waiting'),
        validatedUsernameCallback('Username', 'login', [{ policyId: 'required' }]),
        validatedPasswordCallback('New password', 'secret', []),
        attributeInputCallback('String', 'givenName', 'First Name', { required: true }),
        attributeInputCallback('Number', 'age', 'Age'),
        attributeInputCallback('Boolean', 'news', 'News'),
        termsAndConditionsCallback('Be nice', '0.0', '2026-01-01T00:00:00.000Z', 'terms'),
        kbaCreateCallback('Question', ['Pet?'], { question: 'q', answer: 'a' }),
        consentMappingCallback(
          {
            name: 'crm',
            displayName: 'CRM',
            icon: '',
            accessLevel: 'Actual Profile',
            isRequired: true,
            message: 'Share your profile?',
            fields: ['mail'],
          },
          'consent',
        ),
      ],
      next: 'done',
    },
    done: { type: 'failure', message: 'Done' },
  },
};

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ journeys: [everything], resumeUrl: 'com.example.app://resume' });
});
afterAll(() => server.close());

const json = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as Record<string, unknown> & Step,
});
const output = (step: Step, index: number, name: string) =>
  step.callbacks[index]!.output.find((o) => o.name === name)?.value;

describe('callbacks on the wire (am-protocol §4)', () => {
  it('renders every core callback with AM’s JSON types, IDToken<N> names and _id', async () => {
    const step = await startJourney(server, 'Everything');
    const shapes = step.callbacks.map((cb, i) => [
      cb.type,
      (cb as { _id?: number })._id === i,
      Object.fromEntries(
        cb.output.map((o) => [
          o.name,
          Array.isArray(o.value) ? 'array' : o.value === null ? 'null' : typeof o.value,
        ]),
      ),
      (cb.input ?? []).map((input) => `${input.name}:${typeof input.value}`),
    ]);
    expect(shapes).toEqual([
      ['NameCallback', true, { prompt: 'string' }, ['IDToken1:string']],
      ['PasswordCallback', true, { prompt: 'string' }, ['IDToken2:string']],
      ['TextInputCallback', true, { prompt: 'string', defaultText: 'string' }, ['IDToken3:string']],
      ['TextOutputCallback', true, { message: 'string', messageType: 'string' }, []],
      ['SuspendedTextOutputCallback', true, { message: 'string', messageType: 'string' }, []],
      [
        'ChoiceCallback',
        true,
        { prompt: 'string', choices: 'array', defaultChoice: 'number' },
        ['IDToken6:number'],
      ],
      [
        'ConfirmationCallback',
        true,
        {
          prompt: 'string',
          messageType: 'number',
          options: 'array',
          optionType: 'number',
          defaultOption: 'number',
        },
        ['IDToken7:number'],
      ],
      ['HiddenValueCallback', true, { value: 'string', id: 'string' }, ['IDToken8:string']],
      ['MetadataCallback', true, { data: 'object' }, []],
      ['PollingWaitCallback', true, { waitTime: 'string', message: 'string' }, []],
      [
        'ValidatedCreateUsernameCallback',
        true,
        { policies: 'object', failedPolicies: 'array', validateOnly: 'boolean', prompt: 'string' },
        ['IDToken11:string', 'IDToken11validateOnly:boolean'],
      ],
      [
        'ValidatedCreatePasswordCallback',
        true,
        {
          echoOn: 'boolean',
          policies: 'object',
          failedPolicies: 'array',
          validateOnly: 'boolean',
          prompt: 'string',
        },
        ['IDToken12:string', 'IDToken12validateOnly:boolean'],
      ],
      ...(
        [
          ['String', 'string'],
          ['Number', 'null'],
          ['Boolean', 'boolean'],
        ] as const
      ).map(([kind, type], i) => [
        `${kind}AttributeInputCallback`,
        true,
        {
          name: 'string',
          prompt: 'string',
          required: 'boolean',
          policies: 'object',
          failedPolicies: 'array',
          validateOnly: 'boolean',
          value: type,
        },
        [
          `IDToken${13 + i}:${type === 'null' ? 'object' : type}`,
          `IDToken${13 + i}validateOnly:boolean`,
        ],
      ]),
      [
        'TermsAndConditionsCallback',
        true,
        { version: 'string', terms: 'string', createDate: 'string' },
        ['IDToken16:boolean'],
      ],
      [
        'KbaCreateCallback',
        true,
        { prompt: 'string', predefinedQuestions: 'array', allowUserDefinedQuestions: 'boolean' },
        ['IDToken17question:string', 'IDToken17answer:string'],
      ],
      [
        'ConsentMappingCallback',
        true,
        {
          name: 'string',
          displayName: 'string',
          icon: 'string',
          accessLevel: 'string',
          isRequired: 'boolean',
          message: 'string',
          fields: 'array',
        },
        ['IDToken18:boolean'],
      ],
    ]);
    expect([output(step, 3, 'messageType'), output(step, 9, 'waitTime')]).toEqual(['1', '8000']);
    expect(step.callbacks[7]!.input[0]!.value).toBe('deviceId');
    expect(output(step, 12, 'policies')).toEqual({
      policyRequirements: ['REQUIRED'],
      fallbackPolicies: null,
      name: 'givenName',
      policies: [{ policyId: 'required', policyRequirements: ['REQUIRED'] }],
      conditionalPolicies: null,
    });
    expect(output(step, 11, 'policies')).toMatchObject({ policies: [] });
    expect(output(step, 13, 'policies')).toEqual({});
  });

  it('records what each step received: names, JSON types, values but never transient ones', async () => {
    const step = fill(await startJourney(server, 'Everything'), {
      IDToken1: 'ada',
      IDToken2: 'secret',
      IDToken6: 0,
      IDToken11: 'ada',
      IDToken13: 'Ada',
      IDToken14: 36,
      IDToken15: true,
      IDToken16: true,
      IDToken17question: 'Pet?',
      IDToken17answer: 'Rex',
    });
    await submit(server, step, '', { Cookie: 'amlbcookie=01; other=1' });
    const record = server.journeySteps.at(-1)!;
    expect(record).toMatchObject({ journey: 'Everything', page: 'all', result: 'failure' });
    expect(record.cookies).toEqual(['amlbcookie', 'other']);
    expect(record.inputs.slice(0, 2)).toEqual([
      { name: 'IDToken1', type: 'string', value: 'ada' },
      { name: 'IDToken2', type: 'string' },
    ]);
    expect(record.inputs.find((i) => i.name === 'IDToken14')).toEqual({
      name: 'IDToken14',
      type: 'number',
      value: 36,
    });
    expect(record.inputs.find((i) => i.name === 'IDToken17answer')).toEqual({
      name: 'IDToken17answer',
      type: 'string',
    });
    expect(JSON.stringify(server.journeySteps)).not.toMatch(/secret|Rex/);
  });

  it('sets AM’s load-balancer cookie on every authenticate answer', async () => {
    const response = await fetch(authenticateUrl(server), { method: 'POST', headers: AM_HEADERS });
    expect(response.headers.getSetCookie()).toEqual(['amlbcookie=01; Path=/']);
  });
});

describe('Registration', () => {
  const ID = {
    username: 'IDToken1',
    given: 'IDToken2',
    sn: 'IDToken3',
    mail: 'IDToken4',
    marketing: 'IDToken5',
    password: 'IDToken6',
    terms: 'IDToken8',
  };
  const complete = (step: Step, username: string) =>
    fill(step, {
      [ID.username]: username,
      [ID.given]: 'Grace',
      [ID.sn]: 'Hopper',
      [ID.mail]: 'grace@example.com',
      [ID.password]: 'C0bolRules',
      IDToken7question: 'In which city were you born?',
      IDToken7answer: 'New York',
      [ID.terms]: true,
    });

  it('validates only, when asked: the same page, failedPolicies as JSON strings, values echoed', async () => {
    const step = fill(await startJourney(server, 'Registration'), {
      [ID.username]: 'demo',
      [ID.mail]: 'not-an-email',
      [ID.password]: 'short',
      IDToken1validateOnly: true,
    });
    const { status, body } = await json(await submit(server, step));
    expect(status).toBe(200);
    expect(body.authId).not.toBe(step.authId);
    expect(body.header).toBe('Sign Up');
    expect(output(body, 0, 'failedPolicies')).toEqual(['{"policyRequirement":"UNIQUE"}']);
    expect(output(body, 1, 'failedPolicies')).toEqual(['{"policyRequirement":"REQUIRED"}']);
    expect(output(body, 3, 'failedPolicies')).toEqual([
      '{"policyRequirement":"VALID_EMAIL_ADDRESS_FORMAT"}',
    ]);
    expect(
      (output(body, 5, 'failedPolicies') as string[]).map((p) => JSON.parse(p) as unknown),
    ).toEqual([
      { params: { minLength: 8 }, policyRequirement: 'MIN_LENGTH' },
      { params: { numCaps: 1 }, policyRequirement: 'AT_LEAST_X_CAPITAL_LETTERS' },
      { params: { numNums: 1 }, policyRequirement: 'AT_LEAST_X_NUMBERS' },
    ]);
    // What the user typed comes back, except the password; validateOnly is reset.
    expect(body.callbacks[0]!.input).toEqual([
      { name: 'IDToken1', value: 'demo' },
      { name: 'IDToken1validateOnly', value: false },
    ]);
    expect(output(body, 3, 'value')).toBe('not-an-email');
    expect(body.callbacks[5]!.input[0]!.value).toBe('');
  });

  it('answers a failing submit with the same page; a valid one creates a user who can log in', async () => {
    const failing = fill(await startJourney(server, 'Registration'), { [ID.username]: 'x/' });
    const again = await json(await submit(server, failing));
    expect(again.status).toBe(200);
    expect(output(again.body, 0, 'failedPolicies')).toEqual([
      '{"params":{"minLength":3},"policyRequirement":"MIN_LENGTH"}',
      '{"params":{"forbiddenChars":["/"]},"policyRequirement":"CANNOT_CONTAIN_CHARACTERS"}',
    ]);
    expect(server.users.some((u) => u.username === 'x/')).toBe(false);

    const done = await json(await submit(server, complete(again.body, 'grace')));
    expect(done.status).toBe(200);
    expect(server.isSessionValid(done.body.tokenId as string)).toBe(true);
    const grace = server.users.find((u) => u.username === 'grace')!;
    expect(grace).toMatchObject({
      password: 'C0bolRules',
      profile: { email: 'grace@example.com' },
    });
    expect(grace.id).toBe('grace'); // AM style: the username is the id

    const step = fill(await startJourney(server, 'Login'), {
      IDToken1: 'grace',
      IDToken2: 'C0bolRules',
    });
    expect((await submit(server, step)).status).toBe(200);
  });

  it('asks again until the terms are accepted', async () => {
    const step = complete(await startJourney(server, 'Registration'), 'linus');
    fill(step, { [ID.terms]: false });
    const { body } = await json(await submit(server, step));
    expect(body.callbacks.map((c) => c.type)).toContain('TermsAndConditionsCallback');
    expect(server.users.some((u) => u.username === 'linus')).toBe(false);
  });
});

describe('SecondFactor', () => {
  async function toCodePage(channel: number): Promise<Step> {
    const step = fill(await startJourney(server, 'SecondFactor'), {
      IDToken1: 'demo',
      IDToken2: 'Ch4ng3it!',
    });
    const choice = (await json(await submit(server, step))).body;
    expect(output(choice, 0, 'choices')).toEqual(['Email', 'SMS']);
    return (await json(await submit(server, fill(choice, { IDToken1: channel })))).body;
  }

  it('sends the code by the chosen channel; a new one on request; the right one signs in', async () => {
    const code = await toCodePage(0);
    const first = server.outbox.at(-1)!;
    expect(first).toMatchObject({ channel: 'email', to: 'demo@example.com', username: 'demo' });
    expect(first.code).toMatch(/^\d{6}$/);
    const resent = (await json(await submit(server, fill(code, { IDToken3: 1 })))).body;
    const second = server.outbox.at(-1)!;
    expect(second.code).not.toBe(undefined);
    expect(second.at).toBeGreaterThanOrEqual(first.at);
    const done = await submit(server, fill(resent, { IDToken2: second.code }));
    expect(done.status).toBe(200);
  });

  it('fails the journey after three wrong codes', async () => {
    let step = await toCodePage(1);
    expect(server.outbox.at(-1)).toMatchObject({ channel: 'sms' });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      step = (await json(await submit(server, fill(step, { IDToken2: 'nope' })))).body;
      expect(output(step, 0, 'messageType')).toBe('2');
    }
    const last = await json(await submit(server, fill(step, { IDToken2: 'nope' })));
    expect(last).toEqual({
      status: 401,
      body: { code: 401, reason: 'Unauthorized', message: 'Login failure' },
    });
  });

  it('fails at once for a wrong password', async () => {
    const step = fill(await startJourney(server, 'SecondFactor'), {
      IDToken1: 'demo',
      IDToken2: 'x',
    });
    expect((await submit(server, step)).status).toBe(401);
  });
});

describe('EmailLink (suspend and resume)', () => {
  it('emails a single-use link built on resumeUrl, and resumes where it stopped', async () => {
    const step = fill(await startJourney(server, 'EmailLink'), { IDToken1: 'demo' });
    const { body } = await json(await submit(server, step));
    expect(body.callbacks).toEqual([
      {
        type: 'SuspendedTextOutputCallback',
        output: [
          { name: 'message', value: 'An email has been sent to your inbox.' },
          { name: 'messageType', value: '0' },
        ],
        _id: 0,
      },
    ]);
    const mail = server.outbox.at(-1)!;
    expect(mail).toMatchObject({ journey: 'EmailLink', to: 'demo@example.com' });
    expect(mail.link).toMatch(/^com\.example\.app:\/\/resume\?suspendedId=[\w-]+$/);
    expect(mail.text).toContain(mail.link);
    // Submitting the suspended step only shows it again, and sends nothing more.
    const count = server.outbox.length;
    expect((await json(await submit(server, body))).body.callbacks[0]!.type).toBe(
      'SuspendedTextOutputCallback',
    );
    expect(server.outbox).toHaveLength(count);

    const suspendedId = new URL(mail.link!).searchParams.get('suspendedId')!;
    const resume = () =>
      fetch(authenticateUrl(server, `?suspendedId=${suspendedId}`), {
        method: 'POST',
        headers: AM_HEADERS,
      });
    const resumed = await json(await resume());
    expect(resumed.status).toBe(200);
    expect(server.isSessionValid(resumed.body.tokenId as string)).toBe(true);
    expect(await json(await resume())).toEqual({
      status: 401,
      body: {
        code: 401,
        reason: 'Unauthorized',
        message: 'Session has timed out',
        detail: { errorCode: '110' },
      },
    });
  });

  it('links to the AM base by default', async () => {
    const plain = await startDevServer({ style: 'aic' });
    try {
      const step = fill(await startJourney(plain, 'EmailLink'), { IDToken1: 'demo' });
      await submit(plain, step);
      expect(plain.outbox.at(-1)!.link).toMatch(
        new RegExp(`^${plain.url}/XUI/\\?realm=/alpha&suspendedId=`),
      );
    } finally {
      await plain.close();
    }
  });

  it('fails for an unknown user', async () => {
    const step = fill(await startJourney(server, 'EmailLink'), { IDToken1: 'nobody' });
    expect((await submit(server, step)).status).toBe(401);
  });
});

describe('Polling', () => {
  it('answers an early poll with the same wait, then goes on once the wait is over', async () => {
    const step = fill(await startJourney(server, 'Polling'), { IDToken1: 'demo' });
    const waiting = (await json(await submit(server, step))).body;
    expect(waiting.callbacks[0]).toMatchObject({
      type: 'PollingWaitCallback',
      output: [{ name: 'waitTime', value: '1000' }, { name: 'message' }],
    });
    const early = (await json(await submit(server, waiting))).body;
    expect(early.callbacks[0]!.type).toBe('PollingWaitCallback');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const done = await json(await submit(server, early));
    expect(done.status).toBe(200);
    expect(done.body).toHaveProperty('tokenId');
  });
});

describe('journeys as data', () => {
  it('serves journeys given as options, and replaces a built-in one of the same name', async () => {
    const custom = await startDevServer({
      journeys: [
        { name: 'Login', start: 'no', nodes: { no: { type: 'failure', message: 'Closed' } } },
      ],
    });
    try {
      const response = await fetch(
        authenticateUrl(custom, '?authIndexType=service&authIndexValue=Login'),
        {
          method: 'POST',
          headers: AM_HEADERS,
        },
      );
      expect(await json(response)).toEqual({
        status: 401,
        body: { code: 401, reason: 'Unauthorized', message: 'Closed' },
      });
    } finally {
      await custom.close();
    }
  });

  it('refuses a journey that leads to a missing node or names an unknown check', async () => {
    const broken = {
      name: 'Broken',
      start: 'a',
      nodes: {
        a: { type: 'page', callbacks: [], next: 'b' },
        c: { type: 'decision', check: 'nope', outcomes: { x: 'a' } },
      },
    } as unknown as Journey;
    await expect(startDevServer({ journeys: [broken] })).rejects.toThrow(
      'Journey Broken: a leads to missing node b; c runs unknown check nope',
    );
  });

  it('still logs in the demo user through Login', async () => {
    expect(server.isSessionValid(await login(server))).toBe(true);
  });
});
