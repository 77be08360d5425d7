import type { FetchLike } from '@journeykit/journey';

// Recording fetch exchanges in Node and replaying them under Hermes, which has no network. The
// replay answers only a request identical to a recorded one, so a run that sends anything
// else fails and is reported.

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface RecordedResponse {
  status: number;
  url: string;
  type: string;
  headers: [string, string][];
  body: string;
}

export interface Exchange {
  request: RecordedRequest;
  response: RecordedResponse;
}

function describeRequest(url: string, init: RequestInit = {}): RecordedRequest {
  const headers = (init.headers ?? {}) as Record<string, string>;
  const sorted: Record<string, string> = {};
  for (const name of Object.keys(headers).sort()) sorted[name] = headers[name]!;
  return {
    method: init.method ?? 'GET',
    url,
    headers: sorted,
    body: typeof init.body === 'string' ? init.body : null,
  };
}

function responseOf(recorded: RecordedResponse): Response {
  const values = (name: string) =>
    recorded.headers.filter(([k]) => k === name.toLowerCase()).map(([, v]) => v);
  const response = {
    status: recorded.status,
    ok: recorded.status >= 200 && recorded.status < 300,
    url: recorded.url,
    type: recorded.type,
    headers: {
      get: (name: string) => (values(name).length ? values(name).join(', ') : null),
      forEach: (each: (value: string, name: string) => void) =>
        recorded.headers.forEach(([k, v]) => each(v, k)),
    },
    text: () => Promise.resolve(recorded.body),
  };
  return response as unknown as Response;
}

/** Wraps a fetch and appends every exchange to `exchanges`. */
export function recordingFetch(fetch: FetchLike, exchanges: Exchange[]): FetchLike {
  return async (url, init) => {
    const request = describeRequest(url, init);
    const live = await fetch(url, init);
    const headers: [string, string][] = [];
    live.headers.forEach((value, name) => headers.push([name, value]));
    const response = {
      status: live.status,
      url: live.url,
      type: live.type,
      headers,
      body: await live.text(),
    };
    exchanges.push({ request, response });
    return responseOf(response);
  };
}

/** A fetch that answers from `exchanges`; what it could not answer and did not use stay readable. */
export function replayingFetch(exchanges: Exchange[]): {
  fetch: FetchLike;
  unmatched: RecordedRequest[];
  left: Exchange[];
} {
  const key = (r: RecordedRequest) => JSON.stringify(r);
  const left = exchanges.slice();
  const unmatched: RecordedRequest[] = [];
  const fetch: FetchLike = (url, init) => {
    const request = describeRequest(url, init);
    let index = -1;
    for (let i = 0; i < left.length && index < 0; i++)
      if (key(left[i]!.request) === key(request)) index = i;
    if (index < 0) {
      unmatched.push(request);
      return Promise.reject(new TypeError('Network request failed'));
    }
    return Promise.resolve(responseOf(left.splice(index, 1)[0]!.response));
  };
  return { fetch, unmatched, left };
}
