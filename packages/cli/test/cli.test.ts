import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** Runs the README's main-job command line, non-interactively. */
async function npmStart(...args: string[]) {
  return npmStartWith({}, ...args);
}

/** The same, with standard input and environment variables. */
async function npmStartWith(
  { input, env }: { input?: string; env?: Record<string, string> },
  ...args: string[]
) {
  try {
    const child = run('npm', ['start', '--silent', '--', ...args], {
      cwd: root,
      timeout: 60_000,
      env: { ...process.env, ...env },
    });
    child.child.stdin?.end(input ?? '');
    const { stdout, stderr } = await child;
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('npm start', { timeout: 60_000 }, () => {
  it('runs the whole session page against the embedded dev server and exits 0', async () => {
    const { code, output } = await npmStart(
      '--username',
      'demo',
      '--password',
      'Ch4ng3it!',
      '--yes',
    );
    expect(output).toContain('Signed in through Login');
    expect(output).toMatch(/ssoToken\(\)[\s\S]*user\(\)[\s\S]*userinfo\(\)[\s\S]*refresh\(\)/);
    expect(output).toContain('revoke(): tokens revoked');
    expect(output).toContain('logoutUser(): AM session ended');
    // The demo password is printed once, in the dev server's banner, and never echoed back.
    expect(output.split('Ch4ng3it!')).toHaveLength(2);
    expect(code).toBe(0);
  });

  it('exits non-zero with a clear message when a step fails', async () => {
    const { code, output } = await npmStart('--username', 'demo', '--password', 'wrong', '--yes');
    expect(output).toContain('The journey was refused: Login failure');
    expect(code).toBe(1);
  });

  it('registers a user through Registration from flags, then shows their profile', async () => {
    const registration = [
      '--journey',
      'Registration',
      '--yes',
      '--username',
      'byron',
      '--password',
      'P0etry-Engine',
      '--answer',
      'First Name=Ada',
      '--answer',
      'Last Name=Byron',
      '--answer',
      'Email Address=ada@example.com',
      '--answer',
      'KbaCreateCallback:0=In which city were you born?::London',
      '--answer',
      'TermsAndConditionsCallback:0=yes',
    ];
    const { code, output } = await npmStart(...registration);
    expect(output).toContain('Signed in through Registration');
    expect(output).toMatch(/name: Ada Byron[\s\S]*email: ada@example.com/);
    expect(output).not.toContain('P0etry-Engine');
    expect(code).toBe(0);

    const taken = await npmStart(...registration.map((a) => (a === 'byron' ? 'demo' : a)));
    expect(taken.output).toContain(
      'The server refused the values: Username: Already taken; choose another.',
    );
    expect(taken.code).toBe(1);
  });

  it('waits out the Polling journey', async () => {
    const { code, output } = await npmStart('--journey', 'Polling', '--username', 'demo', '--yes');
    expect(output).toContain('Waiting for you to approve the sign-in');
    expect(output).toContain('Signed in through Polling');
    expect(code).toBe(0);
  });

  it('refuses plain http to another host unless --allow-insecure says so', async () => {
    // 0.0.0.0 is not loopback to the SDK, but connecting to it fails at once here.
    const tenant = [
      'login',
      '--server',
      'http://0.0.0.0:1/am',
      '--yes',
      '--username',
      'u',
      '--password',
      'p',
    ];
    const refused = await npmStart(...tenant);
    // In the CLI's words: the flags, not the SDK's option names.
    expect(refused.output).toContain('--server must use https (or --allow-insecure)');
    expect(refused.output).not.toContain('allowInsecureRequests');
    expect(refused.code).toBe(2);
    const allowed = await npmStart(...tenant, '--allow-insecure');
    expect(allowed.output).not.toContain('must use https');
    expect(allowed.output).toContain('The journey failed');
    expect(allowed.code).toBe(1);
  });

  it('rejects an unknown option with usage and exit code 2', async () => {
    const { code, output } = await npmStart('--nonsense');
    expect(output).toContain('Unknown option --nonsense.');
    expect(output).not.toContain('Did you mean');
    expect(output).toContain('Usage:');
    expect(code).toBe(2);
  });

  it('suggests the option a misspelt one most likely meant', async () => {
    const { code, output } = await npmStart('--pasword', 'x', '--yes');
    expect(output).toContain('Unknown option --pasword. Did you mean --password?');
    expect(code).toBe(2);
    expect((await npmStart('--allow-insecur')).output).toContain('Did you mean --allow-insecure?');
  });

  it('takes the password from standard input with --password-stdin, never from argv', async () => {
    const signedIn = await npmStartWith(
      { input: 'Ch4ng3it!\n' },
      ...['--username', 'demo', '--password-stdin', '--yes'],
    );
    expect(signedIn.output).toContain('Signed in through Login');
    expect(signedIn.code).toBe(0);
    // What came in is what was sent: a wrong one on stdin is refused by the server.
    const wrong = await npmStartWith(
      { input: 'wrong\n' },
      ...['--username', 'demo', '--password-stdin', '--yes'],
    );
    expect(wrong.output).toContain('The journey was refused: Login failure');
    expect(wrong.code).toBe(1);
    const empty = await npmStartWith({ input: '' }, '--password-stdin', '--yes');
    expect(empty.output).toContain('--password-stdin read no password from standard input');
    expect(empty.code).toBe(2);
  });

  it('takes the password from JOURNEYKIT_PASSWORD', async () => {
    const args = ['--username', 'demo', '--yes'];
    const wrong = await npmStartWith({ env: { JOURNEYKIT_PASSWORD: 'wrong' } }, ...args);
    expect(wrong.output).toContain('The journey was refused: Login failure');
    expect(wrong.code).toBe(1);
  });
});

/**
 * `npm start` at a terminal: a pseudo-terminal from util-linux's `script` (sized, since a new one
 * has no columns), typed into.
 */
function atTerminal(...args: string[]) {
  const child = spawn(
    'script',
    ['-qfec', ['stty cols 120 rows 50; npm start --silent --', ...args].join(' '), '/dev/null'],
    {
      cwd: root,
      env: { ...process.env, TERM: 'xterm-256color', CI: '' },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const screen = () => stripVTControlCharacters(output);
  return {
    screen,
    exited,
    /** Waits until the terminal shows `text` `times` times in all. */
    async waitFor(text: string, times = 1) {
      await expect
        .poll(() => screen().split(text).length - 1, { timeout: 30_000 })
        .toBeGreaterThanOrEqual(times);
    },
    type: (keys: string) => child.stdin.write(keys),
    kill: () => child.kill(),
  };
}

describe('npm start at a terminal', () => {
  it('asks for the password hidden; after a wrong one, asks again with the user name kept', async () => {
    const terminal = atTerminal();
    try {
      await terminal.waitFor('User Name');
      terminal.type('demo\r');
      await terminal.waitFor('Password');
      terminal.type('wrong-secret\r');
      await terminal.waitFor('The journey was refused: Login failure');
      await terminal.waitFor('Try again?');
      terminal.type('\r'); // yes, the default
      await terminal.waitFor('User Name', 3); // the prompt, its answer, the prompt again
      terminal.type('\r'); // the user name typed before is offered: Enter keeps it
      await terminal.waitFor('Password', 3); // asked, answered, asked again
      terminal.type('Ch4ng3it!\r');
      await terminal.waitFor('Signed in through Login');
      await terminal.waitFor('What next?');
      terminal.type('\x1b[B'.repeat(4) + '\r'); // logoutUser()
      await terminal.waitFor('logoutUser(): signed out');
      expect(await terminal.exited).toBe(0);
      const screen = terminal.screen();
      expect(screen).not.toContain('wrong-secret');
      // The demo password is printed once, in the dev server's banner; what was typed is not.
      expect(screen.split('Ch4ng3it!')).toHaveLength(2);
    } finally {
      terminal.kill();
    }
  }, 90_000);
});
