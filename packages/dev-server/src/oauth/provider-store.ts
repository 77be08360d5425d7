import type { Adapter, AdapterPayload } from 'oidc-provider';

const done = Promise.resolve();

interface Entry {
  readonly payload: AdapterPayload;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/**
 * oidc-provider's storage (sessions, grants, codes, tokens), in memory and per server. Unlike the
 * bundled development adapter it has no size cap and can be searched (end session finds grants).
 */
export class ProviderStore {
  readonly #entries = new Map<string, Entry>();

  /** The adapter factory oidc-provider's `adapter` option takes: one adapter per model name. */
  readonly adapter = (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: (id, payload, expiresIn) => {
        const expiresAt = expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000;
        this.#entries.set(key(id), { payload, expiresAt });
        return done;
      },
      find: (id) => Promise.resolve(this.#live(key(id))),
      findByUid: (uid) => Promise.resolve(this.findAll(model, (p) => p.uid === uid)[0]),
      findByUserCode: (code) => Promise.resolve(this.findAll(model, (p) => p.userCode === code)[0]),
      consume: (id) => {
        const payload = this.#live(key(id));
        if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
        return done;
      },
      destroy: (id) => {
        this.#entries.delete(key(id));
        return done;
      },
      revokeByGrantId: (grantId) => {
        for (const [entryKey, { payload }] of this.#entries) {
          if (entryKey.startsWith(`${model}:`) && payload.grantId === grantId) {
            this.#entries.delete(entryKey);
          }
        }
        return done;
      },
    };
  };

  /** Live payloads of a model that match. */
  findAll(model: string, matches: (payload: AdapterPayload) => boolean): AdapterPayload[] {
    return [...this.#entries.keys()]
      .filter((entryKey) => entryKey.startsWith(`${model}:`))
      .map((entryKey) => this.#live(entryKey))
      .filter((payload): payload is AdapterPayload => payload !== undefined && matches(payload));
  }

  #live(entryKey: string): AdapterPayload | undefined {
    const entry = this.#entries.get(entryKey);
    if (entry === undefined || entry.expiresAt > Date.now()) return entry?.payload;
    this.#entries.delete(entryKey);
    return undefined;
  }
}
