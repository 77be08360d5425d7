import { memoryStorage, type KeyValueStorage } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { devServerFor, signedIn, tokenClient } from './tokens-helpers';

/** Storage over memory whose calls the test can break: `fail` throws, `hang` never settles. */
function brittleStorage() {
  const inner = memoryStorage();
  const broken = { get: '', set: '', remove: '' } as Record<
    'get' | 'set' | 'remove',
    '' | 'fail' | 'hang'
  >;
  const act = <T>(how: string, run: () => T): T | Promise<never> => {
    if (how === 'hang') return new Promise<never>(() => undefined);
    if (how === 'fail') throw new Error('QuotaExceededError: the disk said no');
    return run();
  };
  const storage: KeyValueStorage = {
    getItem: (k) => act(broken.get, () => inner.getItem(k)),
    setItem: (k, v) => act(broken.set, () => inner.setItem(k, v)),
    removeItem: (k) => act(broken.remove, () => inner.removeItem(k)),
  };
  return { storage, broken, inner };
}

describe('a storage that fails', () => {
  const server = devServerFor();

  it('never answering a read: calls are bounded and the lock is free again once storage answers', async () => {
    const { storage, broken } = brittleStorage();
    const { client, tokens } = await signedIn(server, { storage, storageTimeout: 300 });
    broken.get = 'hang';
    expect(await client.ssoToken()).toBeNull();
    await client.user().catch(() => undefined);
    broken.get = '';
    const after = await client.user();
    expect(await server.isAccessTokenActive(after!.accessToken)).toBe(true);
    expect(await server.isAccessTokenActive(tokens.accessToken)).toBe(true);
  });

  it('never removing: logoutUser() ends the session on the server, then says storage failed; aborts work', async () => {
    const { storage, broken } = brittleStorage();
    const { client, tokens } = await signedIn(server, { storage, storageTimeout: 300 });
    const sso = (await client.ssoToken())!.value;
    broken.remove = 'hang';
    await expect(client.logoutUser()).rejects.toMatchObject({ type: 'storage_error' });
    expect(server.isSessionValid(sso)).toBe(false);
    await expect(client.logoutUser({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'JOURNEY_LOGOUT_ERROR',
    });
    expect(await server.isAccessTokenActive(tokens.accessToken)).toBe(false);
    expect(await client.user()).toBeNull();
    await signIn(client); // the lock is not wedged: a new sign-in saves and mints
    broken.remove = '';
    expect(await client.user()).not.toBeNull();
  });

  it('refusing to remove: revoke() says so, and the revoked tokens are never handed out again', async () => {
    const { storage, broken } = brittleStorage();
    const { client, tokens } = await signedIn(server, { storage });
    broken.remove = 'fail';
    await expect(client.revoke()).rejects.toMatchObject({ type: 'storage_error' });
    expect(await server.isAccessTokenActive(tokens.accessToken)).toBe(false);
    const after = await client.user();
    expect(after?.accessToken).not.toBe(tokens.accessToken);
    expect(await server.isAccessTokenActive(after!.accessToken)).toBe(true);
  });

  it('refusing to remove: logoutUser() says so, and the session and tokens are gone for this client', async () => {
    const { storage, broken } = brittleStorage();
    const { client, tokens } = await signedIn(server, { storage });
    const sso = (await client.ssoToken())!.value;
    broken.remove = 'fail';
    await expect(client.logoutUser()).rejects.toMatchObject({
      code: 'JOURNEY_LOGOUT_ERROR',
      type: 'storage_error',
    });
    expect(server.isSessionValid(sso)).toBe(false);
    expect(await server.isAccessTokenActive(tokens.accessToken)).toBe(false);
    expect(await client.ssoToken()).toBeNull();
    server.resetLog();
    expect(await client.user()).toBeNull();
    expect(server.grants).toEqual({ authorization_code: 0, refresh_token: 0 });
  });

  it('refusing to save (quota): one grant, not one per user()', async () => {
    const { storage, broken } = brittleStorage();
    const client = tokenClient(server, { storage });
    await signIn(client);
    broken.set = 'fail';
    server.resetLog();
    const first = await client.user().catch((e: unknown) => e);
    expect(first).toMatchObject({ type: 'storage_error' });
    const again = [await client.user(), await client.user(), await client.user()];
    expect(new Set(again.map((t) => t?.accessToken)).size).toBe(1);
    expect(await server.isAccessTokenActive(again[0]!.accessToken)).toBe(true);
    expect(server.grants.authorization_code).toBe(1);
  });
});
