// Query strings and origins without URL/URLSearchParams, which Hermes lacks and React Native
// only half implements.

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/** `a=1&b=x%20y`; undefined, null and '' values are left out. */
export function toQuery(params: QueryParams): string {
  return Object.keys(params)
    .filter((k) => (params[k] ?? '') !== '')
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(params[k]))}`)
    .join('&');
}

export function withQuery(url: string, params: QueryParams): string {
  const query = toQuery(params);
  if (!query) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** Parameters of the query and fragment of a URL; the first value of a name wins. */
export function queryParams(url: string): Record<string, string> {
  const [, query = '', fragment = ''] = /^[^?#]*(?:\?([^#]*))?(?:#(.*))?/.exec(url)!;
  return { ...parseQuery(fragment), ...parseQuery(query) };
}

/** Parameters of `a=1&b=x%20y`; the first value of a name wins. */
export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const [name = '', ...value] = pair.split('=');
    const key = decode(name);
    if (key && !(key in out)) out[key] = decode(value.join('=')) ?? '';
  }
  return out;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** `scheme://host[:port]` in lower case, or null when the text is not an absolute http(s) URL. */
export function originOf(url: string): string | null {
  // Backslashes end the host as in WHATWG URL parsing, so `https://a\b` is origin `https://a`.
  const m = /^(https?):\/\/(?:[^/\\?#@]*@)?([^/\\?#@:][^/\\?#@]*)(?=[/\\?#]|$)/i.exec(url);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase().replace(scheme === 'https' ? /:443$/ : /:80$/, '');
  return `${scheme}://${host}`;
}

/** Whether a request to this URL is protected: https, or plain http that stays on this device. */
export function isSecureUrl(url: string): boolean {
  return /^https:|^http:\/\/(localhost|127(\.\d+){3}|\[::1\])(:\d+)?$/.test(originOf(url) ?? '');
}

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
