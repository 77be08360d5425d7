import { describe, expect, it } from 'vitest';
import { JourneyError } from '../errors';
import { retryDelay, untilAborted, type HttpResponse } from './transport';

const answer = (status: number, headers: Record<string, string> = {}, serverDate?: number) =>
  ({
    status,
    url: '',
    type: 'basic',
    body: '',
    headers: { get: (name: string) => headers[name] ?? null },
    serverDate,
  }) as HttpResponse;
const networkError = new JourneyError('down', 'JOURNEY_USER_ERROR', 'network_error', {
  retryable: true,
});
const half = () => 0.5;

describe('retry policy', () => {
  it('retries safe requests after network errors, 5xx and 429, at most twice', () => {
    for (const outcome of [networkError, answer(500), answer(502), answer(429)])
      expect(retryDelay('safe', 0, outcome, half)).toBeGreaterThan(0);
    expect(retryDelay('safe', 1, answer(503), half)).toBeGreaterThan(0);
    expect(retryDelay('safe', 2, answer(503), half)).toBeUndefined();
  });

  it('repeats a grant only when the server said it did not process it (429, 503)', () => {
    expect(retryDelay('unprocessed', 0, answer(429), half)).toBeGreaterThan(0);
    expect(retryDelay('unprocessed', 0, answer(503), half)).toBeGreaterThan(0);
    for (const outcome of [networkError, answer(500), answer(502), answer(504), answer(400)])
      expect(retryDelay('unprocessed', 0, outcome, half)).toBeUndefined();
  });

  it('never retries answers that are final, aborts, or requests without a policy', () => {
    for (const status of [200, 302, 400, 401, 404])
      expect(retryDelay('safe', 0, answer(status), half)).toBeUndefined();
    const aborted = new JourneyError('stop', 'JOURNEY_USER_ERROR', 'abort_error');
    expect(retryDelay('safe', 0, aborted, half)).toBeUndefined();
    expect(retryDelay(undefined, 0, answer(503), half)).toBeUndefined();
  });

  it('backs off exponentially with jitter between half and all of the step', () => {
    expect(retryDelay('safe', 0, answer(503), () => 0)).toBe(125);
    expect(retryDelay('safe', 0, answer(503), () => 1)).toBe(250);
    expect(retryDelay('safe', 1, answer(503), () => 0)).toBe(250);
    expect(retryDelay('safe', 1, answer(503), () => 1)).toBe(500);
  });

  it('honours Retry-After in seconds or as a date against the reply’s own Date', () => {
    expect(retryDelay('safe', 0, answer(429, { 'retry-after': '2' }))).toBe(2000);
    const date = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    const at = answer(503, { 'retry-after': 'Wed, 21 Oct 2026 07:28:03 GMT' }, date);
    expect(retryDelay('unprocessed', 0, at)).toBe(3000);
  });

  it('leaves a Retry-After longer than 5 s to the app', () => {
    expect(retryDelay('safe', 0, answer(429, { 'retry-after': '6' }), half)).toBeUndefined();
  });
});

describe('untilAborted', () => {
  it('settles with the task when nothing aborts', async () => {
    expect(await untilAborted(Promise.resolve(7), new AbortController().signal, 'x')).toBe(7);
    await expect(untilAborted(Promise.reject(networkError), undefined, 'x')).rejects.toBe(
      networkError,
    );
  });

  it('rejects with an abort_error as soon as the signal aborts, or at once if it had', async () => {
    const controller = new AbortController();
    const pending = untilAborted(new Promise(() => {}), controller.signal, 'Waiting');
    controller.abort();
    await expect(pending).rejects.toMatchObject({
      type: 'abort_error',
      message: 'Waiting was aborted',
    });
    await expect(untilAborted(Promise.resolve(1), controller.signal, 'x')).rejects.toMatchObject({
      type: 'abort_error',
    });
  });
});
