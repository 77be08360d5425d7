import { startDevServer, type DevServer, type DevServerOptions } from '@journeykit/dev-server';
import {
  memoryStorage,
  type JourneyClientWithEvents,
  type JourneyConfig,
  type JourneyEvent,
  type KeyValueStorage,
  type OidcModuleConfig,
} from '@journeykit/journey';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clientFor, signIn } from './helpers';

/** A clock the test moves by hand: tokens "expire" without waiting. */
export function manualClock(start = Date.now()) {
  let now = start;
  return {
    now: () => now,
    advance: (seconds: number) => void (now += seconds * 1000),
  };
}

/** Several storage objects over one set of items: what a restarted app sees of its disk. */
export function disk() {
  const items = new Map<string, string>();
  return {
    items,
    open: (): KeyValueStorage => ({
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    }),
  };
}

export interface ClientOptions extends Partial<JourneyConfig> {
  storage?: KeyValueStorage;
  oidc?: Partial<OidcModuleConfig>;
}

/** A dev-server client with one storage for the session and the tokens, and OIDC configured. */
export function tokenClient(
  server: DevServer,
  options: ClientOptions = {},
): JourneyClientWithEvents {
  const { storage = memoryStorage(), oidc, ...config } = options;
  return clientFor(server, {
    ...config,
    modules: {
      session: { storage },
      oidc: {
        clientId: server.clientId,
        redirectUri: server.redirectUri,
        discoveryEndpoint: server.discoveryEndpoint,
        ...oidc,
      },
    },
  });
}

/** A client that went through Login and holds tokens. */
export async function signedIn(server: DevServer, options: ClientOptions = {}) {
  const client = tokenClient(server, options);
  const node = await signIn(client);
  if (node.type !== 'SuccessNode') throw new Error(`Login ended in ${node.type}`);
  const tokens = await client.user();
  if (!tokens) throw new Error('No tokens after Login');
  return { client, tokens };
}

/** Every event a client emits, in order. */
export function recordEvents(client: JourneyClientWithEvents): JourneyEvent[] {
  const events: JourneyEvent[] = [];
  client.subscribe((event) => void events.push(event));
  return events;
}

/** Resolves once `check` holds, polling; for work the test started but does not await. */
export async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

/**
 * An app process that dies right after sending the request `fatal` matches: that request reaches
 * the server, but its answer is never read, and from then on the process reaches nothing — its
 * requests fail at once and its storage writes are lost. (Its code may run on, as a dead process's
 * would not, but nothing of it gets out.)
 */
export function mortalProcess(storage: KeyValueStorage, fatal: (body: string) => boolean) {
  let dead = false;
  const gone = () => Promise.reject(new TypeError('the process is gone'));
  return {
    get dead() {
      return dead;
    },
    fetch: async (url: string, init?: RequestInit) => {
      if (dead) return gone();
      const body = typeof init?.body === 'string' ? init.body : '';
      if (!fatal(body)) return fetch(url, init);
      await fetch(url, init);
      dead = true;
      return gone();
    },
    storage: {
      getItem: (key: string) => storage.getItem(key),
      setItem: (key: string, value: string) => (dead ? undefined : storage.setItem(key, value)),
      removeItem: (key: string) => (dead ? undefined : storage.removeItem(key)),
    } satisfies KeyValueStorage,
  };
}

export const isRefreshGrant = (body: string) => body.includes('grant_type=refresh_token');

/**
 * The dev server of the enclosing `describe`: started before its tests, closed after them, with
 * faults and counters cleared before each test. Read it in tests only (it starts in `beforeAll`).
 */
export function devServerFor(options: DevServerOptions = {}): DevServer {
  let server: DevServer | undefined;
  beforeAll(async () => {
    server = await startDevServer(options);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.clearFaults();
    server!.resetLog();
  });
  return new Proxy({} as DevServer, {
    get(_target, key) {
      const value: unknown = Reflect.get(server!, key);
      return typeof value === 'function' ? (value as () => unknown).bind(server) : value;
    },
  });
}
