import { parseBinArgs, USAGE } from './bin-args.js';
import { PortInUseError, startDevServer, type DevServer } from './dev-server.js';
import type { RequestRecord } from './hooks/request-log.js';

/** `journeykit-dev-server`: runs the server until interrupted, logging each request without secrets. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseBinArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const server = await startDevServer({
    ...args.options,
    onRequest: logRequest,
    // The dev server's "mail": one-time codes and resume links go to the terminal.
    onMessage: (message) => console.log(`→ ${message.channel} to ${message.to}: ${message.text}`),
  });
  console.log(banner(server));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}

function banner(server: DevServer): string {
  const rows: [string, string][] = [
    ['AM base URL', server.url],
    ['Realm', server.realm],
    ['Discovery', server.discoveryEndpoint],
    ['SSO cookie', server.cookieName],
    ['Client id', server.clientId],
    ['Journeys', server.journeys.join(', ')],
    ['Redirect URIs', `${server.redirectUri}, ${server.loopbackRedirectUri}`],
    ['Sign-out URIs', `${server.signOutRedirectUri}, ${server.loopbackSignOutRedirectUri}`],
    ...server.users.map((user): [string, string] => [
      'User',
      `${user.username} / ${user.password}`,
    ]),
  ];
  const lines = rows.map(([label, value]) => `  ${label.padEnd(14)} ${value}`);
  return ['journeykit dev server', ...lines, '', 'Requests:'].join('\n');
}

/** Paths only: query strings carry codes and tokens. */
function logRequest(record: RequestRecord): void {
  const fault = record.fault === undefined ? '' : ` (fault: ${record.fault})`;
  console.log(`${record.method} ${record.path} ${record.status}${fault}`);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof PortInUseError
      ? `${error.message} Choose another with --port <n> (--port 0 takes any free one).`
      : error,
  );
  process.exitCode = 1;
});
