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
  type CallbackSpec,
  type DevServer,
  type Journey,
  type ReceivedInput,
} from '@journeykit/dev-server';
import {
  createJourneyClient,
  normalizeCallbacks,
  type ContinueNode,
  type JourneyClient,
} from '@journeykit/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// One round trip per callback type: the dev server sends the callback (second on its page, so
// its inputs are IDToken2…), the SDK shows it and sets it through next(), and the server says
// which input names and JSON types it received.

interface Case {
  spec: CallbackSpec;
  /** What the node's callback shows. */
  shows: Record<string, unknown>;
  /** The value given to next(), if the callback takes one. */
  value?: unknown;
  /** What the server received. */
  received: ReceivedInput[];
}

const s = (name: string, value?: unknown): ReceivedInput =>
  (value === undefined
    ? { name, type: 'string' }
    : { name, type: 'string', value }) as ReceivedInput;
const typed = (name: string, type: ReceivedInput['type'], value: unknown) =>
  ({ name, type, value }) as ReceivedInput;
const flag = (n = 2) => typed(`IDToken${n}validateOnly`, 'boolean', false);

const manual: Record<string, Case> = {
  NameCallback: {
    spec: nameCallback('User Name', 'username'),
    shows: { prompt: 'User Name', value: '' },
    value: 'ada',
    received: [s('IDToken2', 'ada')],
  },
  PasswordCallback: {
    spec: passwordCallback('Password', 'password'),
    shows: { prompt: 'Password', value: '' },
    value: 12345,
    received: [s('IDToken2')],
  },
  TextInputCallback: {
    spec: textInputCallback('Nickname', 'nick', 'Ace'),
    shows: { prompt: 'Nickname', defaultText: 'Ace', value: 'Ace' },
    value: 'Bee',
    received: [s('IDToken2', 'Bee')],
  },
  ChoiceCallback: {
    spec: choiceCallback('Colour', ['Red', 'Green', 'Blue'], 'colour', 1),
    shows: { choices: ['Red', 'Green', 'Blue'], defaultChoice: 1, selectedIndex: 1 },
    value: '2',
    received: [typed('IDToken2', 'number', 2)],
  },
  ConfirmationCallback: {
    spec: confirmationCallback(['Yes', 'No'], 'sure'),
    shows: {
      options: ['Yes', 'No'],
      selectedIndex: -1,
      defaultOption: 0,
      optionType: 'UNSPECIFIED_OPTION',
      messageType: 'INFORMATION',
    },
    value: 1,
    received: [typed('IDToken2', 'number', 1)],
  },
  HiddenValueCallback: {
    spec: hiddenValueCallback('deviceId', 'abc', 'device'),
    shows: { id: 'deviceId', value: 'abc' },
    value: 'xyz',
    received: [s('IDToken2', 'xyz')],
  },
  ValidatedCreateUsernameCallback: {
    spec: validatedUsernameCallback('Username', 'username', [{ policyId: 'required' }]),
    shows: { prompt: 'Username', value: '', validateOnly: false, failedPolicies: [] },
    value: 'ada',
    received: [s('IDToken2', 'ada'), flag()],
  },
  ValidatedCreatePasswordCallback: {
    spec: validatedPasswordCallback('Password', 'password', []),
    shows: { prompt: 'Password', value: '', echoOn: false, policies: { policies: [] } },
    value: 'S3cret!!',
    received: [s('IDToken2'), flag()],
  },
  StringAttributeInputCallback: {
    spec: attributeInputCallback('String', 'givenName', 'First Name', { required: true }),
    shows: { name: 'givenName', prompt: 'First Name', required: true, value: '' },
    value: 'Ada',
    received: [s('IDToken2', 'Ada'), flag()],
  },
  NumberAttributeInputCallback: {
    spec: attributeInputCallback('Number', 'age', 'Age'),
    shows: { name: 'age', required: false, value: null, policies: {} },
    value: '36.5',
    received: [typed('IDToken2', 'number', 36.5), flag()],
  },
  BooleanAttributeInputCallback: {
    spec: attributeInputCallback('Boolean', 'news', 'Send me news'),
    shows: { name: 'news', value: false },
    value: ' TRUE ',
    received: [typed('IDToken2', 'boolean', true), flag()],
  },
  TermsAndConditionsCallback: {
    spec: termsAndConditionsCallback('Be nice.', '2.0', '2026-01-01T00:00:00.000Z', 'terms'),
    shows: {
      terms: 'Be nice.',
      version: '2.0',
      createDate: '2026-01-01T00:00:00.000Z',
      accepted: false,
    },
    value: 1,
    received: [typed('IDToken2', 'boolean', true)],
  },
  KbaCreateCallback: {
    spec: kbaCreateCallback('Security question', ['Pet?', 'City?'], { question: 'q', answer: 'a' }),
    shows: {
      predefinedQuestions: ['Pet?', 'City?'],
      allowUserDefinedQuestions: true,
      selectedQuestion: '',
      selectedAnswer: '',
    },
    value: { selectedQuestion: 'City?', selectedAnswer: 'Paris' },
    received: [s('IDToken2question', 'City?'), s('IDToken2answer')],
  },
  ConsentMappingCallback: {
    spec: consentMappingCallback(
      {
        name: 'crm',
        displayName: 'Our CRM',
        icon: 'crm.png',
        accessLevel: 'Actual Profile',
        isRequired: true,
        message: 'Share your profile?',
        fields: ['mail', 'givenName'],
      },
      'consent',
    ),
    shows: {
      displayName: 'Our CRM',
      required: true,
      accepted: false,
      fields: ['mail', 'givenName'],
    },
    value: 'true',
    received: [typed('IDToken2', 'boolean', true)],
  },
};

