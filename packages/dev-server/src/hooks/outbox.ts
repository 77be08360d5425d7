/**
 * What the server "sends" to users (one-time codes, resume links): kept for tests to read and
 * handed to `onMessage` (the bin prints them), as a mail catcher would.
 */
export interface OutboxMessage {
  /** The journey that sent it. */
  readonly journey: string;
  readonly username: string;
  readonly channel: 'email' | 'sms';
  /** Where it went: the user's email address, or a made-up phone number. */
  readonly to: string;
  readonly text: string;
  /** The one-time code, when the message carries one. */
  readonly code?: string;
  /** The resume link of a suspended journey, when the message carries one. */
  readonly link?: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export class Outbox {
  readonly #messages: OutboxMessage[] = [];
  readonly #onMessage: ((message: OutboxMessage) => void) | undefined;

  constructor(onMessage?: (message: OutboxMessage) => void) {
    this.#onMessage = onMessage;
  }

  get messages(): readonly OutboxMessage[] {
    return [...this.#messages];
  }

  send(message: Omit<OutboxMessage, 'at'>): void {
    const sent = { ...message, at: Date.now() };
    this.#messages.push(sent);
    this.#onMessage?.(sent);
  }

  reset(): void {
    this.#messages.length = 0;
  }
}
