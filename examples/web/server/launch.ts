import { fileURLToPath } from 'node:url';
import { startDevServer, type DevServer, type DevServerOptions } from '@journeykit/dev-server';
import { createServer, type Plugin } from 'vite';
import { SETTINGS_MODULE, type DemoSettings } from '../src/settings';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export interface WebDemoOptions {
  /** The app's port; 0 takes any free one. */
  appPort?: number;
  /** The AM dev server's port; 0 takes any free one. */
  serverPort?: number;
  /** Dev server options: style, realm, cookie name… */
  server?: Omit<DevServerOptions, 'port' | 'corsOrigins'>;
  /** Reload the page on source changes (off in tests). */
  watch?: boolean;
}

export interface WebDemo {
  /** The app, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  /** The AM dev server the app signs in to, with its test hooks. */
  server: DevServer;
  close(): Promise<void>;
}

/**
 * Serves the web app (Vite, in this process) and starts an AM dev server that allows exactly the
 * app's origin with credentials (CORS). The app lives on another origin than AM, as in production,
 * so the browser's CORS rules and the SDK's browser authorize strategy are really exercised.
 */
export async function startWebDemo(options: WebDemoOptions = {}): Promise<WebDemo> {
  let settings: DemoSettings | undefined;
  const app = await createServer({
    configFile: false,
    root: here('..'),
    logLevel: 'warn',
    clearScreen: false,
    plugins: [settingsModule(() => settings)],
    resolve: {
      // The SDK from its sources, as the tests use it: no build needed to run the demo.
      alias: [
        {
          find: /^@journeykit\/journey$/,
          replacement: here('../../../packages/journey/src/index.ts'),
        },
        {
          find: /^@journeykit\/journey\/(.*)$/,
          replacement: here('../../../packages/journey/src/$1/index.ts'),
        },
      ],
    },
    server: {
      host: '127.0.0.1',
      port: options.appPort ?? 0,
      strictPort: options.appPort !== undefined && options.appPort !== 0,
      hmr: options.watch !== false,
      watch: options.watch === false ? null : {},
    },
    // Pre-bundled at start, so the first page load does not discover them and reload.
    optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-dev-runtime'] },
  });
  let server: DevServer | undefined;
  try {
    await app.listen();
    const url = app.resolvedUrls?.local[0];
    if (!url) throw new Error('Vite did not report the URL it listens on');
    server = await startDevServer({
      // Emailed links (EmailLink) open the app, which resumes the journey from them.
      resumeUrl: url,
      ...options.server,
      port: options.serverPort ?? 0,
      corsOrigins: [new URL(url).origin],
    });
    // The browser follows the authorize redirect with fetch and reads the code from the final
    // URL; the loopback redirect URI is on the server's own origin and answers with CORS headers.
    const { modules, ...client } = server.clientConfig;
    settings = { ...client, oidc: { ...modules.oidc, redirectUri: server.loopbackRedirectUri } };
    const started = server;
    return {
      url,
      server: started,
      close: async () => {
        await Promise.all([app.close(), started.close()]);
      },
    };
  } catch (error) {
    await Promise.all([app.close(), server?.close()]);
    throw error;
  }
}

/** `virtual:journeykit-settings`: the running server's settings, read when the page loads. */
function settingsModule(current: () => DemoSettings | undefined): Plugin {
  const resolved = `\0${SETTINGS_MODULE}`;
  return {
    name: 'journeykit-settings',
    resolveId: (id) => (id === SETTINGS_MODULE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const settings = current();
      if (!settings) throw new Error('The AM dev server is not running yet');
      return `export default ${JSON.stringify(settings)};`;
    },
  };
}
