// Passkeys end to end in Node: the SDK's webauthn entry with a software authenticator, against the
// dev server's WebAuthn nodes, which verify every ceremony with @simplewebauthn/server.
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import type { JourneyClient, JourneyNode } from '@journeykit/journey';
import {
  authenticate,
  passkeyModule,
  register,
  webAuthnStep,
  WebAuthnError,
  type CreationOptions,
  type PasskeyModule,
  type RequestOptions,
} from '@journeykit/journey/webauthn';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  softwareAuthenticator,
  type SoftwareAuthenticator,
} from '../../../test-support/software-authenticator';
import { clientFor } from './helpers';

const ORIGIN = 'http://localhost:5173';
let server: DevServer;
let client: JourneyClient;
let device: SoftwareAuthenticator;

beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());
beforeEach(() => {
  client = clientFor(server);
  device = softwareAuthenticator(ORIGIN);
});

const continued = (node: JourneyNode) => {
  if (node.type !== 'ContinueNode') throw new Error(`expected a ContinueNode, got ${node.type}`);
  return node;
};

/** PasskeyRegistration as the demo user, up to the WebAuthn step. */
async function registrationStep(journey = 'PasskeyRegistration', username = 'demo') {
  await client.start(journey, { forceAuth: true });
  return continued(
    await client.next({
      callbacks: [
        { type: 'NameCallback', value: username },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
      ],
    }),
  );
}

async function registerDemoPasskey() {
  const node = await registrationStep();
  return client.next(await register(node, { authenticator: device }));
}

describe('passkey registration', () => {
  it('registers a passkey the server verifies and keeps', async () => {
    const before = server.passkeys.length;
    const node = await registrationStep();
    expect(node.callbacks.map((cb) => cb.type)).toEqual([
      'FidoRegistrationCallback',
      'HiddenValueCallback',
    ]);
    const step = webAuthnStep(node)!;
    expect(step).toMatchObject({
      kind: 'registration',
      source: 'metadata',
      supportsJsonResponse: true,
    });
    const input = await register(node, { authenticator: device, deviceName: 'Test laptop' });
    const outcome = JSON.parse(String(input.callbacks![0]!.value)) as { legacyData: string };
    expect(outcome.legacyData.split('::')).toHaveLength(4);
    const done = await client.next(input);
    expect(done.type).toBe('SuccessNode');
    expect(server.passkeys).toHaveLength(before + 1);
    expect(server.passkeys.at(-1)).toMatchObject({
      username: 'demo',
      id: isoBase64URL.fromBuffer(device.passkeys[0]!.id as Uint8Array<ArrayBuffer>),
      deviceName: 'Test laptop',
    });
  });

  it('signs up a new user with a passkey', async () => {
    const node = await registrationStep('PasskeySignUp', 'passkey-user');
    expect((await client.next(await register(node, { authenticator: device }))).type).toBe(
      'SuccessNode',
    );
    expect(server.passkeys.filter((p) => p.username === 'passkey-user')).toHaveLength(1);
  });

  it('takes the failure path when the user cancels, and keeps nothing', async () => {
    const before = server.passkeys.length;
    const node = await registrationStep();
    device.cancelNext();
    const error = (await register(node, { authenticator: device }).catch(
      (e: unknown) => e,
    )) as WebAuthnError;
    expect(error).toBeInstanceOf(WebAuthnError);
    expect(error).toMatchObject({
      code: 'JOURNEY_WEBAUTHN_ERROR',
      type: 'fido_error',
      reason: 'NotAllowedError',
    });
    const sent = String(error.input!.callbacks![0]!.value);
    expect(sent).toMatch(/^ERROR::NotAllowedError:/);
    const after = await client.next(error.input);
    expect(after).toMatchObject({ type: 'ErrorNode', message: 'Login failure' });
    expect(server.passkeys).toHaveLength(before);
    const last = server.journeySteps.at(-1)!;
    expect(last).toMatchObject({ journey: 'PasskeyRegistration', result: 'failure' });
    expect(last.inputs).toContainEqual(expect.objectContaining({ name: 'IDToken2', value: sent }));
  });

  it('leaves the journey at the step when the app aborts', async () => {
    const node = await registrationStep();
    const abort = new AbortController();
    abort.abort();
    const stalled: typeof device = {
      ...device,
      create: () => Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
    };
    const error = (await register(node, { authenticator: stalled, signal: abort.signal }).catch(
      (e: unknown) => e,
    )) as WebAuthnError;
    expect(error).toMatchObject({ type: 'abort_error', reason: 'AbortError' });
    expect(error.input).toBeUndefined();
    // Still at the step: a real registration goes through.
    expect((await client.next(await register(node, { authenticator: device }))).type).toBe(
      'SuccessNode',
    );
  });
});

