import { userError } from '../errors';
import { isObject, misfit, parseJson } from '../http/json';
import { statusError, untilAborted, type Send } from '../http/transport';

/** The parts of an OpenID Provider's metadata the SDK uses (am-protocol §6.1). */
export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
  jwks_uri?: string;
  authorization_response_iss_parameter_supported?: boolean;
}

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
  const doc = parseJson(response.body);
  const invalid = (what: string) =>
    userError('wellknown_error', `The OIDC discovery document ${what}`);
  if (!isObject(doc)) throw invalid('is not a JSON object');
  const bad = misfit(doc, {
    issuer: 'text',
    authorization_endpoint: 'text',
    token_endpoint: 'text',
    userinfo_endpoint: 'string?',
    revocation_endpoint: 'string?',
    end_session_endpoint: 'string?',
    jwks_uri: 'string?',
  });
  if (bad) throw invalid(`has no valid ${bad}`);
  // OpenID Discovery §4.3: the document is the issuer's own.
  if (`${(doc.issuer as string).replace(/\/$/, '')}/.well-known/openid-configuration` !== endpoint)
    throw invalid('names an issuer it was not fetched from');
  return doc as unknown as Discovery;
}

/** An endpoint the discovery document may leave out; a wellknown_error when it does. */
export async function endpointOf(
  ctx: { discovery(signal?: AbortSignal): Promise<Discovery> },
  name: 'userinfo' | 'revocation' | 'end_session',
  signal?: AbortSignal,
): Promise<string> {
  const endpoint = (await ctx.discovery(signal))[`${name}_endpoint`];
  if (!endpoint) throw userError('wellknown_error', `The server has no ${name} endpoint`);
  return endpoint;
}
