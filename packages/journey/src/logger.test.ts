import { describe, expect, it } from 'vitest';
import { createLog, logger } from './logger';

function capture() {
  const lines: string[] = [];
  const sink = (...args: unknown[]) => void lines.push(args.join(' '));
  const log = createLog(
    logger({ level: 'debug', custom: { debug: sink, info: sink, warn: sink, error: sink } }),
  );
  return { log, lines };
}

describe('the SDK log', () => {
  it('masks registered secrets of any length in messages and facts, also percent-encoded', () => {
    const { log, lines } = capture();
    log.secret('access+token/1234', 'pw3', undefined);
    log.warn('got access%2Btoken%2F1234', { token: 'access+token/1234', word: 'pw3' });
    expect(lines).toEqual([
      '[journeykit] got [redacted] {"token":"[redacted]","word":"[redacted]"}',
    ]);
  });

  it('masks what an error carries: message, oauthError, causes, an ErrorNode reply', () => {
    const log = createLog(logger());
    log.secret('tok-123');
    const cause = new Error('GET /x?t=tok-123 failed', { cause: new Error('tok-123 again') });
    const error = Object.assign(new Error('tok-123'), { oauthError: 'bad tok-123', cause });
    log.hide(error);
    expect([
      error.message,
      error.oauthError,
      cause.message,
      (cause.cause as Error).message,
    ]).toEqual(['[redacted]', 'bad [redacted]', 'GET /x?t=[redacted] failed', '[redacted] again']);
    const node = { message: '', input: { callbacks: [{ input: [{ value: 'tok-123' }] }], n: 1 } };
    expect(log.hide(node).input).toEqual({
      callbacks: [{ input: [{ value: '[redacted]' }] }],
      n: 1,
    });
  });

  it('remembers the latest secrets only, so a long-lived client does not grow', () => {
    const { log, lines } = capture();
    log.secret('oldest-secret-value');
    for (let i = 0; i < 1000; i++) log.secret(`secret-number-${i}`);
    log.secret('newest-secret-value');
    log.info('oldest-secret-value secret-number-999 newest-secret-value');
    expect(lines[0]).toBe('[journeykit] oldest-secret-value [redacted] [redacted]');
  });

  it('keeps a secret that is registered again among the latest', () => {
    const { log, lines } = capture();
    log.secret('session-token-value');
    for (let i = 0; i < 1000; i++) log.secret(`secret-number-${i}`, 'session-token-value');
    log.info('session-token-value');
    expect(lines[0]).toBe('[journeykit] [redacted]');
  });
});
