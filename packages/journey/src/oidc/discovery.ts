import { userError } from '../errors';
import { isObject, jsonBody, statusError, untilAborted, type Send } from '../http/transport';

/** The parts of an OpenID Provider's metadata the SDK uses (am-protocol §6.1). */
export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
  jwks_uri?: string;
  response_modes_supported?: string[];
}

const required = ['issuer', 'authorization_endpoint', 'token_endpoint'] as const;
const optional = [
  'userinfo_endpoint',
  'revocation_endpoint',
  'end_session_endpoint',
  'jwks_uri',
] as const;

/**
 * Fetches the discovery document once and shares it; a failed fetch is not cached, so the next
 * call tries again. A caller's signal ends only its own wait, not the shared fetch.
 */
export function discoveryLoader(
  send: Send,
  endpoint: string,
): (signal?: AbortSignal) => Promise<Discovery> {
  let loaded: Promise<Discovery> | undefined;
  return (signal) => {
    loaded ??= load(send, endpoint).catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return untilAborted(loaded, signal, 'OIDC discovery');
  };
}

async function load(send: Send, endpoint: string): Promise<Discovery> {
  const response = await send({
    url: endpoint,
    headers: { accept: 'application/json' },
    credentials: 'omit',
    retry: 'safe',
  });
  if (response.status !== 200) throw statusError('JOURNEY_USER_ERROR', 'OIDC discovery', response);
  const doc = jsonBody(response);
  const invalid = (what: string) =>
    userError('wellknown_error', `The OIDC discovery document ${what}`);
  if (!isObject(doc)) throw invalid('is not a JSON object');
  for (const key of required)
    if (typeof doc[key] !== 'string' || !doc[key]) throw invalid(`has no ${key}`);
  for (const key of optional)
    if (doc[key] !== undefined && typeof doc[key] !== 'string')
      throw invalid(`has an invalid ${key}`);
  const modes = doc.response_modes_supported;
  return {
    ...(doc as unknown as Discovery),
    response_modes_supported: Array.isArray(modes)
      ? modes.filter((m) => typeof m === 'string')
      : undefined,
  };
}
