// The native half of React Native's networking (the `Networking` module that RCTNetworking calls),
// emulated in Node so that the app's requests take React Native's own JavaScript path: whatwg-fetch
// over React Native's XMLHttpRequest over this module. What it does, as iOS's NSURLSession does:
// - follows every redirect (301/302/303 turn a POST into a GET) and reports the final URL;
// - fails a request to a URL that is not http(s) (an app's custom-scheme redirect URI);
// - keeps cookies per host in one jar for the whole app, and sends and stores them only when
//   `withCredentials` is set (fetch's `credentials: 'include'`, the default);
// - answers through RCTDeviceEventEmitter with the events XMLHttpRequest listens to.
// Not emulated: the Blob path (bodies travel as text or base64), upload progress, incremental
// updates, timeouts, TLS and the platform's proxy and cache.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CookieJar } from 'tough-cookie';

type Emit = (event: string, args: unknown[]) => void;

interface Query {
  method: string;
  url: string;
  data: { string?: string };
  headers: Record<string, string>;
  responseType: 'text' | 'base64' | 'blob';
  withCredentials: boolean;
}

/** One URL the native layer loaded, redirects included. */
export interface NativeLoad {
  method: string;
  url: string;
}

/** The module, over Node's HTTP client; `loads` records every URL it loaded. */
export function emulatedNetworking(emit: Emit) {
  const jar = new CookieJar();
  const loads: NativeLoad[] = [];
  let lastId = 0;

  async function load(id: number, query: Query): Promise<void> {
    let { method, url } = query;
    let body = query.data.string;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(query.headers)) headers[name.toLowerCase()] = value;
    for (let hop = 0; hop < 20; hop++) {
      const { protocol } = new URL(url);
      if (protocol !== 'http:' && protocol !== 'https:') throw new Error('unsupported URL');
      loads.push({ method, url });
      const cookies = query.withCredentials ? await jar.getCookieString(url) : '';
      if (cookies) headers.cookie = cookies;
      else delete headers.cookie;
      const { response, bytes } = await send(url, method, headers, body);
      const status = response.statusCode ?? 0;
      if (query.withCredentials)
        for (const cookie of response.headers['set-cookie'] ?? []) await jar.setCookie(cookie, url);
      const { location } = response.headers;
      if (status >= 300 && status < 400 && location) {
        url = new URL(location, url).href;
        if (status === 303 || (status <= 302 && method === 'POST')) {
          method = 'GET';
          body = undefined;
          delete headers['content-type'];
        }
        continue;
      }
      emit('didReceiveNetworkResponse', [id, status, headersOf(response), url]);
      const text =
        query.responseType === 'text' ? bytes.toString('utf8') : bytes.toString('base64');
      emit('didReceiveNetworkData', [id, text]);
      emit('didCompleteNetworkResponse', [id, '', false]);
      return;
    }
    throw new Error('too many HTTP redirects');
  }

  const module = {
    sendRequest(query: Query, callback: (id: number) => void) {
      const id = ++lastId;
      callback(id);
      load(id, query).catch((error: Error) =>
        emit('didCompleteNetworkResponse', [id, error.message, false]),
      );
    },
    abortRequest: () => undefined,
    clearCookies: (callback: (done: boolean) => void) =>
      void jar.removeAllCookies().then(() => callback(true)),
    addListener: () => undefined,
    removeListeners: () => undefined,
  };
  return { module, jar, loads };
}

/** One HTTP exchange, no redirects followed: the response and its whole body. */
function send(url: string, method: string, headers: Record<string, string>, body?: string) {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise<{ response: IncomingMessage; bytes: Buffer }>((resolve, reject) => {
    const outgoing = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ response, bytes: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The response headers as the native layer hands them over: one string each. */
function headersOf(response: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers))
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}
