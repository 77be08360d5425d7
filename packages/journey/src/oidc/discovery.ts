import { userError } from '../errors';
import { isObject, misfit, parseJson } from '../http/json';
import { statusError, untilAborted, type Send } from '../http/transport';
import type { OidcOpenIdConfiguration } from './context';

/** The parts of an OpenID Provider's metadata the SDK uses (am-protocol §6.1). */
export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
  jwks_uri?: string;
}

/**
 * Fetches the discovery document once and shares it; a failed fetch is not cached, so the next
 * call tries again. A caller's signal ends only its own wait, not the shared fetch.
 */
export function discoveryLoader(
  send: Send,
  endpoint: string | undefined,
  openId?: OidcOpenIdConfiguration,
): (signal?: AbortSignal) => Promise<Discovery> {
  let loaded: Promise<Discovery> | undefined;
  return (signal) => {
    loaded ??= (endpoint ? load(send, endpoint) : Promise.resolve({} as Discovery)).then(
      (doc) => (openId ? withOpenId(doc, openId) : doc),
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    );
    return untilAborted(loaded, signal, 'OIDC discovery');
  };
}

/** The endpoints the app gave, over the discovered ones; AM's issuer is its authorize endpoint's parent. */
function withOpenId(doc: Discovery, openId: OidcOpenIdConfiguration): Discovery {
  const given = {
    issuer:
      openId.issuer ?? (doc.issuer || openId.authorizationEndpoint.replace(/\/authorize\/?$/, '')),
    authorization_endpoint: openId.authorizationEndpoint,
    token_endpoint: openId.tokenEndpoint,
    userinfo_endpoint: openId.userinfoEndpoint,
    revocation_endpoint: openId.revocationEndpoint,
    end_session_endpoint: openId.endSessionEndpoint,
    jwks_uri: openId.jwksUri,
  };
  return Object.assign({}, doc, JSON.parse(JSON.stringify(given)) as Discovery);
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
