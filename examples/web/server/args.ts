import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run demo:web -- [options]

  --port <n>      the app's port (default 5173; 0 for any free port)
  --am-port <n>   the AM dev server's port (default: any free one, so \`npm run dev-server\`
                  can keep 9443)
  -h, --help      this help`;

/** What `npm run demo:web` was asked for. */
export interface DemoArgs {
  help: boolean;
  appPort: number;
  serverPort: number;
}

/** Reads the command line; throws with a message for the user on bad input. */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '5173' },
      'am-port': { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    help: values.help,
    appPort: port('--port', values.port),
    serverPort: port('--am-port', values['am-port']),
  };
}

function port(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new Error(`${flag} must be a port number, got ${value}`);
  return n;
}
