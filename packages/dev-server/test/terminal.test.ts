import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../src/hooks/outbox';
import type { RequestRecord } from '../src/hooks/request-log';
import { messageLine, requestLine } from '../src/terminal';

// What the dev server prints comes partly from whoever sends it requests: a path or a user name
// may carry escape sequences that would clear the terminal or rewrite what it shows.
describe('what the dev server prints', () => {
  it('shows control characters in a request line as text, never sends them to the terminal', () => {
    const record = { method: 'GET', path: '/json/\u001b[2J\u001b]0;pwned\u0007', status: 404 };
    expect(requestLine(record as RequestRecord)).toBe(
      'GET /json/\\u001b[2J\\u001b]0;pwned\\u0007 404',
    );
  });

  it('escapes a message addressed to a name with escape sequences', () => {
    const message = { channel: 'email', to: 'demo\u001b[31m\u009b', text: 'code 123456' };
    expect(messageLine(message as OutboxMessage)).toBe(
      '→ email to demo\\u001b[31m\\u009b: code 123456',
    );
  });
});
