import type { RequestRecord } from './hooks/request-log.js';
import type { OutboxMessage } from './hooks/outbox.js';

/**
 * Text from requests as the terminal may show it: control characters (C0, DEL, C1 — escape
 * sequences that move the cursor, clear the screen or retitle the window) become visible `\u001b`.
 */
export const printable = (text: string): string =>
  text.replace(
    // eslint-disable-next-line no-control-regex -- finding them is the point
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** A request as the dev server logs it: method, path (no query: it carries codes), status. */
export function requestLine(record: RequestRecord): string {
  const fault = record.fault === undefined ? '' : ` (fault: ${record.fault})`;
  return printable(`${record.method} ${record.path} ${record.status}${fault}`);
}

/** A one-time code or resume link the dev server "sends", as the terminal shows it. */
export function messageLine(message: OutboxMessage): string {
  return printable(`→ ${message.channel} to ${message.to}: ${message.text}`);
}
