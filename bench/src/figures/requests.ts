import { startDevServer, type DevServer } from '@journeykit/dev-server';

import { journeykitClient, pingJourneyClient, pingSignIn, signIn } from '../lib/clients';
import { table, type Figure, withServer } from '../lib/runner';

/** The requests the server received while `work` ran: their number and routes, e.g. `2 (authenticate ×2)`. */
async function counted(server: DevServer, work: () => Promise<unknown>): Promise<string> {
  server.resetLog();
  await work();
  const routes = new Map<string, number>();
  for (const { route } of server.requests) routes.set(route, (routes.get(route) ?? 0) + 1);
  const names = [...routes].map(([route, n]) => (n > 1 ? `${route} ×${n}` : route));
  return `**${server.count()}**${names.length ? ` (${names.join(', ')})` : ''}`;
}

export const requests: Figure = {
  id: 'requests',
  title: 'Requests per operation',
  run: () =>
    withServer(startDevServer(), async (server) => {
      const config = server.clientConfig;
      const client = journeykitClient(config);
      const login = () => signIn(client).then(() => client.user());
      const rows = [
        ['login (one-step journey) → tokens, first time', await counted(server, login)],
        ['`user()` with valid tokens (goal 0)', await counted(server, () => client.user())],
        ['`refresh()`', await counted(server, () => client.refresh())],
        ['`revoke()`', await counted(server, () => client.revoke())],
        [
          '`user()` after `revoke()`: new tokens from the SSO session',
          await counted(server, () => client.user()),
        ],
        ['`logoutUser()`', await counted(server, () => client.logoutUser())],
        ['login → tokens again (discovery known)', await counted(server, login)],
      ];
      const ping = await counted(server, async () => pingSignIn(await pingJourneyClient(config)));
      return [
        "Counted by the dev server (its request log, by route), one client, in this order; the server runs in the bench's process. Deterministic, so one run.",
        table(['operation', 'journeykit requests (by route)'], rows),
        `For comparison, \`@forgerock/journey-client\` signs in (client creation, \`start\`, \`next\`; no tokens) with ${ping}. ` +
          "Its token side, `@forgerock/oidc-client`, authorizes through a hidden iframe, so it cannot run here (Node, no DOM); journeykit's tokens come from the SSO session in one redirect.",
      ];
    }),
};
