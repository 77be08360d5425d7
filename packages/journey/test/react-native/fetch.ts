import type { FetchLike } from '@journeykit/journey';
import { createCookieJar, type CookieJar } from '../../src/http/cookies';

/** What the React Native networking layer was asked to load, redirects included. */
export interface NativeLoad {
  method: string;
  url: string;
}

/** The native layer's cookies by host: one app's HTTP stack, shared by every client in it. */
export type NativeCookies = Map<string, CookieJar>;

/**
 * fetch with React Native's semantics, over Node's fetch (React Native itself cannot run here):
 * - redirects are always followed and `redirect: 'manual'` is ignored, as RN's whatwg-fetch over
 *   the native networking module does;
 * - a redirect to a non-http(s) URI (an app's custom-scheme redirect URI) fails the request with
 *   `TypeError: Network request failed`, as RN does when the native layer cannot load it;
 * - the native layer keeps cookies per host and sends them unless `credentials: 'omit'`;
 * - the response has `url` (the final URL) and `type: 'default'`, and its headers have `get`
 *   and `forEach` but no `getSetCookie()`.
 */
export function reactNativeFetch(
  loads: NativeLoad[] = [],
  jars: NativeCookies = new Map(),
): FetchLike {
  return async (input, init = {}) => {
    let url = input;
    let method = init.method ?? 'GET';
    let body = init.body;
    const headers = new Headers(init.headers);
    for (let hop = 0; hop < 20; hop++) {
      const target = new URL(url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        throw new TypeError('Network request failed');
      loads.push({ method, url });
      const jar = jars.get(target.host) ?? createCookieJar('');
      jars.set(target.host, jar);
      const cookies = jar.header();
      if (init.credentials !== 'omit' && cookies) headers.set('cookie', cookies);
      const response = await fetch(url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: init.signal,
      });
      jar.store({
        status: response.status,
        url,
        type: response.type,
        headers: response.headers,
        body: '',
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        return asReactNative(response, url);
      await response.arrayBuffer();
      url = new URL(location, url).href;
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
        headers.delete('content-type');
      }
    }
    throw new TypeError('Network request failed');
  };
}

function asReactNative(response: Response, url: string): Response {
  const view = {
    status: response.status,
    ok: response.ok,
    url,
    type: 'default',
    headers: {
      get: (name: string) => response.headers.get(name),
      forEach: (each: (value: string, name: string) => void) => response.headers.forEach(each),
    },
    text: () => response.text(),
    json: () => response.json(),
  };
  return view as unknown as Response;
}
