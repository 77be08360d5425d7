import { fromSigned } from './bytes';
import type { CreationOptions, CredentialDescriptor, RequestOptions } from './types';

// AM's "return challenge as JavaScript" option: the options are only in the script's source.

const quoted = (source: string, key: string) =>
  new RegExp(`\\b${key}:\\s*"([^"]*)"`).exec(source)?.[1];

const json = (source: string, key: string, open: string, close: string): unknown => {
  const found = new RegExp(`\\b${key}:\\s*(\\${open}[^\\${close}]*\\${close})`).exec(source)?.[1];
  return found === undefined ? undefined : (JSON.parse(found) as unknown);
};

const signed = (text: string) =>
  [...text.matchAll(/new Int8Array\((\[[^\]]*\])\)/g)].map((m) => fromSigned(JSON.parse(m[1]!)));

const challengeOf = (source: string) => {
  const found = /challenge:\s*new Int8Array\((\[[^\]]*\])\)/.exec(source)?.[1];
  if (!found) throw new TypeError('the script has no challenge');
  return fromSigned(JSON.parse(found));
};

const timeoutOf = (source: string) => {
  const found = /\btimeout:\s*(\d+)/.exec(source)?.[1];
  return found === undefined ? undefined : Number(found);
};

/** Credential ids of a list in the script, from its name (`excludeCredentials: [`) to its `]`. */
const listed = (source: string, name: RegExp): CredentialDescriptor[] => {
  const start = source.search(name);
  if (start < 0) return [];
  const rest = source.slice(start);
  const end = /\]\s*[;,]?\s*\n/.exec(rest);
  return signed(end ? rest.slice(0, end.index) : rest).map((id) => ({ type: 'public-key', id }));
};

/** The registration options of AM's registration script. */
export function scriptCreationOptions(source: string): CreationOptions {
  const rp = /\brp:\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
  const user = /\buser:\s*\{([\s\S]*?)\n\s*\}/.exec(source)?.[1] ?? '';
  const userId = /Uint8Array\.from\("([^"]*)"/.exec(user)?.[1];
  const params = json(source, 'pubKeyCredParams', '[', ']');
  if (userId === undefined || !Array.isArray(params))
    throw new TypeError('the script has no user or pubKeyCredParams');
  const rpId = quoted(rp, 'id');
  const selection = json(source, 'authenticatorSelection', '{', '}');
  const exclude = listed(source, /excludeCredentials:/);
  return {
    challenge: challengeOf(source),
    rp: { name: quoted(rp, 'name') ?? '', ...(rpId ? { id: rpId } : {}) },
    user: {
      id: Uint8Array.from(userId, (c) => c.charCodeAt(0)),
      name: quoted(user, 'name') ?? '',
      displayName: quoted(user, 'displayName') ?? '',
    },
    pubKeyCredParams: params as CreationOptions['pubKeyCredParams'],
    timeout: timeoutOf(source),
    attestation: quoted(source, 'attestation'),
    ...(selection ? { authenticatorSelection: selection as Record<string, unknown> } : {}),
    ...(exclude.length ? { excludeCredentials: exclude } : {}),
  };
}

/** The authentication options of AM's authentication script. */
export function scriptRequestOptions(source: string): RequestOptions {
  const rpId = quoted(source, 'rpId');
  const uv = quoted(source, 'userVerification');
  const allow = listed(source, /acceptableCredentials\s*=|allowCredentials:\s*\[/);
  return {
    challenge: challengeOf(source),
    timeout: timeoutOf(source),
    ...(rpId ? { rpId } : {}),
    ...(allow.length ? { allowCredentials: allow } : {}),
    ...(uv ? { userVerification: uv } : {}),
  };
}
