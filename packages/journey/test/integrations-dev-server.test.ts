import * as os from 'node:os';
import {
  RECAPTCHA_TEST_TOKEN,
  startDevServer,
  type DevServer,
  type JourneyStepRecord,
} from '@journeykit/dev-server';
import { memoryStorage, type JourneyClient, type JourneyNode } from '@journeykit/journey';
import { answerDeviceProfile, nodeDeviceSource } from '@journeykit/journey/device-profile';
import { answerProtect } from '@journeykit/journey/protect';
import { recaptchaAnswer, recaptchaCallbacks } from '@journeykit/journey/recaptcha';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientFor } from './helpers';

// The integration journeys of the dev server, run by the SDK and its integration entries: what
// the server received (input names, JSON types, values) and where each journey went.

const credentials = [
  { type: 'NameCallback', value: 'demo' },
  { type: 'PasswordCallback', value: 'Ch4ng3it!' },
];

describe('integration journeys against the dev server', () => {
  let server: DevServer;
  let client: JourneyClient;
  beforeAll(async () => {
    server = await startDevServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    client = clientFor(server, { modules: undefined });
  });

  /** The last step the server recorded for a journey. */
  const lastStep = (journey: string): JourneyStepRecord =>
    server.journeySteps.filter((s) => s.journey === journey).at(-1)!;
  const expectSession = (node: JourneyNode) => {
    expect(node.type).toBe('SuccessNode');
    const token = node.type === 'SuccessNode' ? String(node.input.tokenId) : '';
    expect(server.isSessionValid(token)).toBe(true);
  };

  it('DeviceProfile: the Node collector answers, the server checks and keeps the profile', async () => {
    await client.start('DeviceProfile');
    const node = await client.next({ callbacks: credentials });
    const storage = memoryStorage();
    const callbacks = await answerDeviceProfile(node, { source: nodeDeviceSource(os), storage });
    expectSession(await client.next({ callbacks }));
    const step = lastStep('DeviceProfile');
    expect(step).toMatchObject({ page: 'collect', result: 'success' });
    expect(step.inputs).toHaveLength(1);
    expect(step.inputs[0]).toMatchObject({ name: 'IDToken1', type: 'string' });
    const profile = JSON.parse(step.inputs[0]!.value as string) as Record<string, unknown>;
    expect(profile.identifier).toBe(await storage.getItem('journeykit.device-id'));
    expect(profile).toMatchObject({
      metadata: { platform: { deviceName: `${os.hostname()} (Node.js)` } },
    });
  });

  it('DeviceProfile: a profile without metadata fails the journey', async () => {
    await client.start('DeviceProfile');
    await client.next({ callbacks: credentials });
    const node = await client.next({
      callbacks: [
        { type: 'DeviceProfileCallback', inputs: { IDToken1: '{"identifier":"1-2-3"}' } },
      ],
    });
    expect(node).toMatchObject({ type: 'ErrorNode', status: 401 });
    expect(lastStep('DeviceProfile').result).toBe('failure');
  });

  it.each([
    [RECAPTCHA_TEST_TOKEN, 'success'],
    ['a-forged-token-0123456789', 'failure'],
  ])('ReCaptcha: token %s → %s, verified by the server', async (token, result) => {
    const node = await client.start('ReCaptcha');
    const [found] = recaptchaCallbacks(node);
    const answer = recaptchaAnswer(found!, { token, action: 'login' });
    const end = await client.next({ callbacks: [...credentials, answer] });
    expect(end.type).toBe(result === 'success' ? 'SuccessNode' : 'ErrorNode');
    const step = lastStep('ReCaptcha');
    expect(step.result).toBe(result);
    // The token is checked, never recorded; the other inputs are strings as AM sent them.
    expect(step.inputs.slice(2)).toEqual([
      { name: 'IDToken3token', type: 'string' },
      { name: 'IDToken3action', type: 'string', value: 'login' },
      { name: 'IDToken3clientError', type: 'string', value: '' },
      { name: 'IDToken3payload', type: 'string', value: '' },
    ]);
  });

  it('Protect: initialize, then signals for the risk node', async () => {
    const inits: unknown[] = [];
    const provider = {
      init: (settings: unknown) => Promise.resolve(void inits.push(settings)),
      getData: () => Promise.resolve('signals-0123456789'),
    };
    const first = await client.start('Protect');
    const second = await client.next({ callbacks: await answerProtect(first, provider) });
    expect(inits).toEqual([expect.objectContaining({ deviceKeyRsyncIntervals: 14 })]);
    expect(server.journeySteps.at(-1)!.inputs).toEqual([
      { name: 'IDToken1clientError', type: 'string', value: '' },
    ]);
    const answers = await answerProtect(second, provider);
    expectSession(await client.next({ callbacks: [...credentials, ...answers] }));
    expect(lastStep('Protect')).toMatchObject({ page: 'credentials', result: 'success' });
    expect(lastStep('Protect').inputs.slice(2)).toEqual([
      { name: 'IDToken3signals', type: 'string' },
      { name: 'IDToken3clientError', type: 'string', value: '' },
    ]);
  });

  it('Protect: a provider error reaches the risk node as a client error', async () => {
    const provider = {
      init: () => Promise.resolve(),
      getData: () => Promise.reject(new Error('Signals SDK blocked')),
    };
    const first = await client.start('Protect');
    const second = await client.next({ callbacks: await answerProtect(first, provider) });
    const end = await client.next({
      callbacks: [...credentials, ...(await answerProtect(second, provider))],
    });
    expect(end.type).toBe('ErrorNode');
    expect(lastStep('Protect').inputs.at(-1)).toEqual({
      name: 'IDToken3clientError',
      type: 'string',
      value: 'Signals SDK blocked',
    });
  });

  it('Custom: an unknown callback answered by name, its number sent as a number', async () => {
    await client.start('Custom');
    const bad = client.next({
      callbacks: [...credentials, { type: 'LuckyNumberCallback', inputs: { IDToken3: '7' } }],
    });
    await expect(bad).rejects.toMatchObject({ code: 'JOURNEY_CALLBACK_APPLY_ERROR' });
    const before = server.journeySteps.length;
    expectSession(
      await client.next({
        callbacks: [...credentials, { type: 'LuckyNumberCallback', inputs: { IDToken3: 7 } }],
      }),
    );
    expect(server.journeySteps.length).toBe(before + 1);
    expect(lastStep('Custom').inputs[2]).toEqual({ name: 'IDToken3', type: 'number', value: 7 });
  });
});
