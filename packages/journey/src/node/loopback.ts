import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { AuthSession } from '../social/redirect';

/** A loopback redirect (RFC 8252 §7.3) for a CLI: the redirect URI, and the auth session on it. */
export interface LoopbackBrowser {
  /** `http://127.0.0.1:<port><path>`: register `http://127.0.0.1<path>` (any port) for the client. */
  redirectUri: string;
  /** Shows the URL (`open`), then resolves with the first request to the redirect URI. */
  session: AuthSession;
  /** Stops listening. */
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 on a free port for the browser's return from a login. `open` shows the user
 * the login URL (print it, or start a browser with it). The return answers with `page`, then the
 * session resolves with the URL it came to; a request to another path gets a 404.
 */
export async function loopbackBrowser(options: {
  open: (url: string) => void | Promise<void>;
  path?: string;
  page?: string;
}): Promise<LoopbackBrowser> {
  const path = options.path ?? '/callback';
  let arrived: ((url: string) => void) | undefined;
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.split('?')[0] !== path || !arrived) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(options.page ?? 'Signed in. You can close this page and return to the terminal.');
    arrived(`${redirectUri.split('?')[0]!.slice(0, -path.length)}${url}`);
    arrived = undefined;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return {
    redirectUri,
    session: async (url) => {
      const back = new Promise<string>((resolve) => {
        arrived = resolve;
      });
      await options.open(url);
      return { type: 'success', url: await back };
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
