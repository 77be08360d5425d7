import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileStorage } from '@journeykit/journey/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { devServerFor, tokenClient } from './tokens-helpers';

const APP = fileURLToPath(new URL('./fixtures/processes/app.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const N = 8;

/** Starts one app process per call; once all are ready, tells them to go; resolves their outcomes. */
async function processes(
  calls: string[],
  config: object,
  directory: string,
  ahead: number,
  slow = 0,
) {
  const children = calls.map((call) =>
    spawn(TSX, [APP, call, JSON.stringify(config), directory, String(ahead), String(slow)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const lines = children.map((child) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    const ready = new Promise<void>((resolve) => {
      const check = () => out.startsWith('ready') && resolve();
      child.stdout.on('data', check);
    });
    const done = new Promise<{ outcome?: unknown; error?: string }>((resolve, reject) =>
      child.once('exit', (code) =>
        code === 0
          ? resolve(JSON.parse(out.split('\n')[1]!) as { outcome?: unknown; error?: string })
          : reject(new Error(out)),
      ),
    );
    return { ready, done };
  });
  await Promise.all(lines.map((l) => l.ready));
  for (const child of children) child.stdin.end('go\n');
  return Promise.all(lines.map((l) => l.done));
}

// Real processes over one directory (the app's state on a real disk), against the dev server,
// which counts every grant and every replayed refresh token.
describe(`${N} Node processes sharing one fileStorage directory`, () => {
  const server = devServerFor();
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'journeykit-processes-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  const appConfig = () => {
    const { url, realm, cookieName, clientId, redirectUri, discoveryEndpoint } = server;
    return { url, realm, cookieName, clientId, redirectUri, discoveryEndpoint };
  };

  /** Signs in over the directory and gets tokens, as the app's first run would. */
  async function signedInOnDisk() {
    const client = tokenClient(server, { storage: fileStorage(directory) });
    await signIn(client);
    const tokens = await client.user();
    server.resetLog();
    return tokens!;
  }

  it('renew the session once at token expiry: one refresh grant, no replay, one token for all', async () => {
    const first = await signedInOnDisk();
    const outcomes = await processes(Array<string>(N).fill('user'), appConfig(), directory, 7200);
    const tokens = new Set(outcomes.map((o) => o.outcome));
    expect(outcomes.filter((o) => o.error)).toEqual([]);
    expect(tokens.size).toBe(1);
    expect(tokens.has(first.accessToken)).toBe(false);
    expect(server.grants).toEqual({ authorization_code: 0, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
    expect(await server.isAccessTokenActive([...tokens][0] as string)).toBe(true);
  }, 180_000);

  it('keep a logout in one of them: no other process’s refresh brings the tokens back', async () => {
    await signedInOnDisk();
    const calls = ['logout', ...Array<string>(N - 1).fill('refresh')];
    // The refreshes' answers come late, so the logout lands while they are in flight.
    const outcomes = await processes(calls, appConfig(), directory, 7200, 1000);
    expect(outcomes[0]).toEqual({ outcome: true });
    expect(server.reuseDetections).toBe(0);
    // Whatever ran before the logout was revoked by it; nothing is left on disk.
    for (const { outcome } of outcomes.slice(1))
      if (typeof outcome === 'string')
        expect(await server.isAccessTokenActive(outcome)).toBe(false);
    expect((await readdir(directory)).filter((f) => !f.endsWith('.lock'))).toEqual([]);
    expect(await tokenClient(server, { storage: fileStorage(directory) }).user()).toBeNull();
  }, 180_000);
});
