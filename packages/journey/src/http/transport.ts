import { JourneyError, type JourneyErrorCode, userError } from '../errors';
import type { Log } from '../logger';
import { isSecureUrl, originOf } from './url';

/** The part of `fetch` the SDK uses; inject one to change the transport (tests, React Native). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  redirect?: 'manual' | 'follow';
  credentials?: 'include' | 'omit' | 'same-origin';
  signal?: AbortSignal;
  /**
   * Which failures are retried, with bounded, jittered backoff that honours `Retry-After`:
   * `safe` — repeating does no harm (GETs, revocation, logout): network errors, 5xx and 429;
   * `unprocessed` — must not be repeated once the server may have acted on it (code and refresh
   * grants): only 429 and 503, whose answer says it was not processed. Unset: never.
   */
  retry?: 'safe' | 'unprocessed';
  /**
   * The origin a request carrying the SSO token must not leave: an answer from anywhere else (a
   * fetch that followed a redirect whatever `redirect` said) is refused, never read.
   */
  stayOn?: string;
}

export interface HttpResponse {
  status: number;
  /** The final URL after redirects (browsers, React Native). */
  url: string;
  /** `opaqueredirect` when a browser stopped at a manual redirect it will not show. */
  type: string;
  headers: { get(name: string): string | null; getSetCookie?(): string[] };
  body: string;
  /** The server's clock (from `Date`), in ms, when it sent one. */
  serverDate?: number;
}

export type Send = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * The only place that calls fetch: adds the timeout (which covers reading the body too), ties in
 * the caller's AbortSignal, turns every transport failure into a retryable JourneyError, and
 * retries what the request's `retry` policy allows.
 */
export function createTransport({
  fetch,
  timeout,
  log,
  insecure,
  maxBytes = 1_000_000,
}: {
  fetch: FetchLike;
  timeout: number;
  log: Log;
  /** Plain http to other hosts than this device is allowed (`allowInsecureRequests`). */
  insecure?: boolean;
  /** The largest body read, decompressed (default 1 MB); a larger one is refused unread. */
  maxBytes?: number;
}): Send {
  /** One request, no retries. */
  const exchange = async (request: HttpRequest, where: string): Promise<HttpResponse> => {
    if (request.signal?.aborted) throw abortError(where);
    // Without AbortController (bare Hermes) the race below still settles the call on time.
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          userError('network_error', `${where} timed out after ${timeout} ms`, { retryable: true }),
        );
      }, timeout);
    });
    const answer = (async () => {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: request.redirect ?? 'manual',
        credentials: request.credentials ?? 'include',
        signal: controller?.signal,
      });
      const reached = originOf(response.url);
      if (request.stayOn && reached && reached !== request.stayOn)
        throw userError(
          'auth_error',
          `${where} was redirected to ${reached}; its answer is refused`,
        );
      return { response, body: await readBody(response, maxBytes, where) };
    })();
    answer.catch(() => undefined); // when it loses the race, its failure is no news
    try {
      const race = Promise.race([answer, timeUp]);
      const { response, body } = await untilAborted(race, request.signal, where);
      log.debug('HTTP', { request: where, status: response.status });
      const date = Date.parse(response.headers.get('date') ?? '');
      return {
        status: response.status,
        url: response.url,
        type: response.type,
        headers: response.headers,
        body,
        serverDate: Number.isFinite(date) ? date : undefined,
      };
    } catch (cause) {
      if (cause instanceof JourneyError) throw cause;
      log.debug('HTTP failed', { request: where });
      throw userError('network_error', `${where} failed: ${describe(cause)}`, {
        retryable: true,
        cause,
      });
    } finally {
      clearTimeout(timer);
      controller?.abort(); // stops a fetch that lost to the timeout or the caller's abort
    }
  };

  return async (request) => {
    const where = `${request.method ?? 'GET'} ${request.url.split('?')[0]}`;
    // Also where a discovery document names the endpoint: nothing goes out over plain http.
    if (!insecure && !isSecureUrl(request.url))
      throw userError('argument_error', `${where}: plain http refused`);
    for (let attempt = 0; ; attempt++) {
      const outcome = await exchange(request, where).catch((error: JourneyError) => error);
      const wait = retryDelay(request.retry, attempt, outcome);
      if (wait === undefined) {
        if (outcome instanceof JourneyError) throw outcome;
        return outcome;
      }
      log.debug('HTTP retry', { request: where, wait });
      await untilAborted(new Promise((r) => setTimeout(r, wait)), request.signal, where);
    }
  };
}

/** The body as text, read no further than `limit` bytes (a gzip bomb inflates as it is read). */
async function readBody(response: Response, limit: number, where: string): Promise<string> {
  const tooLarge = () =>
    userError('exchange_error', `${where}: the reply is larger than ${limit} bytes`);
  if (Number(response.headers.get('content-length')) > limit) throw tooLarge();
  const reader = typeof TextDecoder === 'function' && response.body?.getReader();
  // React Native has no body streams: the whole text, then its length.
  if (!reader) {
    const text = await response.text();
    if (text.length > limit) throw tooLarge();
    return text;
  }
  const decoder = new TextDecoder();
  let text = '';
  for (let size = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

export function abortError(what: string): JourneyError {
  return userError('abort_error', `${what} was aborted`);
}

/** The task's outcome, or an abort_error as soon as the signal aborts (the task itself goes on). */
export function untilAborted<T>(task: Promise<T>, signal: AbortSignal | undefined, what: string) {
  if (!signal) return task;
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(abortError(what));
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop);
    task.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

const MAX_RETRIES = 2;
/** Longest `Retry-After` waited for inside a call; a longer one is left to the app (`retryAfter`). */
const MAX_WAIT = 5000;

/**
 * Milliseconds to wait before another attempt, or undefined when this outcome is final: the
 * request's `retry` policy allows it, fewer than MAX_RETRIES were made, and the server asked for
 * no more than MAX_WAIT. Without `Retry-After`: exponential backoff with jitter.
 */
export function retryDelay(
  policy: HttpRequest['retry'],
  attempt: number,
  outcome: HttpResponse | JourneyError,
  random = Math.random,
): number | undefined {
  const failed = outcome instanceof JourneyError;
  if (!policy || attempt >= MAX_RETRIES || (failed && outcome.type !== 'network_error')) return;
  const status = failed ? undefined : outcome.status;
  const unprocessed = status === 429 || status === 503;
  if (!unprocessed && !(policy === 'safe' && (failed || status! >= 500))) return;
  const after = failed ? undefined : retryAfter(outcome);
  if (after !== undefined) return after * 1000 <= MAX_WAIT ? after * 1000 : undefined;
  return 250 * 2 ** attempt * (0.5 + random() / 2);
}

/** `Retry-After` in seconds: a number, or an HTTP date measured against the reply's own `Date`. */
function retryAfter(response: HttpResponse): number | undefined {
  const value = response.headers.get('retry-after')?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isFinite(at) && response.serverDate !== undefined
    ? Math.max(0, Math.ceil((at - response.serverDate) / 1000))
    : undefined;
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}

/** An unexpected HTTP status as a JourneyError: 5xx and 429 are retryable, with `Retry-After`. */
export function statusError(
  code: JourneyErrorCode,
  what: string,
  response: HttpResponse,
): JourneyError {
  const { status } = response;
  return new JourneyError(code, 'exchange_error', `${what} failed with HTTP ${status}`, {
    status,
    retryable: status >= 500 || status === 429,
    retryAfter: retryAfter(response),
  });
}
