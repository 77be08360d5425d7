import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { createJourneyClient, type JourneyConfig } from '@journeykit/journey';
import { transform } from '@swc/core';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch, type Exchange } from './hermes/replay';
import { runScenario, type ScenarioResult } from './hermes/scenario';
import { sessionValidates } from './helpers';
import { actAsReactNative, seededRandomValues } from './react-native/environment';
import { reactNativeFetch } from './react-native/fetch';

// The SDK's React Native entry, bundled as a React Native app would get it, runs a scripted session
// under a real Hermes VM (hermes-engine-cli 0.12: no class or async syntax, so the bundle is lowered
// to ES5 with SWC, as React Native's Babel preset does; no fetch, URL, TextEncoder, crypto,
// AbortController or Intl). Hermes has no network, so the script first runs in Node against the
// dev server through React Native's fetch semantics, recording every exchange, and Hermes replays
// them: with the same seeded random bytes it must send exactly the recorded requests (Node hashes
// the PKCE verifier with WebCrypto, Hermes with the entry's JavaScript SHA-256). The
// un-lowered bundle is compiled with React Native's own hermesc as well.

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const folder = { linux: 'linux64-bin', darwin: 'osx-bin', win32: 'win64-bin' }[
  process.platform as string
];
const binary = (pkg: string, sub: string, name: string) =>
  join(dirname(require.resolve(`${pkg}/package.json`)), sub, folder ?? 'linux64-bin', name);
const hermes = binary('hermes-engine-cli', '', 'hermes');
const hermesc = binary('hermes-compiler', 'hermesc', 'hermesc');

const seed = 20260518;

describe('the React Native entry under Hermes', () => {
  let server: DevServer;
  let work: string;
  let config: JourneyConfig;
  let inNode: ScenarioResult;
  const exchanges: Exchange[] = [];
  let modern: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'journeykit-hermes-'));
    server = await startDevServer({ style: 'aic' });
    config = {
      ...server.clientConfig,
      locale: 'en', // Hermes has no Intl to ask
      modules: {
        oidc: {
          ...server.clientConfig.modules.oidc,
          signOutRedirectUri: server.signOutRedirectUri,
        },
      },
    };
    const undo = actAsReactNative();
    try {
      inNode = await runScenario(createJourneyClient, {
        ...config,
        fetch: recordingFetch(reactNativeFetch(), exchanges),
        crypto: { getRandomValues: seededRandomValues(seed) },
      });
    } finally {
      undo();
    }
    const bundle = await build({
      entryPoints: [join(here, 'hermes/main.ts')],
      bundle: true,
      format: 'iife',
      platform: 'neutral', // a Node built-in anywhere in the SDK fails the build
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    });
    modern = bundle.outputFiles[0]!.text;
  });
  afterAll(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('runs the script in Node against the dev server, which records it', async () => {
    expect(inNode).toMatchObject({
      nodes: ['ContinueNode', 'SuccessNode'],
      minted: { accessToken: expect.any(String), refreshToken: expect.any(String) },
      subject: expect.any(String),
      refreshed: { accessToken: expect.any(String), refreshToken: expect.any(String) },
      loggedOut: true,
      logout: [
        { step: 'session', ok: true },
        { step: 'revoke', ok: true },
        { step: 'endSession', ok: true },
      ],
      afterLogout: { ssoToken: null, user: null },
    });
    expect(inNode.refreshed!.refreshToken).not.toBe(inNode.minted!.refreshToken);
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
    expect(server.endSessions).toEqual([expect.objectContaining({ idTokenHintValid: true })]);
    expect(await sessionValidates(server, inNode.ssoToken!)).toBe(false);
    expect(await server.isRefreshTokenActive(inNode.refreshed!.refreshToken!)).toBe(false);
    const authorize = exchanges.filter((e) => e.request.url.includes('/authorize?'));
    expect(authorize.map((e) => e.request.url)).toEqual([
      expect.stringContaining('response_mode=form_post'),
    ]);
  });

  it('runs the same script under the Hermes VM and sends exactly the recorded requests', async () => {
    const { code } = await transform(modern, {
      jsc: { target: 'es5', parser: { syntax: 'ecmascript' } },
      isModule: false,
    });
    const file = join(work, 'session.es5.js');
    await writeFile(
      file,
      `var recording = ${JSON.stringify({ seed, config, exchanges })};\n${code}`,
    );
    // React Native's Hermes runs promise jobs as microtasks; the CLI does only with this flag.
    const { stdout } = await run(hermes, ['-Xmicrotask-queue', file]);
    const report = JSON.parse(stdout) as {
      result?: ScenarioResult;
      error?: string;
      absent: string[];
      unmatched: unknown[];
      unused: string[];
    };
    expect(report.absent).toEqual([
      'fetch',
      'URL',
      'TextEncoder',
      'atob',
      'crypto',
      'AbortController',
      'Intl',
    ]);
    expect(report.error).toBeUndefined();
    expect(report.unmatched).toEqual([]);
    expect(report.unused).toEqual([]);
    expect(report.result).toEqual(JSON.parse(JSON.stringify(inNode)));
  });

  it('compiles the un-lowered bundle with React Native’s hermesc', async () => {
    const source = join(work, 'session.js');
    await writeFile(source, modern);
    await run(hermesc, ['-emit-binary', '-out', join(work, 'session.hbc'), source]);
    const hbc = await readFile(join(work, 'session.hbc'));
    expect(hbc.readBigUInt64LE(0)).toBe(0x1f1903c103bc1fc6n); // Hermes bytecode magic
    expect(hbc.length).toBeGreaterThan(modern.length / 2);
  });
});
