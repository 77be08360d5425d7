import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** Runs the README's main-job command line, non-interactively. */
async function npmStart(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['start', '--silent', '--', ...args], {
      cwd: root,
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('npm start', () => {
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

  it('answers a device profile from what Node knows, and says what it cannot answer', async () => {
    const creds = ['--username', 'demo', '--password', 'Ch4ng3it!', '--yes'];
    const profiled = await npmStart('--journey', 'DeviceProfile', ...creds);
    expect(profiled.output).toContain('Signed in through DeviceProfile');
    expect(profiled.code).toBe(0);
    const captcha = await npmStart('--journey', 'ReCaptcha', ...creds);
    expect(captcha.output).toContain(
      'This CLI cannot answer ReCaptchaEnterpriseCallback: a CAPTCHA is solved in a browser',
    );
    expect(captcha.code).toBe(1);
    const custom = await npmStart('--journey', 'Custom', ...creds);
    expect(custom.output).toContain(
      'This CLI cannot answer LuckyNumberCallback: no SDK knows this callback',
    );
    expect(custom.code).toBe(1);
  }, 120_000);

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
    expect(refused.output).toContain('serverUrl must use https');
    expect(refused.code).toBe(1);
    const allowed = await npmStart(...tenant, '--allow-insecure');
    expect(allowed.output).not.toContain('must use https');
    expect(allowed.output).toContain('The journey failed');
    expect(allowed.code).toBe(1);
  });

  it('rejects an unknown option with usage and exit code 2', async () => {
    const { code, output } = await npmStart('--nonsense');
    expect(output).toContain('Usage:');
    expect(code).toBe(2);
  });
});
