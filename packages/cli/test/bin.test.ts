import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The `journeykit` command as `npx` runs it: the built package, its bin found by name, run from a
// directory outside the repository with the password on standard input.

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = join(root, 'packages/cli');

describe('npx journeykit', { timeout: 120_000 }, () => {
  let elsewhere: string;

  beforeAll(async () => {
    // The CLI from its current sources; the SDK and the dev server it imports as built by
    // `npm run build` (CI builds first), built here only when missing.
    for (const dependency of ['journey', 'dev-server'])
      if (!existsSync(join(root, 'packages', dependency, 'dist/index.js')))
        await run('npm', ['run', 'build'], { cwd: join(root, 'packages', dependency) });
    await run('npm', ['run', 'build'], { cwd: cli });
    elsewhere = await mkdtemp(join(tmpdir(), 'journeykit-npx-'));
  }, 120_000);
  afterAll(() => rm(elsewhere, { recursive: true, force: true }));

  /** `npx --package=packages/cli journeykit …`, as `npx @journeykit/cli …` runs once published. */
  async function npx(input: string, ...args: string[]) {
    const child = run('npx', ['--yes', '--offline', `--package=${cli}`, 'journeykit', ...args], {
      cwd: elsewhere,
      timeout: 90_000,
    });
    child.child.stdin?.end(input);
    const { stdout, stderr } = await child;
    return stdout + stderr;
  }

  it('prints its usage', async () => {
    expect(await npx('', '--help')).toMatch(/^journeykit — run a PingAM/);
  });

  it('signs in against the embedded dev server', async () => {
    const output = await npx('Ch4ng3it!\n', '--username', 'demo', '--password-stdin', '--yes');
    expect(output).toContain('Signed in through Login');
    expect(output).toContain('logoutUser(): AM session ended');
  });
});