/** Output-only: shown, refused by next(), echoed untouched. */
const outputOnly: Record<string, Omit<Case, 'value' | 'received'>> = {
  TextOutputCallback: {
    spec: textOutputCallback('Careful', 'warning'),
    shows: { message: 'Careful', prompt: 'Careful', messageType: 'WARNING' },
  },
  SuspendedTextOutputCallback: {
    spec: suspendedTextOutputCallback('Check your inbox'),
    shows: { message: 'Check your inbox', messageType: 'INFORMATION' },
  },
  PollingWaitCallback: {
    spec: pollingWaitCallback(8000, 'Hold on'),
    shows: { waitTime: 8000, message: 'Hold on' },
  },
  MetadataCallback: {
    spec: metadataCallback({ _type: 'Custom', n: 1 }),
    shows: { value: { _type: 'Custom', n: 1 } },
  },
};

/** Needs an integration, or is unknown to the SDK: shown with its data, echoed untouched. */
const others: Record<string, Case & { code: string; form?: string }> = {
  DeviceProfileCallback: {
    spec: {
      type: 'DeviceProfileCallback',
      output: [
        { name: 'metadata', value: true },
        { name: 'location', value: false },
        { name: 'message', value: 'Collecting…' },
      ],
      inputs: [{ suffix: '', value: '' }],
    },
    shows: { metadata: true, location: false, message: 'Collecting…' },
    received: [s('IDToken2', '')],
    code: 'JOURNEY_MISSING_INTEGRATION_ERROR',
    // The form model asks nothing of the user for it, as rn-journey's does.
    form: 'output_only',
  },
  AcmeWidgetCallback: {
    spec: {
      type: 'AcmeWidgetCallback',
      output: [{ name: 'colour', value: 'red' }],
      inputs: [{ suffix: '', value: 'as sent' }],
    },
    shows: { colour: 'red' },
    received: [s('IDToken2', 'as sent')],
    code: 'JOURNEY_UNSUPPORTED_CALLBACK_ERROR',
  },
};

const journeyFor = (spec: CallbackSpec): Journey => ({
  name: spec.type,
  start: 'page',
  nodes: {
    page: { type: 'page', callbacks: [textOutputCallback('First'), spec], next: 'done' },
    done: { type: 'page', callbacks: [textOutputCallback('Done')], next: 'done' },
  },
});

let server: DevServer;
let client: JourneyClient;
beforeAll(async () => {
  const specs = [...Object.values(manual), ...Object.values(outputOnly), ...Object.values(others)];
  server = await startDevServer({ journeys: specs.map((c) => journeyFor(c.spec)) });
  client = createJourneyClient(server.clientConfig);
});
afterAll(() => server.close());

async function show(type: string): Promise<ContinueNode> {
  const node = await client.start(type);
  if (node.type !== 'ContinueNode') throw new Error(`${type}: ${node.type}`);
  expect(node.callbacks.map((c) => c.type)).toEqual(['TextOutputCallback', type]);
  return node;
}

async function expectDone(next: Promise<unknown>, received: ReceivedInput[]) {
  expect(await next).toMatchObject({ type: 'ContinueNode', callbacks: [{ message: 'Done' }] });
  expect(server.journeySteps.at(-1)).toMatchObject({ page: 'page', result: 'done' });
  expect(server.journeySteps.at(-1)!.inputs).toEqual(received);
}

describe.each(Object.entries(manual))('%s', (type, { shows, value, received }) => {
  it('shows its fields and sends the value with AM’s input names and JSON types', async () => {
    const node = await show(type);
    expect(node.callbacks[1]).toMatchObject({ type, ...shows });
    expect(normalizeCallbacks(node)[1]).toMatchObject({ executionMode: 'manual' });
    await expectDone(client.next({ callbacks: [{ type, value }] }), received);
  });
});

describe.each(Object.entries(outputOnly))('%s', (type, { shows }) => {
  it('is shown, refused by next() without a request, and echoed', async () => {
    const node = await show(type);
    expect(node.callbacks[1]).toMatchObject({ type, ...shows });
    expect(normalizeCallbacks(node)[1]).toMatchObject({
      kind: 'output',
      executionMode: 'output_only',
    });
    const sent = server.count('authenticate');
    await expect(client.next({ callbacks: [{ type, value: 'x' }] })).rejects.toMatchObject({
      code: 'JOURNEY_UNSUPPORTED_CALLBACK_ERROR',
    });
    expect(server.count('authenticate')).toBe(sent);
    await expectDone(client.next(), []);
  });
});

describe.each(Object.entries(others))('%s', (type, { shows, received, code, form }) => {
  it('is shown with its data, refused by next(), and echoed unchanged', async () => {
    const node = await show(type);
    expect(node.callbacks[1]).toMatchObject({ type, ...shows, raw: { type } });
    expect(normalizeCallbacks(node)[1]!.executionMode).toBe(
      form ??
        (code === 'JOURNEY_MISSING_INTEGRATION_ERROR' ? 'integration_required' : 'unsupported'),
    );
    await expect(client.next({ callbacks: [{ type, value: 'x' }] })).rejects.toMatchObject({
      code,
    });
    await expectDone(client.next(), received);
  });
});
