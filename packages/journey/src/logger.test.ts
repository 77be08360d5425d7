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
  it('masks registered secrets in messages and facts', () => {
    const { log, lines } = capture();
    log.secret('access-token-1234', 'short', undefined);
    log.warn('got access-token-1234', { token: 'access-token-1234', word: 'short' });
    expect(lines).toEqual(['[journeykit] got [redacted] {"token":"[redacted]","word":"short"}']);
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
