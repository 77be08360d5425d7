import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** The repository's dev server in a child process, and what it logged. */
export interface DevServerProcess {
  /** AM's base URL, e.g. http://127.0.0.1:41234/am. */
  url: string;
  /** Its request log: `METHOD /path status`, paths without query strings. */
  requests: string[];
  /** Asks the server directly, as AM answers any client: is this SSO session live? */
  sessionIsLive(token: string): Promise<boolean>;
  stop(): Promise<void>;
}

/** Starts the dev server on a free loopback port (from its sources, with the repository's tsx). */
export function startDevServer(): Promise<DevServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/dev-server/src/bin.ts', '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const requests: string[] = [];
  let output = '';
  const stop = () =>
    new Promise<void>((done) => {
      child.removeAllListeners('exit');
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The dev server exited (${code}): ${output}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const lines = output.split('\n');
      output = lines.pop()!;
      for (const line of lines) {
        const base = /AM base URL\s+(\S+)/.exec(line);
        if (base) {
          const url = base[1]!;
          resolve({ url, requests, stop, sessionIsLive: (token) => validate(url, token) });
        } else if (/^(GET|POST) \//.test(line)) requests.push(line);
      }
    });
  });
}

/** AM's session validation, over Node's own HTTP client (not the app's cookie jar). */
function validate(url: string, token: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${url}/json/realms/root/sessions?_action=validate`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-api-version': 'resource=2.1, protocol=1.0',
          iPlanetDirectoryPro: token,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve((JSON.parse(body) as { valid: boolean }).valid));
      },
    );
    outgoing.on('error', reject);
    outgoing.end('{}');
  });
}
