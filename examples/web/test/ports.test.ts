import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../server/args';

// A port someone else holds: `npm run demo:web` and `npm run dev-server` say which one and the
// flag that moves it, instead of a stack trace.

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs an npm script to its end; what it printed and its exit code. */
async function npmRun(script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', script, '--', ...args], {
      cwd: root,
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('a busy port', { timeout: 60_000 }, () => {
  let held: Server;
  let port: number;

  beforeAll(async () => {
    held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    port = (held.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => held.close(resolve)));

  it.each([
    ['dev-server', '--port', 'Port PORT on 127.0.0.1 is already in use'],
    ['demo:web', '--port', "The app's port PORT is already in use"],
    ['demo:web', '--am-port', "The AM dev server's port PORT on 127.0.0.1 is already in use"],
  ])('npm run %s %s: says which port and how to choose another', async (script, flag, said) => {
    const { code, output } = await npmRun(script, flag, String(port));
    expect(output).toContain(said.replace('PORT', String(port)));
    expect(output).toContain(`Choose another with ${flag} <n>`);
    expect(output).not.toContain('EADDRINUSE');
    expect(output).not.toMatch(/^\s+at /m); // no stack trace
    expect(code).toBe(1);
  });
});

describe('npm run demo:web', () => {
  it('leaves 9443 to `npm run dev-server`: its AM dev server takes any free port', () => {
    expect(parseDemoArgs([])).toEqual({ help: false, appPort: 5173, serverPort: 0 });
    expect(parseDemoArgs(['--port', '0', '--am-port', '9444'])).toMatchObject({
      appPort: 0,
      serverPort: 9444,
    });
    expect(() => parseDemoArgs(['--am-port', 'x'])).toThrow(
      '--am-port must be a port number, got x',
    );
  });
});
