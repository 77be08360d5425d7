import { fileURLToPath } from 'node:url';
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { build } from 'esbuild';
import { freePort } from '../../../test-support/free-port';

/**
 * A dev server whose own origin can serve test pages (its OAuth side allows it: CORS), and the
 * SDK as a browser script that defines `window.journeykit`.
 */
export async function serverForPages(): Promise<{ server: DevServer; script: string }> {
  const port = await freePort();
  const [server, bundle] = await Promise.all([
    startDevServer({ port, corsOrigins: [`http://127.0.0.1:${port}`] }),
    build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      globalName: 'journeykit',
      platform: 'browser',
      write: false,
    }),
  ]);
  return { server, script: bundle.outputFiles[0]!.text };
}
