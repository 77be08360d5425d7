import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

import type { DevClientConfig } from '@journeykit/dev-server';
import { ROOT } from './runner';

/** The dev server's bin running in a child process, as `npm run dev-server` runs it. */
export interface ServerProcess {
  clientConfig: DevClientConfig;
  close(): Promise<void>;
}

/**
 * Starts `journeykit-dev-server --port 0` from its TypeScript source (no build needed) and reads
 * the client configuration from its banner. Its request log is read and dropped.
 */
export async function serverProcess(): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/dev-server/src/bin.ts', '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const banner = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    let ready = false; // then the request log: read (so the pipe never fills) and dropped
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (ready) return;
      const row = /^ {2}(\S.*?) {2,}(\S.*)$/.exec(line);
      if (row) banner.set(row[1]!, row[2]!);
      if (line !== 'Requests:') return;
      ready = true;
      resolve();
    });
    void exited.then(() =>
      reject(new Error(`the dev server exited before it was ready\n${errors}`)),
    );
  });
  const field = (label: string) => {
    const value = banner.get(label);
    if (value === undefined) throw new Error(`The dev server's banner has no "${label}"`);
    return value;
  };
  return {
    clientConfig: {
      serverUrl: field('AM base URL'),
      realm: field('Realm'),
      cookie: field('SSO cookie'),
      modules: {
        oidc: {
          clientId: field('Client id'),
          redirectUri: field('Redirect URIs').split(', ')[0]!,
          discoveryEndpoint: field('Discovery'),
        },
      },
    },
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
