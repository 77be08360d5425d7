import { parseArgs } from 'node:util';

import type { DevServerOptions, DevServerStyle } from './options.js';

export const USAGE = `Usage: journeykit-dev-server [options]

  --port <n>            port to listen on (default 9443; 0 for any free port)
  --realm <name>        realm to serve: root, alpha, alpha/sub (default by style)
  --cookie <name>       SSO cookie name (default by style)
  --style am|aic        AM (root, iPlanetDirectoryPro) or AIC (alpha, random cookie); default am
  --cors-origin <url>   origin allowed to call with credentials; repeatable
  -h, --help            show this help`;

export type BinArgs = { help: true } | { help: false; options: DevServerOptions };

/** Reads the command line; throws a TypeError with a message for the user on bad input. */
export function parseBinArgs(argv: readonly string[]): BinArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '9443' },
      realm: { type: 'string' },
      cookie: { type: 'string' },
      style: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return { help: true };
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`--port must be a port number, got ${values.port}`);
  }
  return {
    help: false,
    options: {
      port,
      style: style(values.style),
      ...(values.realm === undefined ? {} : { realm: values.realm }),
      ...(values.cookie === undefined ? {} : { cookieName: values.cookie }),
      corsOrigins: values['cors-origin'] ?? [],
    },
  };
}

function style(value: string | undefined): DevServerStyle {
  if (value === undefined || value === 'am' || value === 'aic') return value ?? 'am';
  throw new TypeError(`--style must be am or aic, got ${value}`);
}
