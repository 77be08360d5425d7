// The webauthn entry against AM's recorded WebAuthn steps, and its outcome strings against what
// Ping's official web client (@forgerock/journey-client) writes for the same credential.
import { WebAuthn } from '@forgerock/journey-client/webauthn';
import {
  authenticate,
  register,
  webAuthnStep,
  WebAuthnError,
  type WebAuthnAuthenticator,
  type WebAuthnCredential,
} from '@journeykit/journey/webauthn';
import { describe, expect, it } from 'vitest';

import { continueNode } from '../src/journey/nodes';
import type { AmStep, ContinueNode } from '../src/journey/types';
import { amFixture } from './am-fixtures';

const nodeOf = (name: string) =>
  continueNode(amFixture(name).body as AmStep, ['en']) as ContinueNode;
const signed = (bytes: Uint8Array) => Array.from(bytes, (b) => (b << 24) >> 24);
const bytes = (text: string) => new TextEncoder().encode(text);
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

const clientDataJSON = bytes(
  '{"type":"webauthn.get","challenge":"abc","origin":"https://é.example"}',
);
const registration: WebAuthnCredential = {
  id: 'cred-1',
  authenticatorAttachment: 'platform',
  response: {
    clientDataJSON,
    attestationObject: Uint8Array.of(0xa3, 0x63, 0x66, 0x6d, 0x74, 0xff, 0),
  },
};
const assertion: WebAuthnCredential = {
  id: 'cred-1',
  authenticatorAttachment: 'cross-platform',
  response: {
    clientDataJSON,
    authenticatorData: Uint8Array.of(1, 2, 200, 255),
    signature: Uint8Array.of(0x30, 0x80, 0x7f),
    userHandle: bytes('ZGVtbw=='),
  },
};
const fixed = (credential: WebAuthnCredential): WebAuthnAuthenticator => ({
  create: () => Promise.resolve(credential),
  get: () => Promise.resolve(credential),
});

describe('AM WebAuthn steps', () => {
  it.each([
    ['android-webauthn-registration-71', 'registration', 'metadata', false],
    ['android-webauthn-registration-json', 'registration', 'metadata', true],
    ['ios-webauthn-registration-71', 'registration', 'metadata', false],
    ['pjs-webauthn-registration-metadata-70', 'registration', 'metadata', false],
    ['pjs-webauthn-registration-script-70', 'registration', 'script', false],
    ['android-webauthn-authentication-71', 'authentication', 'metadata', false],
    ['android-webauthn-authentication-json', 'authentication', 'metadata', true],
    ['pjs-webauthn-authentication-metadata-json', 'authentication', 'metadata', true],
    ['pjs-webauthn-authentication-script-653', 'authentication', 'script', false],
  ])('%s is a %s step (%s)', (name, kind, source, json) => {
    expect(webAuthnStep(nodeOf(name))).toMatchObject({ kind, source, supportsJsonResponse: json });
  });

  it('AM 7.0 metadata (no _action) is a FIDO registration callback, like 7.1', () => {
    expect(nodeOf('pjs-webauthn-registration-metadata-70').callbacks[0]!.type).toBe(
      'FidoRegistrationCallback',
    );
  });

  it('builds the registration options exactly from AM 7.1 metadata', () => {
    const fixture = amFixture('android-webauthn-registration-71');
    const data = (fixture.body.callbacks as { output: { value: Record<string, unknown> }[] }[])[0]!
      .output[0]!.value;
    const step = webAuthnStep(nodeOf('android-webauthn-registration-71'))!;
    if (step.kind !== 'registration') throw new Error('not registration');
    const o = step.publicKey;
    expect(base64(o.challenge)).toBe(data.challenge);
    expect(o.rp).toEqual({ name: 'ForgeRock', id: 'humorous-cuddly-carrot.glitch.me' });
    expect(String.fromCharCode(...o.user.id)).toBe(data.userId);
    expect(o.user).toMatchObject({ name: data.userName, displayName: data.displayName });
    expect(o.pubKeyCredParams).toEqual(data._pubKeyCredParams);
    expect(o.authenticatorSelection).toEqual(data._authenticatorSelection);
    expect(o).toMatchObject({ timeout: 60000, attestation: 'none' });
    expect(o.excludeCredentials!.map((c) => signed(c.id))).toEqual(
      (data._excludeCredentials as { id: number[] }[]).map((c) => c.id),
    );
  });

  it('builds the same options from the script form as from metadata', () => {
    const step = webAuthnStep(nodeOf('pjs-webauthn-registration-script-70'))!;
    if (step.kind !== 'registration') throw new Error('not registration');
    expect(step.publicKey).toMatchObject({
      rp: { id: 'https://user.example.com:3002', name: 'ForgeRock' },
      user: { name: '57a5b4e4-6999-4b45-bf86-a4f2e5d4b629' },
      pubKeyCredParams: [
        { type: 'public-key', alg: -257 },
        { type: 'public-key', alg: -7 },
      ],
      attestation: 'none',
      timeout: 60000,
      authenticatorSelection: { userVerification: 'preferred' },
    });
    expect(step.publicKey.excludeCredentials).toHaveLength(2);
    expect(signed(step.publicKey.challenge).slice(0, 3)).toEqual([87, -95, 18]);
    const auth = webAuthnStep(nodeOf('pjs-webauthn-authentication-script-653'))!;
    expect(auth).toMatchObject({
      kind: 'authentication',
      outcomeIndex: 0,
      publicKey: { timeout: 60000, userVerification: 'discouraged' },
    });
    if (auth.kind !== 'authentication') throw new Error('not authentication');
    expect(auth.publicKey.allowCredentials).toHaveLength(1);
    expect(signed(auth.publicKey.allowCredentials![0]!.id).slice(0, 3)).toEqual([1, 97, 2]);
  });

  it('builds the authentication options of a usernameless step: no allowCredentials', () => {
    const step = webAuthnStep(nodeOf('android-webauthn-authentication-71'))!;
    expect(step.publicKey).not.toHaveProperty('allowCredentials');
    expect(step.publicKey).toMatchObject({
      rpId: 'humorous-cuddly-carrot.glitch.me',
      userVerification: 'preferred',
    });
  });

  it('is no WebAuthn step for other nodes', () => {
    expect(webAuthnStep(nodeOf('android-password'))).toBeUndefined();
    expect(webAuthnStep(nodeOf('android-protect-initialize-metadata'))).toBeUndefined();
  });
});

