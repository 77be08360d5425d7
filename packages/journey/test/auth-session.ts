// A stand-in for the system browser of an auth session (expo-web-browser's openAuthSessionAsync,
// react-native-inappbrowser's openAuth), which cannot run in Node: it follows redirects with its
// own cookies, signs in at the social provider's login form, and ends where the app's return URL
// begins, as the real one hands that URL back to the app.
import type { AuthSession } from '@journeykit/journey/social';

export interface StandInBrowser {
  /** The auth session function an app passes to the SDK. */
  session: AuthSession;
  /** Cookies it holds, by name. */
  cookies: Map<string, string>;
  /** URLs it opened or was redirected to, in order. */
  visited: string[];
}

/** A browser that signs in at any login form it meets as `login` (the provider takes any). */
export function standInBrowser(login = 'demo'): StandInBrowser {
  const cookies = new Map<string, string>();
  const visited: string[] = [];
  const request = async (url: string, init: RequestInit = {}) => {
    visited.push(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const session: AuthSession = async (start, returnUrl) => {
    let response = await request(start);
    for (let hops = 0; hops < 20; hops += 1) {
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, response.url || start).href;
        if (location.startsWith(returnUrl)) return { type: 'success', url: location };
        response = await request(next);
        continue;
      }
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (!action || !/name="login"/.test(page)) return { type: 'dismiss' };
      response = await request(new URL(action.replace(/&amp;/g, '&'), start).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      });
    }
    return { type: 'dismiss' };
  };
  return { session, cookies, visited };
}
