import { startDevServer } from '@journeykit/dev-server';
import type { JourneyConfig } from '@journeykit/journey';
import * as p from '@clack/prompts';
import type { CliOptions } from './args';

/** Where the CLI signs in: a real tenant from the flags, or the embedded dev server. */
export interface Target {
  config: JourneyConfig;
  /** Whether OAuth is configured, so the token methods can run. */
  oidc: boolean;
  /** Demo credentials, when the target has them. */
  demo?: { username: string; password: string };
  close(): Promise<void>;
}

export function tenantTarget(options: CliOptions & { server: string }): Target {
  const oidc = options.clientId && options.redirectUri && options.discovery;
  return {
    config: {
      serverUrl: options.server,
      realm: options.realm,
      cookie: options.cookie,
      modules: oidc
        ? {
            oidc: {
              clientId: options.clientId!,
              redirectUri: options.redirectUri!,
              discoveryEndpoint: options.discovery!,
              scopes: options.scopes,
            },
          }
        : undefined,
    },
    oidc: Boolean(oidc),
    close: () => Promise.resolve(),
  };
}

export async function devServerTarget(options: CliOptions): Promise<Target> {
  // The dev server's "mail" (one-time codes, resume links) shows up in the terminal.
  const server = await startDevServer({
    port: 0,
    onMessage: (m) => p.log.info(`The dev server sent ${m.to} (${m.channel}): ${m.text}`),
  });
  const [demo] = server.users;
  p.log.info(
    `Embedded dev server at ${server.url} (client ${server.clientId}; demo user ${demo?.username} / ${demo?.password})`,
  );
  const { modules, ...where } = server.clientConfig;
  return {
    config: { ...where, modules: { oidc: { ...modules.oidc, scopes: options.scopes } } },
    oidc: true,
    demo,
    close: () => server.close(),
  };
}
