import { webcrypto } from 'node:crypto';

import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';

import type { Check, CheckContext } from './checks.js';
import { userKeys } from './passkey-store.js';
import type { JsonValue } from './types.js';

/** The relying party: pages on any port of this host may use the passkeys (WebAuthn scopes them to the host). */
export const RP_ID = 'localhost';
const RP_NAME = 'journeykit dev server';

const text = (value: JsonValue | undefined) => (typeof value === 'string' ? value : '');
const b64url = (bytes: Uint8Array) => isoBase64URL.fromBuffer(bytes as Uint8Array<ArrayBuffer>);
/** AM's credential ids in its metadata: Java's signed bytes. */
const signed = (bytes: Uint8Array) => Array.from(bytes, (b) => (b << 24) >> 24);
const unsigned = (csv: string) => Uint8Array.from(csv.split(','), (n) => Number(n) & 255);
const utf8 = (value: string) => new TextEncoder().encode(value);

function challenge(): { standard: string; url: string } {
  const bytes = webcrypto.getRandomValues(new Uint8Array(32));
  return { standard: Buffer.from(bytes).toString('base64'), url: b64url(bytes) };
}

/** AM's allow/exclude list twice: as JavaScript source and structured (`_` name). */
function credentialList(name: string, ids: Uint8Array[]): Record<string, JsonValue> {
  const js = ids
    .map((id) => `{ "type": "public-key", "id": new Int8Array([${signed(id).join(', ')}]).buffer }`)
    .join(',');
  return { [name]: js, [`_${name}`]: ids.map((id) => ({ type: 'public-key', id: signed(id) })) };
}

const idsOf = ({ users }: CheckContext, username: string) =>
  userKeys(users)
    .passkeys.filter((p) => p.username === username)
    .map((p) => isoBase64URL.toBuffer(p.id));

/**
 * The outcome the client wrote, legacy text (`a::b::c`) whether or not in AM's JSON form:
 * `error` for `ERROR::…` and `unsupported`, else its parts.
 */
function outcomeParts(value: JsonValue | undefined): string[] | 'error' {
  let outcome = text(value);
  if (outcome.startsWith('{')) {
    try {
      outcome = text((JSON.parse(outcome) as { legacyData?: JsonValue }).legacyData);
    } catch {
      return 'error';
    }
  }
  if (!outcome || outcome === 'unsupported' || outcome.startsWith('ERROR::')) return 'error';
  return outcome.split('::');
}

/** The page's origin from clientDataJSON, accepted when it is on the relying party's host. */
function originOf(clientData: string): string {
  try {
    const origin = text((JSON.parse(clientData) as { origin?: JsonValue }).origin);
    return new URL(origin).hostname === RP_ID ? origin : '';
  } catch {
    return '';
  }
}

/** What the client sent, as the verifier reads a credential (WebAuthn's JSON). */
const credential = <R>(id: string, response: R) => ({
  id,
  rawId: id,
  type: 'public-key' as const,
  clientExtensionResults: {},
  response,
});

/** What the verifier expects of every ceremony of this journey. */
const expected = (context: CheckContext, clientData: string) => ({
  expectedChallenge: text(context.state.webAuthnChallenge),
  expectedOrigin: originOf(clientData),
  expectedRPID: RP_ID,
  requireUserVerification: false,
});

/** AM's WebAuthn Registration node, its options: a challenge for the user of `username`. */
export const webAuthnRegistrationOptions: Check = (context) => {
  const username = text(context.state.username);
  const { standard, url } = challenge();
  const userId = Buffer.from(username).toString('base64');
  return {
    outcome: 'ready',
    state: {
      webAuthnChallenge: url,
      webAuthnMetadata: {
        _action: 'webauthn_registration',
        challenge: standard,
        attestationPreference: 'none',
        userName: username,
        userId,
        relyingPartyName: RP_NAME,
        authenticatorSelection: JSON.stringify({
          userVerification: 'preferred',
          residentKey: 'required',
          requireResidentKey: true,
        }),
        _authenticatorSelection: {
          userVerification: 'preferred',
          residentKey: 'required',
          requireResidentKey: true,
        },
        pubKeyCredParams:
          '[ { "type": "public-key", "alg": -7 }, { "type": "public-key", "alg": -257 } ]',
        _pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        timeout: '60000',
        ...credentialList('excludeCredentials', idsOf(context, username)),
        displayName: username,
        relyingPartyId: `id: "${RP_ID}",`,
        _relyingPartyId: RP_ID,
        extensions: {},
        _type: 'WebAuthn',
        supportsJsonResponse: true,
      },
    },
  };
};

