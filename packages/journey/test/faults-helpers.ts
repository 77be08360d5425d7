import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DevServer, Fault, RouteName } from '@journeykit/dev-server';
import { JourneyError, type JourneyClientWithEvents, type JourneyEvent } from '@journeykit/journey';
import { signIn } from './helpers';
import { disk, manualClock, recordEvents, tokenClient } from './tokens-helpers';

// The fault matrix (issue 7): every operation against every fault, each cell a defined outcome
// and the storage it leaves. Rows and columns are data here; faults-matrix.test.ts runs them and
// holds docs/reliability.md to what it saw.

/** Milliseconds the timeout column's client waits; the server answers later than that. */
const TIMEOUT = 300;

/** The path each route ends with, to refuse connections to that route alone. */
const routePaths: Partial<Record<RouteName, RegExp>> = {
  authenticate: /\/authenticate$/,
  sessions: /\/sessions\/?$/,
  authorize: /\/authorize$/,
  token: /\/access_token$/,
  revoke: /\/token\/revoke$/,
  userinfo: /\/userinfo$/,
  endSession: /\/connect\/endSession$/,
};

/** An origin nothing listens on: a port that was opened and closed again. */
export async function deadOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/**
 * The network between one cell's client and the dev server: real fetch, except that requests to
 * refused routes go to a port nothing listens on (a real "connection refused").
 */
export function network(server: DevServer, dead: string) {
  const refused = new Set<RouteName>();
  return {
    refuse: (routes: RouteName[]) => routes.forEach((r) => refused.add(r)),
    clear: () => refused.clear(),
    fetch: (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      const refuse = [...refused].some((r) => routePaths[r]!.test(path));
      return fetch(refuse ? url.replace(server.origin, dead) : url, init);
    },
  };
}

export type Network = ReturnType<typeof network>;

export interface FaultColumn {
  name: string;
  /** The timeout of the client making the call (the timeout column's short one). */
  timeout?: number;
  /** The server refuses a grant for good: the tokens it was for may be dropped. */
  refusesGrant?: boolean;
  apply(server: DevServer, net: Network, routes: RouteName[]): void;
}

const injected =
  (fault: Fault): FaultColumn['apply'] =>
  (server, _net, routes) =>
    routes.forEach((route) => server.inject(route, fault));

const oauth = (status: number, error: string) =>
  injected({ status, body: { error, error_description: `The server says ${error}` } });

export const columns: FaultColumn[] = [
  { name: 'connection refused', apply: (_s, net, routes) => net.refuse(routes) },
  { name: 'dropped mid-body', apply: injected({ truncate: true }) },
  { name: 'timeout', timeout: TIMEOUT, apply: injected({ delayMs: 2.5 * TIMEOUT }) },
  {
    name: '502 HTML',
    apply: injected({
      status: 502,
      body: '<html><h1>Bad Gateway</h1></html>',
      contentType: 'text/html',
    }),
  },
  { name: 'malformed JSON', apply: injected({ malformedJson: true }) },
  { name: 'truncated JSON', apply: injected({ halfBody: true }) },
  { name: '400 invalid_grant', refusesGrant: true, apply: oauth(400, 'invalid_grant') },
  { name: '401 invalid_token', apply: oauth(401, 'invalid_token') },
  {
    name: '429 Retry-After: 120',
    apply: injected({
      status: 429,
      headers: { 'Retry-After': '120' },
      body: { code: 429, reason: 'Too Many Requests', message: 'Slow down' },
    }),
  },
];

/**
 * One cell: the client making the call, and a second one over the same storage with the default
 * timeout, which sets the session up (so a short timeout cannot fail the setup) and checks it after.
 */
export interface Cell {
  server: DevServer;
  client: JourneyClientWithEvents;
  helper: JourneyClientWithEvents;
  drive: ReturnType<typeof disk>;
  clock: ReturnType<typeof manualClock>;
  events: JourneyEvent[];
  /** What the row's setup left for its call, e.g. the resume link. */
  link?: string;
}

export interface OperationRow {
  name: string;
  /** The routes the fault is injected on. */
  routes: RouteName[];
  /** 'journey': nothing stored before; 'sso': signed in, no tokens; 'tokens': signed in with tokens. */
  state: 'journey' | 'sso' | 'tokens';
  /** What the operation forgets on purpose: the tokens (revoke) or everything (logout). */
  forgets?: 'tokens' | 'all';
  setup?(cell: Cell): Promise<void>;
  run(cell: Cell): Promise<unknown>;
}

const login = [
  { type: 'NameCallback', value: 'demo' },
  { type: 'PasswordCallback', value: 'Ch4ng3it!' },
];

