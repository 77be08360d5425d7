// The load generator of the throughput figure, in its own process: `concurrency` virtual users,
// each signing in over and over (journey, then authorize + code exchange) for the given time.
import { createHash, randomBytes } from 'node:crypto';

import type { DevClientConfig } from '@journeykit/dev-server';
import { fetchSignIn } from '../lib/clients';
import { childMain } from '../lib/runner';

export interface LoadInput {
  config: DevClientConfig;
  concurrency: number;
  warmUpMs: number;
  durationMs: number;
}

export interface LoadResult {
  /** Sign-ins completed in each second of the measured window. */
  perSecond: number[];
  /** Milliseconds of each sign-in that started in the window. */
  latencies: number[];
  failures: number;
  /** CPU time of this process over the window, as a share of one core. */
  cpuShare: number;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** The SSO token to tokens, as a public PKCE client: one-hop authorize, then the code exchange. */
async function tokens(config: DevClientConfig, endpoints: Endpoints, ssoToken: string) {
  const { clientId, redirectUri } = config.modules.oidc;
  const verifier = base64url(randomBytes(32));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid profile',
    state: base64url(randomBytes(16)),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  });
  const authorize = await fetch(`${endpoints.authorization_endpoint}?${query}`, {
    headers: { [config.cookie]: ssoToken },
    redirect: 'manual',
  });
  const code = new URL(authorize.headers.get('location') ?? 'x:/').searchParams.get('code');
  if (!code) throw new Error(`authorize answered ${authorize.status} without a code`);
  const response = await fetch(endpoints.token_endpoint, {
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
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`the token endpoint answered ${response.status}`);
}

interface Endpoints {
  authorization_endpoint: string;
  token_endpoint: string;
}

childMain(async ({ config, concurrency, warmUpMs, durationMs }: LoadInput): Promise<LoadResult> => {
  const discovery = await fetch(config.modules.oidc.discoveryEndpoint);
  const endpoints = (await discovery.json()) as Endpoints;
  const from = performance.now() + warmUpMs;
  const to = from + durationMs;
  const perSecond = Array.from({ length: Math.ceil(durationMs / 1000) }, () => 0);
  const latencies: number[] = [];
  let failures = 0;
  let cpu: NodeJS.CpuUsage | undefined;
  const virtualUser = async () => {
    for (let start = performance.now(); start < to; start = performance.now()) {
      if (start >= from) cpu ??= process.cpuUsage();
      try {
        await tokens(config, endpoints, await fetchSignIn(config));
      } catch {
        failures++;
        continue;
      }
      const end = performance.now();
      if (start >= from) latencies.push(end - start);
      if (end >= from && end < to) perSecond[Math.floor((end - from) / 1000)]!++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, virtualUser));
  const used = process.cpuUsage(cpu);
  return {
    perSecond,
    latencies,
    failures,
    cpuShare: (used.user + used.system) / 1000 / durationMs,
  };
});
