import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as users get it: built, packed with `npm pack`, the tarball installed in a scratch
// project with no network needed, and every entry of `exports` imported from Node ESM and CJS,
// with the same exports as its source, and type-checked under TypeScript's oldest module resolution
// (node10). The `react-native` condition resolves to the React Native build, which computes PKCE
// without WebCrypto.

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  sideEffects?: unknown;
  repository?: { url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
  exports: Record<string, unknown>;
  peerDependencies?: Record<string, string>;
};
const specifiers = Object.keys(manifest.exports)
  .filter((path) => path !== './package.json')
  .map((path) => (path === '.' ? manifest.name : `${manifest.name}/${path.slice(2)}`));

/** Runs `node` in the scratch project and returns what the script printed, parsed. */
async function node(cwd: string, args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, args, { cwd });
  return JSON.parse(stdout) as unknown;
}

describe('the packed package', () => {
  let work: string;
  let app: string;
  let packed: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'journeykit-pack-'));
    app = join(work, 'app');
    // Built here so the test checks the current sources; packed without scripts so that stdout
    // is npm's JSON alone.
    await run('npm', ['run', 'build'], { cwd: packageDir });
    const { stdout } = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
      { cwd: packageDir },
    );
    const [pack] = JSON.parse(stdout) as {
      filename: string;
      files: { path: string }[];
    }[];
    packed = pack!.files.map((f) => f.path);
    await mkdir(app);
    await writeFile(join(app, 'package.json'), '{ "name": "scratch", "private": true }\n');
    // Optional peers come from this repository's node_modules, so the install needs no network.
    const peers = Object.keys(manifest.peerDependencies ?? {}).map((name) =>
      dirname(require.resolve(`${name}/package.json`)),
    );
    await run(
      'npm',
      ['install', join(work, pack!.filename), ...peers, '--no-audit', '--no-fund', '--offline'],
      { cwd: app },
    );
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('ships the build, the README, the licence, the changelog and the manifest only', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'])
      expect(packed).toContain(file);
    // No tests, sources, source maps or build configuration: only what an import loads.
    for (const path of packed)
      expect(path).toMatch(
        /^(dist\/.+\.(js|cjs|d\.ts|d\.cts)|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/,
      );
  });

  it('declares no side effects, and where it comes from', () => {
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.repository).toMatchObject({
      url: expect.stringMatching(/^git\+https:\/\//),
      directory: 'packages/journey',
    });
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs?.url).toMatch(/^https:\/\//);
  });

  it('keeps a changelog with a section for this version', async () => {
    const changelog = await readFile(join(packageDir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('## [Unreleased]');
    expect(changelog).toContain(`## [${manifest.version}]`);
  });

  it('type-checks an import of every entry under moduleResolution node10', async () => {
    // node10 ignores `exports`: only `typesVersions` leads TypeScript to a subpath's types. A
    // misspelt entry must still fail, so the check cannot pass by resolving everything.
    const imports = [...specifiers, `${manifest.name}/no-such-entry`]
      .map((name, i) => `import * as entry${i} from ${JSON.stringify(name)};\nvoid entry${i};`)
      .join('\n');
    await writeFile(join(app, 'check.ts'), `${imports}\n`);
    // TypeScript 6 deprecates node10, which projects on older TypeScript still use.
    const compilerOptions = {
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      types: [],
      module: 'commonjs',
      moduleResolution: 'node10',
      ignoreDeprecations: '6.0',
    };
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['check.ts'] }),
    );
    const tsc = require.resolve('typescript/bin/tsc');
    const errors = await run(process.execPath, [tsc, '-p', '.'], { cwd: app }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(errors.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^check\\.ts\\(${specifiers.length * 2 + 1},.*'${manifest.name}/no-such-entry'`),
      ),
    ]);
  });

  it.each(specifiers)(
    '%s imports from ESM and CJS with the exports of its source',
    async (name) => {
      const source = Object.keys((await import(name)) as object).sort();
      const esm = await node(app, [
        '--input-type=module',
        '-e',
        `console.log(JSON.stringify(Object.keys(await import(${JSON.stringify(name)})).sort()))`,
      ]);
      const cjs = await node(app, [
        '-e',
        `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)})).sort()))`,
      ]);
      expect(source.length).toBeGreaterThan(0);
      expect(esm).toEqual(source);
      expect(cjs).toEqual(source);
    },
  );

  it('gives React Native its own build, which hashes the PKCE verifier without WebCrypto', async () => {
    // A runtime with getRandomValues but no crypto.subtle, as React Native with
    // react-native-get-random-values: the client gets as far as the authorize request, with a code
    // challenge (without SHA-256 it would stop before, with a JOURNEY_CONFIG_ERROR).
    const probe = `
      import { webcrypto } from 'node:crypto';
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const how = process.argv[1];
      Object.defineProperty(globalThis, 'crypto', {
        value: { getRandomValues: (bytes) => webcrypto.getRandomValues(bytes) },
      });
      const oauth = 'https://am.example.com/am/oauth2/realms/root';
      const answers = {
        authenticate: { tokenId: 'sso', successUrl: '/am/console', realm: '/' },
        'openid-configuration': {
          issuer: oauth,
          authorization_endpoint: oauth + '/authorize',
          token_endpoint: oauth + '/access_token',
        },
      };
      let authorize;
      const fetch = async (url) => {
        if (url.includes('/authorize?')) authorize = new URL(url);
        const key = Object.keys(answers).find((k) => url.includes(k));
        return new Response(key ? JSON.stringify(answers[key]) : 'no', { status: key ? 200 : 400 });
      };
      const sdk = how === 'import' ? await import('@journeykit/journey') : require('@journeykit/journey');
      const client = sdk.createJourneyClient({
        serverUrl: 'https://am.example.com/am',
        fetch,
        modules: { oidc: { clientId: 'app', redirectUri: 'com.example.app:/cb',
          discoveryEndpoint: oauth + '/.well-known/openid-configuration' } },
      });
      await client.start('Login');
      await client.user().catch(() => undefined);
      console.log(JSON.stringify({
        resolved: (how === 'import' ? import.meta : require).resolve('@journeykit/journey'),
        challenge: authorize?.searchParams.get('code_challenge'),
      }));`;
    for (const how of ['import', 'require'])
      expect(
        await node(app, ['--conditions=react-native', '--input-type=module', '-e', probe, how]),
      ).toEqual({
        resolved: expect.stringMatching(
          how === 'import' ? /dist\/react-native\/index\.js$/ : /dist\/react-native\/index\.cjs$/,
        ),
        challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
  });
});