export const rows: OperationRow[] = [
  {
    name: 'start()',
    routes: ['authenticate'],
    state: 'journey',
    run: ({ client }) => client.start('Login'),
  },
  {
    name: 'next()',
    routes: ['authenticate'],
    state: 'journey',
    setup: async ({ client }) => void (await client.start('Login')),
    run: ({ client }) => client.next({ callbacks: login }),
  },
  {
    name: 'resume()',
    routes: ['authenticate'],
    state: 'journey',
    setup: async (cell) => {
      await cell.helper.start('EmailLink');
      await cell.helper.next({ callbacks: [login[0]!] });
      cell.link = cell.server.outbox.at(-1)!.link;
    },
    run: ({ client, link }) => client.resume(link!),
  },
  {
    name: 'user(): mint, authorize',
    routes: ['authorize'],
    state: 'sso',
    run: ({ client }) => client.user(),
  },
  {
    name: 'user(): mint, code exchange',
    routes: ['token'],
    state: 'sso',
    run: ({ client }) => client.user(),
  },
  {
    name: 'user(): refresh',
    routes: ['token'],
    state: 'tokens',
    setup: ({ clock }) => Promise.resolve(clock.advance(3600)),
    run: ({ client }) => client.user(),
  },
  { name: 'refresh()', routes: ['token'], state: 'tokens', run: ({ client }) => client.refresh() },
  {
    name: 'revoke()',
    routes: ['revoke'],
    state: 'tokens',
    forgets: 'tokens',
    run: ({ client }) => client.revoke(),
  },
  {
    name: 'userinfo()',
    routes: ['userinfo'],
    state: 'tokens',
    run: ({ client }) => client.userinfo(),
  },
  {
    name: 'logoutUser()',
    routes: ['sessions', 'revoke', 'endSession'],
    state: 'tokens',
    forgets: 'all',
    run: ({ client }) => client.logoutUser(),
  },
];

/** A new client for a cell, brought to the state its row starts from (before the fault). */
export async function prepare(
  server: DevServer,
  net: Network,
  row: OperationRow,
  column: FaultColumn,
): Promise<Cell> {
  const drive = disk();
  const clock = manualClock();
  const options = { storage: drive.open(), clock: clock.now, fetch: net.fetch };
  const helper = tokenClient(server, options);
  const client = column.timeout
    ? tokenClient(server, { ...options, timeout: column.timeout })
    : helper;
  if (row.state !== 'journey' && (await signIn(helper)).type !== 'SuccessNode')
    throw new Error('setup: Login failed');
  if (row.state === 'tokens' && !(await helper.user())) throw new Error('setup: no tokens');
  const events = recordEvents(client);
  if (helper !== client) helper.subscribe((event) => void events.push(event));
  const cell: Cell = { server, client, helper, drive, clock, events };
  await row.setup?.(cell);
  return cell;
}

/** What storage holds: the SSO token and the token record, as the SDK wrote them. */
export interface Stored {
  sso?: string;
  tokens?: { accessToken: string; refreshToken?: string; refreshing?: true };
}

export function stored({ items }: ReturnType<typeof disk>): Stored {
  const data = (prefix: string) => {
    const entry = [...items].find(([key]) => key.startsWith(prefix));
    return entry && (JSON.parse(entry[1]) as { data: Record<string, unknown> }).data;
  };
  return {
    sso: data('journeykit.session:')?.value as string | undefined,
    tokens: data('journeykit.tokens:') as Stored['tokens'],
  };
}

/** The call's outcome in the matrix's words: a node, a value, or a typed rejection. */
export function outcomeText(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'rejected') return `✗ ${errorText(result.reason)}`;
  const value = result.value as { type?: string; status?: number; error?: unknown } | null;
  if (value === null || typeof value !== 'object') return String(value);
  if (value.type === 'FailureNode') return `FailureNode: ${errorText(value.error)}`;
  if (value.type === 'ErrorNode') return `ErrorNode ${value.status}`;
  if (value.type) return value.type;
  return 'accessToken' in value ? 'tokens' : 'claims';
}

/** `USER network_error ↻`: the code without JOURNEY_…_ERROR, the type, ↻ when retryable. */
export function errorText(error: unknown): string {
  if (!(error instanceof JourneyError)) return `untyped ${String(error)}`;
  const code = error.code.replace(/^JOURNEY_|_ERROR$/g, '');
  const oauthError = error.oauthError ? ` ${error.oauthError}` : '';
  const retry = error.retryable ? ` ↻${error.retryAfter ? ` ${error.retryAfter} s` : ''}` : '';
  return `${code} ${error.type}${oauthError}${retry}`;
}

/** What the call did to storage, from the states before and after. */
export function storageText(before: Stored, after: Stored): string {
  const changes: string[] = [];
  if (before.sso && !after.sso) changes.push('SSO dropped');
  else if (after.sso && after.sso !== before.sso) changes.push('SSO saved');
  const [was, is] = [before.tokens, after.tokens];
  if (was && !is) changes.push('tokens dropped');
  else if (is && is.accessToken !== was?.accessToken) changes.push(was ? 'renewed' : 'minted');
  else if (is?.refreshing && !was?.refreshing) changes.push('refresh token marked spent');
  else if (was?.refreshToken && is && !is.refreshToken) changes.push('refresh token dropped');
  if (changes.length === 2 && !after.sso && !after.tokens) return 'cleared';
  return changes.join(', ') || (before.sso || was ? 'kept' : '—');
}
