import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '@journeykit/dev-server';
import { memoryStorage, secureStoreStorage, type KeyValueStorage } from '@journeykit/journey';
import { fileStorage } from '@journeykit/journey/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { devServerFor, disk, recordEvents, signedIn, tokenClient } from './tokens-helpers';

const keyOf = (items: Map<string, string>, kind: 'session' | 'tokens') =>
  [...items.keys()].find((k) => k.startsWith(`journeykit.${kind}:`))!;

// Storage (issue 4, ninth bullet): versioned records namespaced by server, realm and client; a
// corrupted or foreign record is treated as absent, reported, and never crashes a call.
describe('stored records', () => {
  const server = devServerFor();

  it('are versioned and named by server, realm and client', async () => {
    const drive = disk();
    const { tokens } = await signedIn(server, { storage: drive.open() });
    expect(keyOf(drive.items, 'session')).toBe(`journeykit.session:${server.url}|/`);
    expect(keyOf(drive.items, 'tokens')).toBe(
      `journeykit.tokens:${server.url}|/|${server.clientId}`,
    );
    const record = JSON.parse(drive.items.get(keyOf(drive.items, 'tokens'))!) as object;
    expect(record).toMatchObject({
      v: 1,
      kind: 'tokens',
      data: { accessToken: tokens.accessToken },
    });
  });

  it('treats a corrupted token record as absent, reports it, and mints anew', async () => {
    const drive = disk();
    const { client } = await signedIn(server, { storage: drive.open() });
    const events = recordEvents(client);
    const key = keyOf(drive.items, 'tokens');
    drive.items.set(key, '{"v":1,"kind":"tokens","data":{"accessTo');
    server.resetLog();
    const after = await client.user();
    expect(await server.isAccessTokenActive(after!.accessToken)).toBe(true);
    expect(server.grants.authorization_code).toBe(1);
    expect(events[0]).toMatchObject({
      type: 'storageError',
      key,
      error: { type: 'storage_error' },
    });
    expect(JSON.parse(drive.items.get(key)!)).toMatchObject({ v: 1, kind: 'tokens' });
  });

  it.each([
    [
      'a later version',
      '{"v":2,"kind":"session","data":{"value":"x","successUrl":"","realm":"/"}}',
    ],
    ['another kind', '{"v":1,"kind":"tokens","data":{"accessToken":"x"}}'],
    ['not JSON', 'iPlanetDirectoryPro=abc'],
  ])('treats %s in the session slot as no session, without a request', async (_name, raw) => {
    const drive = disk();
    const client = tokenClient(server, { storage: drive.open() });
    const events = recordEvents(client);
    drive.items.set(`journeykit.session:${server.url}|/`, raw);
    expect(await client.ssoToken()).toBeNull();
    expect(await client.user()).toBeNull();
    expect(server.requests).toHaveLength(0);
    expect(events.map((e) => e.type)).toContain('storageError');
  });

  it('survives a storage that cannot be read, and reports a save it could not make', async () => {
    const broken: KeyValueStorage = {
      getItem: () => Promise.reject(new Error('disk on fire')),
      setItem: () => Promise.reject(new Error('disk full')),
      removeItem: () => Promise.reject(new Error('disk gone')),
    };
    const session = memoryStorage();
    const client = tokenClient(server, { storage: session, oidc: { storage: broken } });
    const events = recordEvents(client);
    await signIn(client);
    await expect(client.user()).rejects.toMatchObject({
      code: 'JOURNEY_USER_ERROR',
      type: 'storage_error',
    });
    expect(events.filter((e) => e.type === 'storageError').length).toBeGreaterThan(0);
    expect(await client.ssoToken()).not.toBeNull();
    // Signed out all the same; the app hears that storage still holds the records.
    await expect(client.logoutUser()).rejects.toMatchObject({
      code: 'JOURNEY_LOGOUT_ERROR',
      type: 'storage_error',
    });
    expect(await client.ssoToken()).toBeNull();
  });

  it('keep two servers, and two clients of one realm, apart in one storage', async () => {
    const aic = await startDevServer({ style: 'aic' });
    try {
      const drive = disk();
      const { client: am, tokens: amTokens } = await signedIn(server, { storage: drive.open() });
      const { client: tenant, tokens: aicTokens } = await signedIn(aic, { storage: drive.open() });
      expect(drive.items.size).toBe(4);
      expect((await am.user())!.accessToken).toBe(amTokens.accessToken);
      expect((await tenant.user())!.accessToken).toBe(aicTokens.accessToken);
      expect((await am.ssoToken())!.value).not.toBe((await tenant.ssoToken())!.value);
      const stranger = tokenClient(server, {
        storage: drive.open(),
        oidc: { clientId: 'other-app' },
      });
      // Another client of the same realm shares the SSO session, never the tokens; this one is
      // unknown to the server, which is an error, not a reason to forget the session.
      await expect(stranger.user()).rejects.toMatchObject({
        type: 'auth_error',
        oauthError: 'invalid_client',
      });
      expect(drive.items.size).toBe(4);
      expect(server.isSessionValid((await am.ssoToken())!.value)).toBe(true);
    } finally {
      await aic.close();
    }
  });
});

describe('storage adapters with a real session', () => {
  const server = devServerFor();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journeykit-session-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the Node file store carries the session across a restart, with no request', async () => {
    const { tokens } = await signedIn(server, { storage: fileStorage(dir) });
    server.resetLog();
    const restarted = tokenClient(server, { storage: fileStorage(dir) });
    expect((await restarted.user())!.accessToken).toBe(tokens.accessToken);
    expect(server.requests).toHaveLength(0);
    expect(await restarted.logoutUser()).toBe(true);
    expect(await tokenClient(server, { storage: fileStorage(dir) }).ssoToken()).toBeNull();
  });

  it('expo-secure-store (a stand-in that enforces its key and size rules) carries the session across a restart', async () => {
    const items = new Map<string, string>();
    const secureStore = {
      getItemAsync: (key: string) => Promise.resolve(items.get(key) ?? null),
      setItemAsync: (key: string, value: string) => {
        if (!/^[\w.-]+$/.test(key) || Buffer.byteLength(value) > 2048)
          return Promise.reject(new Error('SecureStore refuses this'));
        items.set(key, value);
        return Promise.resolve();
      },
      deleteItemAsync: (key: string) => Promise.resolve(void items.delete(key)),
    };
    const { tokens } = await signedIn(server, { storage: secureStoreStorage(secureStore) });
    expect(items.size).toBeGreaterThanOrEqual(2);
    const restarted = tokenClient(server, { storage: secureStoreStorage(secureStore) });
    expect((await restarted.user())!.accessToken).toBe(tokens.accessToken);
    await restarted.logoutUser();
    expect(items.size).toBe(0);
  });
});
