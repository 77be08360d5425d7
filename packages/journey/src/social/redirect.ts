import { JourneyError, type JourneyNode } from '@journeykit/journey';

import { missing, outputOf, rawCallback } from './callbacks';

/** Where a `RedirectCallback` sends the user: AM's outputs, typed. */
export interface ProviderRedirect {
  url: string;
  method: 'GET' | 'POST';
  /** The form fields of a POST redirect (AM's `redirectData`). */
  postBody: Record<string, string>;
  /** AM tracks the trip with a cookie of its own; the browser keeps it, nothing to do here. */
  trackingCookie: boolean;
}

/** The node's `RedirectCallback` as a redirect to follow, or null when it has none. */
export function providerRedirect(node: JourneyNode): ProviderRedirect | null {
  const cb = rawCallback(node, 'RedirectCallback');
  if (!cb) return null;
  const url = outputOf(cb, 'redirectUrl');
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url))
    throw new JourneyError(
      'The RedirectCallback has no usable redirectUrl', 'JOURNEY_NEXT_ERROR', 'parse_error',
    );
  const data = outputOf(cb, 'redirectData');
  const postBody: Record<string, string> = {};
  if (typeof data === 'object' && data !== null)
    for (const [name, value] of Object.entries(data)) postBody[name] = String(value);
  return {
    url,
    method: String(outputOf(cb, 'redirectMethod')).toUpperCase() === 'POST' ? 'POST' : 'GET',
    postBody,
    trackingCookie: outputOf(cb, 'trackingCookie') === true,
  };
}

/** The node's redirect; a JOURNEY_STATE_ERROR when it has none. */
export function redirectOf(node: JourneyNode): ProviderRedirect {
  const redirect = providerRedirect(node);
  if (!redirect) throw missing('RedirectCallback');
  return redirect;
}

/**
 * What `openAuthSessionAsync(url, redirectUrl)` of expo-web-browser and
 * `InAppBrowser.openAuth(url, redirectUrl)` of react-native-inappbrowser both are: open a system
 * browser session, resolve with the URL it returned to (`type: 'success'`), or how it ended.
 */
export type AuthSession = (
  url: string,
  returnUrl: string,
) => Promise<{ type: string; url?: string }>;

/**
 * Follows a redirect in an auth session the app passes in and resolves with the return URL, for
 * `client.resume(url)`. The user closing it rejects with an `auth_error`; a POST redirect, which an
 * auth session cannot make, with an `argument_error`. The saved step stays for another try.
 */
export async function redirectInAuthSession(
  node: JourneyNode,
  session: AuthSession,
  returnUrl: string,
): Promise<string> {
  const redirect = redirectOf(node);
  if (redirect.method === 'POST')
    throw new JourneyError(
      'An auth session cannot follow a POST redirect', 'JOURNEY_RESUME_ERROR', 'argument_error',
    );
  const result = await session(redirect.url, returnUrl);
  if (result.type !== 'success' || typeof result.url !== 'string')
    throw new JourneyError(
      `The sign-in with the provider ended: ${result.type}`, 'JOURNEY_RESUME_ERROR', 'auth_error',
    );
  return result.url;
}
