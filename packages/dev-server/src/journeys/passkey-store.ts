import type { UserStore } from '../am/users.js';

/** A passkey registered by a user, as the WebAuthn registration node saved it. */
export interface StoredPasskey {
  readonly username: string;
  /** base64url credential id. */
  readonly id: string;
  readonly publicKey: Uint8Array;
  counter: number;
  /** The name the client gave it, if any. */
  readonly deviceName?: string;
  /** Authentications verified with it. */
  verifiedSignIns: number;
}

/** A device key bound to a user by the device binding node. */
export interface BoundDevice {
  readonly username: string;
  readonly deviceId: string;
  readonly deviceName: string;
  /** The `kid` the device signs with. */
  readonly kid: string;
  readonly publicKey: JsonWebKey;
  /** Signatures verified with it (device signing). */
  verifiedSignatures: number;
}

/** Keys users hold, per server (kept beside the server's user store, like AM's user profile). */
export interface UserKeys {
  readonly passkeys: StoredPasskey[];
  readonly devices: BoundDevice[];
}

const byServer = new WeakMap<UserStore, UserKeys>();

/** The keys of one server's users. */
export function userKeys(users: UserStore): UserKeys {
  let keys = byServer.get(users);
  if (keys === undefined) byServer.set(users, (keys = { passkeys: [], devices: [] }));
  return keys;
}
