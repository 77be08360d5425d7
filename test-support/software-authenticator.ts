// A software passkey authenticator for Node tests: what a platform authenticator does, with
// WebCrypto (ES256) and "none" attestation, so a real WebAuthn verifier (@simplewebauthn/server on
// the dev server) can check what it signs. Not a security device: keys live in memory.
import { webcrypto } from 'node:crypto';

import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

import type {
  CreationOptions,
  RequestOptions,
  WebAuthnAuthenticator,
} from '../packages/journey/src/webauthn/types';

interface StoredPasskey {
  id: Uint8Array;
  rpId: string;
  userHandle: Uint8Array;
  keys: CryptoKeyPair;
  counter: number;
}

const subtle = webcrypto.subtle;
const b64url = (bytes: Uint8Array) => isoBase64URL.fromBuffer(bytes as Uint8Array<ArrayBuffer>);
const sha256 = async (data: Uint8Array) => new Uint8Array(await subtle.digest('SHA-256', data));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.length) - part.length);
  return out;
};
const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const domError = (name: string, message: string) => Object.assign(new Error(message), { name });

/** An ECDSA signature as WebAuthn carries it: DER, not WebCrypto's r‖s. */
function der(raw: Uint8Array): Uint8Array {
  const int = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i += 1;
    const trimmed = bytes.slice(i);
    const body = trimmed[0]! & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed;
    return concat(Uint8Array.of(2, body.length), body);
  };
  const body = concat(int(raw.slice(0, 32)), int(raw.slice(32)));
  return concat(Uint8Array.of(0x30, body.length), body);
}

export interface SoftwareAuthenticator extends WebAuthnAuthenticator {
  /** The passkeys it holds. */
  readonly passkeys: readonly StoredPasskey[];
  /** The next ceremony fails as if the user cancelled it (`NotAllowedError`). */
  cancelNext(): void;
}

/** A software authenticator whose ceremonies claim to run on `origin` (the page's origin in a browser). */
export function softwareAuthenticator(origin: string): SoftwareAuthenticator {
  const passkeys: StoredPasskey[] = [];
  let cancel = false;
  const refuseIfCancelled = () => {
    if (!cancel) return;
    cancel = false;
    throw domError('NotAllowedError', 'The operation either timed out or was not allowed.');
  };
  const clientData = (type: string, challenge: Uint8Array) =>
    new TextEncoder().encode(
      JSON.stringify({
        type,
        challenge: b64url(challenge),
        origin,
        crossOrigin: false,
      }),
    );
  const rpOf = (id: string | undefined) => id ?? new URL(origin).hostname;

  return {
    passkeys,
    cancelNext: () => {
      cancel = true;
    },
    async create({ publicKey }: { publicKey: CreationOptions }) {
      refuseIfCancelled();
      if (!publicKey.pubKeyCredParams.some((p) => p.alg === -7))
        throw domError('NotSupportedError', 'Only ES256 is supported');
      const rpId = rpOf(publicKey.rp.id);
      const excluded = (publicKey.excludeCredentials ?? []).map((c) => b64url(c.id));
      if (passkeys.some((p) => p.rpId === rpId && excluded.includes(b64url(p.id))))
        throw domError(
          'InvalidStateError',
          'The authenticator already holds a passkey of this user',
        );
      const keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
        'sign',
        'verify',
      ]);
      const jwk = await subtle.exportKey('jwk', keys.publicKey);
      const cose = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, isoBase64URL.toBuffer(jwk.x!)],
          [-3, isoBase64URL.toBuffer(jwk.y!)],
        ]),
      );
      const id = webcrypto.getRandomValues(new Uint8Array(32));
      const authData = concat(
        await sha256(new TextEncoder().encode(rpId)),
        Uint8Array.of(0x45), // user present, user verified, attested credential data
        u32(0),
        new Uint8Array(16),
        Uint8Array.of(0, id.length),
        id,
        cose,
      );
      passkeys.push({ id, rpId, userHandle: publicKey.user.id, keys, counter: 0 });
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]) as never,
      );
      return {
        id: b64url(id),
        authenticatorAttachment: 'platform',
        response: {
          clientDataJSON: clientData('webauthn.create', publicKey.challenge),
          attestationObject,
        },
      };
    },
    async get({ publicKey }: { publicKey: RequestOptions }) {
      refuseIfCancelled();
      const rpId = rpOf(publicKey.rpId);
      const allowed = (publicKey.allowCredentials ?? []).map((c) => b64url(c.id));
      const passkey = passkeys.find(
        (p) => p.rpId === rpId && (allowed.length === 0 || allowed.includes(b64url(p.id))),
      );
      if (!passkey) throw domError('NotAllowedError', 'No passkey for this site');
      passkey.counter += 1;
      const clientDataJSON = clientData('webauthn.get', publicKey.challenge);
      const authenticatorData = concat(
        await sha256(new TextEncoder().encode(rpId)),
        Uint8Array.of(0x05),
        u32(passkey.counter),
      );
      const signed = concat(authenticatorData, await sha256(clientDataJSON));
      const raw = new Uint8Array(
        await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, passkey.keys.privateKey, signed),
      );
      return {
        id: b64url(passkey.id),
        authenticatorAttachment: 'platform',
        response: {
          clientDataJSON,
          authenticatorData,
          signature: der(raw),
          userHandle: passkey.userHandle,
        },
      };
    },
  };
}
