import {
  callbackType,
  journey,
  StepType,
  type JourneyClient as PingJourneyClient,
  type NameCallback,
  type PasswordCallback,
} from '@forgerock/journey-client';
import {
  createJourneyClient,
  memoryStorage,
  type JourneyClient,
  type JourneyConfig,
  type JourneyStartOptions,
} from '@journeykit/journey';
import type { DevClientConfig } from '@journeykit/dev-server';

const DEMO = { username: 'demo', password: 'Ch4ng3it!' };

/** A journeykit client of the dev server; `journeyOnly` leaves the OIDC module out. */
export function journeykitClient(
  config: DevClientConfig,
  options: { journeyOnly?: boolean } & Partial<JourneyConfig> = {},
): JourneyClient {
  const { journeyOnly, ...overrides } = options;
  return createJourneyClient({
    serverUrl: config.serverUrl,
    realm: config.realm,
    cookie: config.cookie,
    modules: journeyOnly
      ? {}
      : { session: { storage: memoryStorage() }, oidc: config.modules.oidc },
    ...overrides,
  });
}

/** Login with the demo user: start → next → SuccessNode, or a thrown error. */
export async function signIn(client: JourneyClient, options?: JourneyStartOptions): Promise<void> {
  const first = await client.start('Login', options);
  const last =
    first.type === 'ContinueNode'
      ? await client.next({
          callbacks: [
            { type: 'NameCallback', value: DEMO.username },
            { type: 'PasswordCallback', value: DEMO.password },
          ],
        })
      : first;
  if (last.type !== 'SuccessNode') throw new Error(`journeykit's Login ended in ${last.type}`);
}

/**
 * Ping's `@forgerock/journey-client` for the dev server. It keeps a step in `sessionStorage`,
 * which Node lacks; journeykit's synchronous `memoryStorage()` has the three methods it calls.
 */
export async function pingJourneyClient(config: DevClientConfig): Promise<PingJourneyClient> {
  for (const name of ['sessionStorage', 'localStorage'])
    if (!(name in globalThis)) Object.assign(globalThis, { [name]: memoryStorage() });
  return journey({
    config: { serverConfig: { wellknown: config.modules.oidc.discoveryEndpoint } },
  });
}

/** The same Login with Ping's client: start → next → LoginSuccess, or a thrown error. */
export async function pingSignIn(client: PingJourneyClient): Promise<void> {
  const step = await client.start({ journey: 'Login' });
  if (step.type !== StepType.Step) throw new Error(`Ping's start gave ${JSON.stringify(step)}`);
  step.getCallbackOfType<NameCallback>(callbackType.NameCallback).setName(DEMO.username);
  step
    .getCallbackOfType<PasswordCallback>(callbackType.PasswordCallback)
    .setPassword(DEMO.password);
  const result = await client.next(step);
  if (result.type !== StepType.LoginSuccess)
    throw new Error(`Ping's Login ended in ${result.type}`);
}

/**
 * The same Login with nothing but fetch and JSON (AM's authenticate protocol, am-protocol §3):
 * the floor under any client. Resolves with the SSO token.
 */
export async function fetchSignIn(config: DevClientConfig): Promise<string> {
  const realms = ['root', ...config.realm.split('/').filter((n) => n && n !== 'root')];
  const url = `${config.serverUrl}/json/${realms.map((n) => `realms/${n}`).join('/')}/authenticate`;
  const post = async (query: string, body: unknown) => {
    const response = await fetch(url + query, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-api-version': 'resource=2.1, protocol=1.0',
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as AmReply;
  };
  const step = await post('?authIndexType=service&authIndexValue=Login', {});
  const [name, password] = step.callbacks ?? [];
  if (!name?.input[0] || !password?.input[0])
    throw new Error(`Unexpected step ${JSON.stringify(step)}`);
  name.input[0].value = DEMO.username;
  password.input[0].value = DEMO.password;
  const { tokenId } = await post('', step);
  if (!tokenId) throw new Error('Login gave no tokenId');
  return tokenId;
}

interface AmReply {
  tokenId?: string;
  callbacks?: { input: { name: string; value: unknown }[] }[];
}

/** Endpoints the floor knows in advance, as an app that hard-codes them would. */
export interface FloorEndpoints {
  authorization_endpoint: string;
  token_endpoint: string;
}

/** The server's discovery document: what the floor is given before the clock starts. */
export async function floorEndpoints(config: DevClientConfig): Promise<FloorEndpoints> {
  const response = await fetch(config.modules.oidc.discoveryEndpoint);
  return (await response.json()) as FloorEndpoints;
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/**
 * Login then tokens with nothing but fetch: the journey's two requests, a one-hop authorize with the
 * SSO token (PKCE S256, the redirect read from `Location`) and the code exchange — the four
 * sequential requests no client can do without. Resolves with the access token.
 */
export async function fetchSignInWithTokens(
  config: DevClientConfig,
  endpoints: FloorEndpoints,
): Promise<string> {
  const ssoToken = await fetchSignIn(config);
  const { clientId, redirectUri } = config.modules.oidc;
  const verifier = random();
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email',
    state: random(),
    nonce: random(),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    prompt: 'none',
  });
  const authorize = await fetch(`${endpoints.authorization_endpoint}?${query}`, {
    headers: { [config.cookie]: ssoToken },
    redirect: 'manual',
  });
  const location = authorize.headers.get('location');
  const code = location && new URL(location).searchParams.get('code');
  if (!code) throw new Error(`authorize gave ${authorize.status} ${location ?? ''}`);
  const token = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    }),
  });
  const { access_token } = (await token.json()) as { access_token?: string };
  if (!access_token) throw new Error(`the code exchange gave ${token.status}`);
  return access_token;
}
