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

  it('rejects an unknown option with usage and exit code 2', async () => {
    const { code, output } = await npmStart('--nonsense');
    expect(output).toContain('Usage:');
    expect(code).toBe(2);
  });
});
