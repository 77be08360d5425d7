// A distant server, simulated on loopback: every connection the bench process opens goes through a
// TCP proxy that holds each chunk half a round trip in each direction, and holds a new connection
// one round trip before it carries anything (TCP's handshake; no TLS). Clients keep the server's
// URLs: undici's connector sends their sockets to the proxy, so Host headers, cookies and redirects
// are untouched and every client — journeykit, Ping's, plain fetch — is treated the same.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';

/** The proxy in front of one upstream port, and the counters a figure reports. */
export interface DelayProxy {
  /** Connections opened through the proxy since the last `reset()`. */
  readonly connections: number;
  reset(): void;
  close(): Promise<void>;
}

/** Forwards `from` to `to`, each chunk `delayMs` later, in order, and the end after the last chunk. */
function delayed(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk: Buffer) => setTimeout(() => to.write(chunk), delayMs));
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => to.destroy());
  from.on('close', () => setTimeout(() => to.destroy(), delayMs));
}

/**
 * Starts a proxy to `127.0.0.1:upstreamPort` that adds `rttMs` to every round trip, and routes the
 * process's fetch (Node's global undici dispatcher) through it until `close()`.
 */
export async function delayProxy(upstreamPort: number, rttMs: number): Promise<DelayProxy> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    connections++;
    client.pause(); // the request waits in the socket's buffer for the handshake's round trip
    setTimeout(() => {
      const upstream = connect(upstreamPort, '127.0.0.1', () => client.resume());
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      }
      delayed(client, upstream, rttMs / 2);
      delayed(upstream, client, rttMs / 2);
    }, rttMs);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;

  const previous: Dispatcher = getGlobalDispatcher();
  const agent = new Agent({
    connect: (_options, callback) => {
      const socket = connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      socket.once('connect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, null));
    },
  });
  setGlobalDispatcher(agent);
  return {
    get connections() {
      return connections;
    },
    reset: () => {
      connections = 0;
    },
    close: async () => {
      setGlobalDispatcher(previous);
      await agent.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
