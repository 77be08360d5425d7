import { parseArgs } from 'node:util';

export interface CliOptions {
  /** Target a real AM / AIC tenant instead of the embedded dev server. */
  server?: string;
  realm?: string;
  cookie?: string;
  journey: string;
  clientId?: string;
  redirectUri?: string;
  discovery?: string;
  scopes?: string[];
  username?: string;
  password?: string;
  /** `prompt-or-field-id=value`, for any other callback in a non-interactive run. */
  answers: Record<string, string>;
  /** Run the whole session page without asking anything, then exit. */
  yes: boolean;
  /** Allow plain http to a tenant that is not on this machine (development only). */
  allowInsecure: boolean;
  verbose: boolean;
  help: boolean;
}

export const usage = `journeykit — run a PingAM / AIC journey, then manage its session and tokens.

Usage:
  journeykit [login] [options]

With no --server, an embedded AM-compatible dev server is started (demo user: demo / Ch4ng3it!).

Options:
  --server <url>         AM base URL of a tenant, e.g. https://tenant.example.com/am
  --realm <realm>        realm (default: root; AIC: alpha)
  --cookie <name>        SSO cookie name (default: iPlanetDirectoryPro; AIC tenants have their own)
  --journey <name>       journey to run (default: Login)
  --client-id <id>       OAuth 2.0 public client (PKCE, implied consent)
  --redirect-uri <uri>   redirect URI registered for that client
  --discovery <url>      OIDC discovery URL (.well-known/openid-configuration)
  --scopes <list>        space- or comma-separated scopes (default: openid profile email)
  --username <name>      answer for the user name callback
  --password <secret>    answer for password callbacks
  --answer <key=value>   answer for another callback, by prompt or field id (repeatable)
  --yes                  non-interactive: run journey → tokens → userinfo → refresh → revoke → logout
  --allow-insecure       allow plain http to a non-loopback server (development only)
  --verbose              show the SDK's debug log (secrets are masked)
  -h, --help             this help
`;

export function parseCli(argv: string[]): CliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      realm: { type: 'string' },
      cookie: { type: 'string' },
      journey: { type: 'string' },
      'client-id': { type: 'string' },
      'redirect-uri': { type: 'string' },
      discovery: { type: 'string' },
      scopes: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      answer: { type: 'string', multiple: true },
      yes: { type: 'boolean', short: 'y', default: false },
      'allow-insecure': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0] ?? 'login';
  if (command !== 'login' || positionals.length > 1)
    throw new Error(`Unknown command: ${positionals.join(' ')}`);
  const answers: Record<string, string> = {};
  for (const entry of values.answer ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new Error(`--answer needs key=value, got "${entry}"`);
    answers[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  const options: CliOptions = {
    server: values.server,
    realm: values.realm,
    cookie: values.cookie,
    journey: values.journey ?? 'Login',
    clientId: values['client-id'],
    redirectUri: values['redirect-uri'],
    discovery: values.discovery,
    scopes: values.scopes?.split(/[\s,]+/).filter(Boolean),
    username: values.username,
    password: values.password,
    answers,
    yes: values.yes,
    allowInsecure: values['allow-insecure'],
    verbose: values.verbose,
    help: values.help,
  };
  const oauth = [options.clientId, options.redirectUri, options.discovery].filter(Boolean).length;
  if (options.server && oauth !== 0 && oauth !== 3)
    throw new Error('--client-id, --redirect-uri and --discovery go together');
  return options;
}