/** AM's WebAuthn Registration node, its verdict: the attestation verified, the passkey kept → `true`. */
export const webAuthnRegister: Check = async (context) => {
  const parts = outcomeParts(context.state.webAuthnOutcome);
  if (parts === 'error') return 'error';
  const [clientData = '', attestation = '', id = '', deviceName] = parts;
  const username = text(context.state.username);
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({
      response: credential(id, {
        clientDataJSON: b64url(utf8(clientData)),
        attestationObject: b64url(unsigned(attestation)),
      }),
      ...expected(context, clientData),
    });
    if (!verified || !username) return 'false';
    userKeys(context.users).passkeys.push({
      username,
      id: registrationInfo.credential.id,
      publicKey: registrationInfo.credential.publicKey,
      counter: registrationInfo.credential.counter,
      ...(deviceName ? { deviceName } : {}),
      verifiedSignIns: 0,
    });
    return 'true';
  } catch {
    return 'false';
  }
};

/** AM's WebAuthn Authentication node, its options: the user's passkeys, or any (usernameless). */
export const webAuthnAuthenticationOptions: Check = (context) => {
  const username = text(context.state.username);
  const { standard, url } = challenge();
  return {
    outcome: 'ready',
    state: {
      webAuthnChallenge: url,
      webAuthnMetadata: {
        _action: 'webauthn_authentication',
        challenge: standard,
        ...credentialList('allowCredentials', username ? idsOf(context, username) : []),
        timeout: '60000',
        userVerification: 'preferred',
        relyingPartyId: `rpId: "${RP_ID}",`,
        _relyingPartyId: RP_ID,
        _type: 'WebAuthn',
        supportsJsonResponse: true,
      },
    },
  };
};

/**
 * AM's WebAuthn Authentication node, its verdict: the assertion verified with a passkey of the user
 * (or, usernameless, of whoever owns it, who becomes the user) → `true`.
 */
export const webAuthnAuthenticate: Check = async (context) => {
  const parts = outcomeParts(context.state.webAuthnOutcome);
  if (parts === 'error') return 'error';
  const [clientData = '', authData = '', signature = '', id = '', userHandle] = parts;
  const username = text(context.state.username);
  const passkey = userKeys(context.users).passkeys.find(
    (p) => p.id === id && (!username || p.username === username),
  );
  // The user handle, when the authenticator gives one, is the user id the passkey was made for.
  const owner = passkey && Buffer.from(passkey.username).toString('base64');
  if (passkey === undefined || (userHandle !== undefined && userHandle !== owner)) return 'false';
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response: credential(id, {
        clientDataJSON: b64url(utf8(clientData)),
        authenticatorData: b64url(unsigned(authData)),
        signature: b64url(unsigned(signature)),
        ...(userHandle ? { userHandle: b64url(utf8(userHandle)) } : {}),
      }),
      ...expected(context, clientData),
      credential: {
        id: passkey.id,
        publicKey: passkey.publicKey as Uint8Array<ArrayBuffer>,
        counter: passkey.counter,
      },
    });
    if (!verified) return 'false';
    passkey.counter = authenticationInfo.newCounter;
    passkey.verifiedSignIns += 1;
    return { outcome: 'true', state: { username: passkey.username } };
  } catch {
    return 'false';
  }
};

/** The checks of AM's WebAuthn nodes, by name. */
export const WEBAUTHN_CHECKS = {
  webAuthnRegistrationOptions,
  webAuthnRegister,
  webAuthnAuthenticationOptions,
  webAuthnAuthenticate,
};
