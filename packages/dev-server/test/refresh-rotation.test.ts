import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDevServer, type DevServer } from '../src/index.js';
import { login, mintTokens, refresh, type Tokens } from './helpers.js';

describe('rotateRefreshTokens: false (AM without "Issue Refresh Tokens on Refreshing Access Tokens")', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ rotateRefreshTokens: false });
  });
  afterAll(() => server.close());

  it('keeps the refresh token valid and leaves it out of refresh replies', async () => {
    const first = await mintTokens(server, await login(server));
    expect(first.refresh_token).toEqual(expect.any(String));
    for (let i = 0; i < 2; i++) {
      const response = await refresh(server, first.refresh_token);
      expect(response.status).toBe(200);
      const renewed = (await response.json()) as Partial<Tokens>;
      expect(renewed.access_token).not.toBe(first.access_token);
      expect(renewed).not.toHaveProperty('refresh_token');
      expect(renewed.id_token).toEqual(expect.any(String));
    }
    expect(await server.isRefreshTokenActive(first.refresh_token)).toBe(true);
    expect(server.grants.refresh_token).toBe(2);
    expect(server.reuseDetections).toBe(0);
  });

  it('rotates by default', async () => {
    const rotating = await startDevServer();
    try {
      const first = await mintTokens(rotating, await login(rotating));
      const renewed = (await (await refresh(rotating, first.refresh_token)).json()) as Tokens;
      expect(renewed.refresh_token).not.toBe(first.refresh_token);
      expect(await rotating.isRefreshTokenActive(first.refresh_token)).toBe(false);
    } finally {
      await rotating.close();
    }
  });
});
