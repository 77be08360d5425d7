import { createServer, type AddressInfo } from 'node:net';

/** A loopback port free right now: for a server whose URL must be known before it starts (CORS). */
export function freePort(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) =>
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    }),
  );
}