describe('outcome strings, as Ping’s web client writes them', () => {
  it('registration: legacy string, with the device name appended', async () => {
    const official = WebAuthn.getRegistrationOutcome(registration as never);
    const input = await register(nodeOf('ios-webauthn-registration-71'), {
      authenticator: fixed(registration),
    });
    expect(input.callbacks).toEqual([{ type: 'HiddenValueCallback', index: 0, value: official }]);
    const named = await register(nodeOf('ios-webauthn-registration-71'), {
      authenticator: fixed(registration),
      deviceName: 'My key',
    });
    expect(named.callbacks![0]!.value).toBe(`${official}::My key`);
  });

  it('registration: AM’s JSON form when the node supports it', async () => {
    const official = WebAuthn.getRegistrationOutcome(registration as never);
    const input = await register(nodeOf('android-webauthn-registration-json'), {
      authenticator: fixed(registration),
      deviceName: 'My key',
    });
    expect(JSON.parse(String(input.callbacks![0]!.value))).toEqual({
      authenticatorAttachment: 'platform',
      legacyData: `${official}::My key`,
    });
  });

  it('authentication: legacy string with the user handle, and the JSON form', async () => {
    const official = WebAuthn.getAuthenticationOutcome(assertion as never);
    const legacy = await authenticate(nodeOf('android-webauthn-authentication-71'), {
      authenticator: fixed(assertion),
    });
    expect(legacy.callbacks![0]!.value).toBe(official);
    const json = await authenticate(nodeOf('pjs-webauthn-authentication-metadata-json'), {
      authenticator: fixed(assertion),
    });
    expect(JSON.parse(String(json.callbacks![0]!.value))).toEqual({
      authenticatorAttachment: 'cross-platform',
      legacyData: official,
    });
  });

  it('a failed ceremony: AM’s ERROR outcome and a typed error; no WebAuthn: unsupported', async () => {
    const failing: WebAuthnAuthenticator = {
      create: () => Promise.reject(new DOMException('User said no', 'NotAllowedError')),
      get: () => Promise.reject(new DOMException('Not here', 'NotSupportedError')),
    };
    const error = (await register(nodeOf('ios-webauthn-registration-71'), {
      authenticator: failing,
    }).catch((e: unknown) => e)) as WebAuthnError;
    expect(error).toBeInstanceOf(WebAuthnError);
    expect(error.input!.callbacks![0]!.value).toBe('ERROR::NotAllowedError:User said no');
    const unsupported = (await authenticate(nodeOf('android-webauthn-authentication-71'), {
      authenticator: failing,
    }).catch((e: unknown) => e)) as WebAuthnError;
    expect(unsupported.input!.callbacks![0]!.value).toBe('unsupported');
    // In Node there is no navigator.credentials: unsupported, not a crash.
    const none = (await register(nodeOf('ios-webauthn-registration-71')).catch(
      (e: unknown) => e,
    )) as WebAuthnError;
    expect(none).toMatchObject({ reason: 'NotSupportedError' });
  });

  it('a malformed credential or metadata is an error outcome, never a success', async () => {
    const broken = fixed({ id: 'x', response: { clientDataJSON } });
    const error = (await register(nodeOf('ios-webauthn-registration-71'), {
      authenticator: broken,
    }).catch((e: unknown) => e)) as WebAuthnError;
    expect(error.input!.callbacks![0]!.value).toMatch(/^ERROR::EncodingError:/);
    const node = nodeOf('ios-webauthn-registration-71');
    (node.callbacks[0]!.value as Record<string, unknown>).challenge = '***';
    expect(() => webAuthnStep(node)).toThrow(WebAuthnError);
    const wrongKind = (await authenticate(nodeOf('ios-webauthn-registration-71'), {
      authenticator: fixed(assertion),
    }).catch((e: unknown) => e)) as WebAuthnError;
    expect(wrongKind).toMatchObject({ reason: 'InvalidStateError' });
    expect(wrongKind.input).toBeUndefined();
  });
});
