import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The example as a device gets it: Metro's Android export (`expo export`), with the SDK from the
// package's built `react-native` entry, then React Native's own Hermes compiler (`hermesc`, from
// react-native's hermes-compiler). The example has its own install (`npm install` in its folder);
// CI runs it, a machine without it skips this test.

const app = fileURLToPath(new URL('..', import.meta.url));
const installed = existsSync(path.join(app, 'node_modules/expo'));
if (!installed && process.env.CI)
  throw new Error('examples/react-native is not installed: CI installs it first');
const run = promisify(execFile);

describe.skipIf(!installed)('the React Native example’s Android bundle', () => {
  let out: string;
  let bundle: string;
  let sources: string[];

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'journeykit-rn-'));
    const expo = path.join(app, 'node_modules/.bin/expo');
    const args = ['export', '--platform', 'android', '--output-dir', out];
    await run(expo, [...args, '--no-bytecode', '--source-maps'], {
      cwd: app,
      env: { ...process.env, CI: '1' },
    });
    const dir = path.join(out, '_expo/static/js/android');
    const files = await readdir(dir);
    bundle = path.join(
      dir,
      files.find((f) => f.endsWith('.js'))!,
    );
    const map = JSON.parse(
      await readFile(
        path.join(
          dir,
          files.find((f) => f.endsWith('.map'))!,
        ),
        'utf8',
      ),
    ) as { sections: { map: { sources: string[] } }[] };
    sources = map.sections.flatMap((section) => section.map.sources);
  }, 600_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('carries the SDK’s built react-native entry, never its sources', () => {
    const sdk = sources.filter((s) => s.includes('packages/journey/'));
    expect(sdk).toContain('../../packages/journey/dist/react-native/index.js');
    expect(sdk).toContain('../../packages/journey/dist/react/index.js');
    expect(sdk.every((s) => s.startsWith('../../packages/journey/dist/'))).toBe(true);
    expect(sdk).not.toContain('../../packages/journey/dist/index.js');
  });

  it('carries one copy of React, the app’s', () => {
    const react = sources.filter((s) => /(^|\/)node_modules\/react\//.test(s));
    expect(react.length).toBeGreaterThan(0);
    expect(react.every((s) => s.startsWith('/node_modules/react/'))).toBe(true);
    expect(sources.filter((s) => s.endsWith('/react.production.js'))).toHaveLength(1);
  });

  it('carries no Node built-in, nor a package standing in for one', async () => {
    const stand =
      /\/node_modules\/(buffer|crypto-browserify|events|path-browserify|process|stream-browserify|util)\//;
    expect(sources.filter((s) => s.startsWith('node:') || stand.test(s))).toEqual([]);
    expect(await readFile(bundle, 'utf8')).not.toMatch(/require\(["']node:/);
  });

  it('compiles with React Native’s hermesc to Hermes bytecode', async () => {
    const hermesc = path.join(app, 'node_modules/hermes-compiler/hermesc/linux64-bin/hermesc');
    const hbc = path.join(out, 'index.hbc');
    await run(hermesc, ['-emit-binary', '-O', '-out', hbc, bundle]);
    const header = (await readFile(hbc)).subarray(0, 8);
    // Hermes bytecode files start with this magic number (little-endian).
    expect(header.readBigUInt64LE()).toBe(0x1f1903c103bc1fc6n);
  });
});