describe('passkey sign-in', () => {
  it('signs in with the passkey, username first', async () => {
    await registerDemoPasskey();
    const passkey = server.passkeys.find(
      (p) =>
        p.username === 'demo' &&
        p.id === isoBase64URL.fromBuffer(device.passkeys[0]!.id as Uint8Array<ArrayBuffer>),
    )!;
    client = clientFor(server);
    await client.start('PasskeyLogin');
    const node = continued(
      await client.next({ callbacks: [{ type: 'NameCallback', value: 'demo' }] }),
    );
    const step = webAuthnStep(node)!;
    expect(step.kind).toBe('authentication');
    expect(
      step.kind === 'authentication' && step.publicKey.allowCredentials?.length,
    ).toBeGreaterThan(0);
    const done = await client.next(await authenticate(node, { authenticator: device }));
    expect(done.type).toBe('SuccessNode');
    const after = server.passkeys.find((p) => p.id === passkey.id)!;
    expect(after.verifiedSignIns).toBe(1);
    expect(after.counter).toBe(1);
  });

  it('signs in usernameless: the passkey names the user', async () => {
    await registerDemoPasskey();
    client = clientFor(server);
    const node = continued(await client.start('PasskeyUsernameless'));
    expect(webAuthnStep(node)).toMatchObject({
      kind: 'authentication',
      publicKey: { rpId: 'localhost' },
    });
    expect((await client.next(await authenticate(node, { authenticator: device }))).type).toBe(
      'SuccessNode',
    );
    expect(
      server.passkeys.find((p) => p.username === 'demo' && p.verifiedSignIns === 1),
    ).toBeDefined();
  });

  it('refuses a forged signature (the server really verifies)', async () => {
    await registerDemoPasskey();
    const verified = server.passkeys.reduce((n, p) => n + p.verifiedSignIns, 0);
    client = clientFor(server);
    const node = continued(await client.start('PasskeyUsernameless'));
    const input = await authenticate(node, { authenticator: device });
    const outcome = JSON.parse(String(input.callbacks![0]!.value)) as { legacyData: string };
    const parts = outcome.legacyData.split('::');
    const signature = parts[2]!.split(',');
    signature[10] = String((Number(signature[10]) + 1) % 128);
    parts[2] = signature.join(',');
    input.callbacks![0]!.value = JSON.stringify({ ...outcome, legacyData: parts.join('::') });
    expect(await client.next(input)).toMatchObject({ type: 'ErrorNode', message: 'Login failure' });
    expect(server.passkeys.reduce((n, p) => n + p.verifiedSignIns, 0)).toBe(verified);
  });

  it('runs through a React Native passkey module (WebAuthn JSON in and out)', async () => {
    // A stand-in for react-native-passkey / react-native-passkeys: the same JSON interface over the
    // software authenticator, since no native module runs in Node.
    const json = (bytes: unknown) => isoBase64URL.fromBuffer(bytes as Uint8Array<ArrayBuffer>);
    const toJson = (credential: unknown) => {
      const c = credential as { id: string; response: Record<string, unknown> };
      return {
        id: c.id,
        rawId: c.id,
        type: 'public-key',
        authenticatorAttachment: 'platform',
        response: Object.fromEntries(Object.entries(c.response).map(([k, v]) => [k, json(v)])),
      };
    };
    const requests: Record<string, unknown>[] = [];
    const bytes = (o: Record<string, unknown>, key: string) =>
      isoBase64URL.toBuffer(String(o[key]));
    const module: PasskeyModule = {
      create: async (request) => {
        requests.push(request);
        const user = request.user as Record<string, unknown>;
        return toJson(
          await device.create({
            publicKey: {
              ...(request as unknown as CreationOptions),
              challenge: bytes(request, 'challenge'),
              user: { ...(user as unknown as CreationOptions['user']), id: bytes(user, 'id') },
            },
          }),
        );
      },
      get: async (request) => {
        requests.push(request);
        return toJson(
          await device.get({
            publicKey: {
              ...(request as unknown as RequestOptions),
              challenge: bytes(request, 'challenge'),
            },
          }),
        );
      },
    };
    const node = await registrationStep();
    expect(
      (await client.next(await register(node, { authenticator: passkeyModule(module) }))).type,
    ).toBe('SuccessNode');
    expect(typeof requests[0]!.challenge).toBe('string');
    client = clientFor(server);
    const signIn = continued(await client.start('PasskeyUsernameless'));
    expect(
      (await client.next(await authenticate(signIn, { authenticator: passkeyModule(module) })))
        .type,
    ).toBe('SuccessNode');
  });
});
