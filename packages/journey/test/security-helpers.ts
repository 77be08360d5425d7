import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger, type LoggerInstance } from '@journeykit/journey';

/** A request as it left the SDK, and the answer it got (when it got one). */
export interface Exchange {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  status?: number;
  location?: string | null;
  reply?: string;
}

/**
 * The real fetch, with every exchange written down. `unreachable` paths fail the way node-fetch
 * fails: with the whole URL, query included, in the error's message.
 */
export function recordingFetch() {
  const exchanges: Exchange[] = [];
  let unreachable: RegExp | undefined;
  return {
    exchanges,
    unreachable: (paths?: RegExp) => void (unreachable = paths),
    fetch: async (url: string, init: RequestInit = {}) => {
      const exchange: Exchange = {
        url,
        method: init.method ?? 'GET',
        headers: { ...(init.headers as Record<string, string>) },
        body: typeof init.body === 'string' ? init.body : '',
      };
      exchanges.push(exchange);
      if (unreachable?.test(url.split('?')[0]!))
        throw new TypeError(`request to ${url} failed, reason: connect ECONNREFUSED`);
      const response = await fetch(url, init);
      exchange.status = response.status;
      exchange.location = response.headers.get('location');
      exchange.reply = await response.clone().text();
      return response;
    },
  };
}

/**
 * Every secret that crossed the wire: the SSO token, codes, PKCE verifiers, access, refresh and ID
 * tokens, and the passwords submitted.
 */
export function secretsOf(exchanges: Exchange[]): Set<string> {
  const found = new Set<string>();
  const add = (v: unknown) => typeof v === 'string' && v && found.add(v);
  for (const x of exchanges) {
    const reply = parse(x.reply);
    for (const key of ['tokenId', 'access_token', 'refresh_token', 'id_token']) add(reply?.[key]);
    const sent = new URLSearchParams(x.body.startsWith('{') ? '' : x.body);
    for (const key of ['code', 'code_verifier', 'refresh_token', 'token']) add(sent.get(key));
    if (x.location) add(new URL(x.location).searchParams.get('code'));
    const step = parse(x.body) as { callbacks?: { type: string; input?: { value: unknown }[] }[] };
    for (const cb of step?.callbacks ?? [])
      if (cb.type === 'PasswordCallback') cb.input?.forEach((i) => add(i.value));
  }
  return found;
}

function parse(text: string | undefined): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text ?? '') as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A logger at debug level that keeps every line, whatever the level. */
export function capturingLogger(): { logger: LoggerInstance; lines: string[] } {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  return {
    lines,
    logger: logger({
      level: 'debug',
      custom: { debug: capture, info: capture, warn: capture, error: capture },
    }),
  };
}

/** An HTTP server on another origin that writes down every request it gets: where a leak would land. */
export async function bystander() {
  const heard: { url: string; headers: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    heard.push({ url: req.url ?? '', headers: req.headers });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    heard,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
