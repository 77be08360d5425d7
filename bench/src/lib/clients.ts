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
