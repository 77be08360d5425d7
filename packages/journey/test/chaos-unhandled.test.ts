import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const config = fileURLToPath(new URL('./fixtures/unhandled/vitest.config.ts', import.meta.url));

// The chaos tests count on vitest to fail a run in which a promise rejection goes unhandled, even
// when every test passes. This shows it does, with a fixture whose only test passes.
describe('an unhandled rejection', () => {
  it('fails the vitest run, though the test that caused it passed', () => {
    const run = spawnSync(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--config', config],
      {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, CI: '1', FORCE_COLOR: '0' },
      },
    );
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toMatch(/1 passed/);
    expect(output).toMatch(/Unhandled Rejection/);
    expect(output).toContain('nobody handles this');
    expect(run.status).toBe(1);
  });
});
