import type { HttpResponse } from './transport';

/**
 * Cookies a server sets during one journey (load-balancer stickiness, AM's own), sent back on
 * the journey's later requests. Browsers and React Native keep cookies themselves and hide
 * `Set-Cookie`, so there the jar simply stays empty.
 */
export interface CookieJar {
  /** The `Cookie` header; '' when there is nothing to send. */
  header(): string;
  store(response: HttpResponse): void;
  clear(): void;
}

export function createCookieJar(ignore: string): CookieJar {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    store(response) {
      for (const line of response.headers.getSetCookie?.() ?? []) {
        const [pair = '', ...attributes] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        if (eq <= 0 || name === ignore) continue;
        const expired = attributes.some((a) => {
          const [k = '', v = ''] = a.split('=').map((x) => x.trim().toLowerCase());
          return (
            (k === 'max-age' && Number(v) <= 0) || (k === 'expires' && Date.parse(v) < Date.now())
          );
        });
        if (expired) cookies.delete(name);
        else cookies.set(name, pair.slice(eq + 1).trim());
      }
    },
    clear: () => cookies.clear(),
  };
}
