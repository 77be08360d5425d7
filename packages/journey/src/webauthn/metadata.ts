import { fromBase64, fromSigned } from './bytes';
import type { CreationOptions, CredentialDescriptor, RequestOptions } from './types';

type Metadata = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** AM sends some values twice: as JavaScript source, and structured under a `_` name (7.1 on). */
const structured = (data: Metadata, name: string, parse: (text: string) => unknown) => {
  const value = data[`_${name}`] ?? data[name];
  return typeof value === 'string' ? (value.trim() ? parse(value) : undefined) : value;
};

/** `rpId: "host",` or `id: "host",` (AM's JavaScript), or the host itself. */
export const relyingPartyId = (data: Metadata): string | undefined => {
  const id =
    typeof data._relyingPartyId === 'string'
      ? data._relyingPartyId
      : str(data.relyingPartyId).replace(/^\s*(?:rpId|id):\s*"(.*)",?\s*$/, '$1');
  return id || undefined;
};

const signedArrays = (text: string) =>
  [...text.matchAll(/new Int8Array\((\[[^\]]*\])\)/g)].map((m) => JSON.parse(m[1]!) as unknown);

/** Credential ids, from `_allowCredentials` (`[{type, id: [bytes]}]`) or AM's JavaScript. */
export const credentials = (data: Metadata, name: string): CredentialDescriptor[] => {
  const list = data[`_${name}`];
  const ids = Array.isArray(list)
    ? list.map((c) => (c as { id?: unknown }).id)
    : signedArrays(str(data[name]));
  return ids.map((id) => ({ type: 'public-key', id: fromSigned(id) }));
};

const timeout = (value: unknown) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || !value) throw new TypeError(`the metadata has no ${what}`);
  return value;
};

/**
 * The registration options of AM's metadata. The user id is the char codes of AM's `userId`
 * text, as Ping's web SDKs pass it, so AM finds the user again from a passkey's user handle.
 */
export function creationOptions(data: Metadata): CreationOptions {
  const params = structured(data, 'pubKeyCredParams', (t) => JSON.parse(t) as unknown);
  if (!Array.isArray(params) || params.length === 0)
    throw new TypeError('the metadata has no pubKeyCredParams');
  const selection = structured(data, 'authenticatorSelection', (t) => JSON.parse(t) as unknown);
  const id = relyingPartyId(data);
  const userName = typeof data.userName === 'string' ? data.userName : '';
  const displayName = typeof data.displayName === 'string' && data.displayName;
  const userId = text(data.userId, 'userId');
  const exclude = credentials(data, 'excludeCredentials');
  const extensions = data.extensions as Record<string, unknown> | undefined;
  return {
    challenge: fromBase64(text(data.challenge, 'challenge')),
    rp: { name: str(data.relyingPartyName), ...(id ? { id } : {}) },
    user: {
      id: Uint8Array.from(userId, (c) => c.charCodeAt(0)),
      name: userName || displayName || '',
      displayName: displayName || userName,
    },
    pubKeyCredParams: params as CreationOptions['pubKeyCredParams'],
    timeout: timeout(data.timeout),
    attestation:
      typeof data.attestationPreference === 'string' ? data.attestationPreference : undefined,
    ...(selection && typeof selection === 'object'
      ? { authenticatorSelection: selection as Record<string, unknown> }
      : {}),
    ...(exclude.length ? { excludeCredentials: exclude } : {}),
    ...(extensions && typeof extensions === 'object' && Object.keys(extensions).length
      ? { extensions }
      : {}),
  };
}

/** The authentication options of AM's metadata; no credentials listed means any passkey (usernameless). */
export function requestOptions(data: Metadata): RequestOptions {
  const rpId = relyingPartyId(data);
  const allow = credentials(data, 'allowCredentials');
  return {
    challenge: fromBase64(text(data.challenge, 'challenge')),
    timeout: timeout(data.timeout),
    ...(rpId ? { rpId } : {}),
    ...(allow.length ? { allowCredentials: allow } : {}),
    ...(typeof data.userVerification === 'string' && data.userVerification
      ? { userVerification: data.userVerification }
      : {}),
  };
}
