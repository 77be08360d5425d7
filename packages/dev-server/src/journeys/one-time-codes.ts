import { randomBytes, randomInt } from 'node:crypto';

/**
 * One-time codes, kept on the server: the authId is signed, not encrypted, so a code in the journey
 * state would be readable by the client. The state holds only the code's id.
 */
export class OneTimeCodes {
  readonly #codes = new Map<string, string>();

  issue(): { id: string; code: string } {
    const id = randomBytes(12).toString('base64url');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.#codes.set(id, code);
    return { id, code };
  }

  /** True once, for the right code; a wrong guess leaves the code valid. */
  redeem(id: unknown, code: unknown): boolean {
    if (typeof id !== 'string' || typeof code !== 'string') return false;
    const ok = this.#codes.get(id) === code.trim();
    if (ok) this.#codes.delete(id);
    return ok;
  }
}
