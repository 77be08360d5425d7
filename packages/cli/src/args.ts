import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';

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
  /** From --password; --password-stdin and JOURNEYKIT_PASSWORD are read by `readPassword`. */
  password?: string;
  /** Read the password from standard input (a scripted run). */
  passwordStdin: boolean;
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
  --password-stdin       read the password from standard input (with --yes)
                         (or set JOURNEYKIT_PASSWORD; at a terminal, it is asked for, hidden)
  --password <secret>    answer for password callbacks; visible to other users of this machine
  --answer <key=value>   answer for another callback, by prompt or field id (repeatable)
  --yes                  non-interactive: run journey → tokens → userinfo → refresh → revoke → logout
  --allow-insecure       allow plain http to a non-loopback server (development only)
  --verbose              show the SDK's debug log (secrets are masked)
  -h, --help             this help
`;

const flags = {
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
  'password-stdin': { type: 'boolean', default: false },
  answer: { type: 'string', multiple: true },
  yes: { type: 'boolean', short: 'y', default: false },
  'allow-insecure': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

/** Parses the command line; a misspelt option is named with the option it most likely meant. */
export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: flags });
  } catch (error) {
    throw new Error(withSuggestion(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
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
    passwordStdin: values['password-stdin'],
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

/** "Unknown option '--pasword'" → "… Did you mean --password?" when one is close enough. */
function withSuggestion(error: Error & { code?: string }): string {
  const unknown = /^Unknown option '(--?[^']+)'/.exec(error.message)?.[1];
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !unknown) return error.message;
  const name = unknown.replace(/^--?/, '').split('=')[0]!;
  const known = Object.keys(flags);
  const best = closest(name, known);
  // At most a third of the name wrong: "--pasword" → --password, "--nonsense" → nothing.
  const near = distance(name, best) <= Math.max(1, Math.floor(name.length / 3));
  return near ? `Unknown option ${unknown}. Did you mean --${best}?` : `Unknown option ${unknown}.`;
}

/** The SDK's option names and the flags that set them, for messages the CLI passes on. */
const flagOf: Record<string, string> = {
  serverUrl: '--server',
  realm: '--realm',
  cookie: '--cookie',
  clientId: '--client-id',
  redirectUri: '--redirect-uri',
  discoveryEndpoint: '--discovery',
  scopes: '--scopes',
  allowInsecureRequests: '--allow-insecure',
};
const sdkOption = new RegExp(`\\b(?:modules\\.oidc\\.)?(${Object.keys(flagOf).join('|')})\\b`, 'g');

/** An SDK error message in the CLI's words: its option names become the flags that set them. */
export const inFlags = (message: string): string =>
  message
    .replace(/^\[@journeykit\/journey\] /, '')
    .replace(sdkOption, (_, name: string) => flagOf[name]!);
