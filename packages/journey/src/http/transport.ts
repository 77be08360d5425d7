import { JourneyError, type JourneyErrorCode } from '../errors';
import type { Log } from '../logger';

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
 * the caller's AbortSignal, and turns every transport failure into a retryable JourneyError.
 */
export function createTransport(options: { fetch: FetchLike; timeout: number; log: Log }): Send {
  const { fetch, timeout, log } = options;
  return async (request) => {
    const where = `${request.method ?? 'GET'} ${request.url.split('?')[0]}`;
    if (request.signal?.aborted) throw aborted(where);
    // Without AbortController (bare Hermes) the race below still settles the call on time.
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort = () => {};
    const interrupted = new Promise<never>((_, reject) => {
      const stop = (error: JourneyError) => {
        controller?.abort();
        reject(error);
      };
      timer = setTimeout(() => stop(timedOut(where, timeout)), timeout);
      onAbort = () => stop(aborted(where));
      request.signal?.addEventListener('abort', onAbort);
    });
    const exchange = (async () => {
      const response = await fetch(request.url, {
        method: request.method ?? 'GET',
        headers: request.headers,
        body: request.body,
        redirect: request.redirect ?? 'manual',
        credentials: request.credentials ?? 'include',
        signal: controller?.signal,
      });
      return { response, body: await response.text() };
    })();
    // Whichever loses the race must not surface as an unhandled rejection.
    exchange.catch(() => undefined);
    interrupted.catch(() => undefined);
    try {
      const { response, body } = await Promise.race([exchange, interrupted]);
      log.debug('HTTP', { request: where, status: response.status });
      const date = Date.parse(response.headers.get('date') ?? '');
      return {
        status: response.status,
        url: response.url,
        type: response.type,
        headers: response.headers,
        body,
        ...(Number.isFinite(date) ? { serverDate: date } : {}),
      };
    } catch (cause) {
      if (cause instanceof JourneyError) throw cause;
      log.debug('HTTP failed', { request: where });
      throw new JourneyError(
        'JOURNEY_USER_ERROR',
        'network_error',
        `${where} failed: ${describe(cause)}`,
        {
          retryable: true,
          cause,
        },
      );
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  };
}

function timedOut(where: string, timeout: number): JourneyError {
  return new JourneyError(
    'JOURNEY_USER_ERROR',
    'network_error',
    `${where} timed out after ${timeout} ms`,
    {
      retryable: true,
    },
  );
}

function aborted(where: string): JourneyError {
  return new JourneyError('JOURNEY_USER_ERROR', 'abort_error', `${where} was aborted`);
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}

/** The body as JSON, or undefined when it is not JSON. */
export function jsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An unexpected HTTP status as a JourneyError: 5xx and 429 are retryable, with `Retry-After`. */
export function statusError(
  code: JourneyErrorCode,
  what: string,
  response: HttpResponse,
): JourneyError {
  const { status } = response;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new JourneyError(code, 'exchange_error', `${what} failed with HTTP ${status}`, {
    status,
    retryable: status >= 500 || status === 429,
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfter } : {}),
  });
}
