import { localeAndZone, megabytes } from './locale';
import type { DeviceSource } from './profile';

/** What this source uses of Node's `os` module (passed in, so the entry stays runtime-neutral). */
export interface OsLike {
  hostname(): string;
  platform(): string;
  release(): string;
  arch(): string;
  type(): string;
  totalmem(): number;
  cpus(): unknown[];
}

/**
 * What a Node process knows about its machine: `nodeDeviceSource(await import('node:os'))`.
 * It has no position, so no location is ever sent.
 */
export function nodeDeviceSource(os: OsLike): DeviceSource {
  return {
    metadata: () => ({
      platform: {
        platform: os.platform(),
        version: os.release(),
        device: os.arch(),
        deviceName: `${os.hostname()} (Node.js)`,
        model: os.type(),
        ...localeAndZone(),
      },
      hardware: { memory: megabytes(os.totalmem()), cpu: os.cpus().length },
    }),
  };
}
