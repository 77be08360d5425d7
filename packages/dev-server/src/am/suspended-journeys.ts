import { randomBytes } from 'node:crypto';

import type { JourneyPosition } from './auth-id.js';

/**
 * Journeys waiting for their resume link (AM's suspended authentication). Each `suspendedId` is
 * single-use and expires after the given time (AM's default is 5 minutes).
 */
export class SuspendedJourneys {
  readonly #waiting = new Map<string, { position: JourneyPosition; expiresAt: number }>();
  readonly #ttlSeconds: number;

  constructor(ttlSeconds = 300) {
    this.#ttlSeconds = ttlSeconds;
  }

  suspend(position: JourneyPosition): string {
    const id = randomBytes(18).toString('base64url');
    this.#waiting.set(id, { position, expiresAt: Date.now() + this.#ttlSeconds * 1000 });
    return id;
  }

  /** The position to resume from, once; undefined when unknown, used or expired. */
  take(id: string): JourneyPosition | undefined {
    const waiting = this.#waiting.get(id);
    this.#waiting.delete(id);
    return waiting !== undefined && waiting.expiresAt > Date.now() ? waiting.position : undefined;
  }
}

/** `base` with `suspendedId` added to its query, as AM builds the resume URI of an emailed link. */
export function resumeLink(base: string, suspendedId: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}suspendedId=${encodeURIComponent(suspendedId)}`;
}
