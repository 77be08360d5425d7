import { build, type Plugin } from 'esbuild';
import { gzipSync } from 'node:zlib';

import { fixed, ROOT, table, type Figure } from '../lib/runner';

/** One thing an app imports, bundled for the browser as an app's bundler would. */
export interface Entry {
  name: string;
  /** The app's import, as an ES module: what the bundle must keep. */
  code: string;
  /** Packages the app has anyway (React) or pays for in another row (journeykit's core). */
  external?: string[];
  /** Most bytes of min+gzip allowed; `npm run size` fails above it. */
  budget?: number;
  /**
   * While an entry is over its budget: the most bytes CI tolerates (its size when the gap was
   * accepted, plus a little), so it can shrink but not grow. `npm run size` fails above it and
   * reports the budget as not met.
   */
  ceiling?: number;
}

const CORE = '@journeykit/journey';

/** journeykit's entries; their budgets gate CI (`npm run size`). 1 kB = 1,000 bytes. */
export const JOURNEYKIT: Entry[] = [
  {
    name: 'core: `createJourneyClient`, `JourneyError`, `logger`',
    code: `export { createJourneyClient, JourneyError, logger } from '${CORE}'`,
    budget: 10_000,
    // 13,100 plus what the fail-closed fixes cost, measured one by one (1,261 bytes).
    ceiling: 14_361,
  },
  { name: 'core: `export *`', code: `export * from '${CORE}'` },
  {
    name: '`/react` (beside the core; React external)',
    code: `export * from '${CORE}/react'`,
    external: [CORE, 'react'],
    budget: 2_500,
  },
  {
    name: '`/jose` (beside the core; jose external)',
    code: `export * from '${CORE}/jose'`,
    external: [CORE, 'jose'],
    budget: 1_000,
  },
  {
    name: '`/jose` with jose (beside the core)',
    code: `export * from '${CORE}/jose'`,
    external: [CORE],
  },
];

const PEERS: Entry[] = [
  {
    name: '@forgerock/journey-client + @forgerock/oidc-client: `journey`, `callbackType`, `oidc`',
    code: `export { journey, callbackType } from '@forgerock/journey-client'; export { oidc } from '@forgerock/oidc-client'`,
  },
  {
    name: '@forgerock/journey-client: `export *`',
    code: `export * from '@forgerock/journey-client'`,
  },
  { name: '@forgerock/oidc-client: `export *`', code: `export * from '@forgerock/oidc-client'` },
  {
    name: '@forgerock/javascript-sdk: `FRAuth`, `TokenManager`, `UserManager`, `Config`, `SessionManager`, `FRUser`',
    code: `export { FRAuth, TokenManager, UserManager, Config, SessionManager, FRUser } from '@forgerock/javascript-sdk'`,
  },
  {
    name: '@forgerock/javascript-sdk: `export *`',
    code: `export * from '@forgerock/javascript-sdk'`,
  },
  { name: 'oidc-client-ts: `UserManager`', code: `export { UserManager } from 'oidc-client-ts'` },
  { name: 'oidc-client-ts: `export *`', code: `export * from 'oidc-client-ts'` },
  { name: 'openid-client: `export *`', code: `export * from 'openid-client'` },
];

export interface Measured {
  entry: Entry;
  minified: number;
  gzipped: number;
  /** Minified bytes each source file contributes, from esbuild's metafile. */
  modules: Map<string, number>;
}

/** journeykit from its TypeScript sources; `external` keeps the named ones out of the bundle. */
const journeykitSources = (external: string[]): Plugin => ({
  name: 'journeykit-sources',
  setup(build) {
    build.onResolve({ filter: /^@journeykit\/journey(\/[\w-]+)?$/ }, ({ path }) =>
      external.includes(path)
        ? { path, external: true }
        : { path: `${ROOT}packages/journey/src${path.slice(CORE.length)}/index.ts` },
    );
  },
});

/** esbuild, browser platform, ES2020 (the SDK's build target), minified; then gzip level 9. */
export async function measure(entry: Entry): Promise<Measured> {
  const external = entry.external ?? [];
  const result = await build({
    stdin: { contents: entry.code, resolveDir: `${ROOT}bench`, loader: 'js' },
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: external.filter((name) => !name.startsWith(CORE)),
    plugins: [journeykitSources(external)],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const bundle = result.outputFiles[0]!.contents;
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  const modules = new Map(
    Object.entries(inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([path, { bytesInOutput }]) => [path, bytesInOutput]),
  );
  return {
    entry,
    minified: bundle.length,
    gzipped: gzipSync(bundle, { level: 9 }).length,
    modules,
  };
}

export const kB = (bytes: number) => fixed(bytes / 1000, 1);

export function sizeTable(rows: Measured[]): string {
  return table(
    ['import', 'min', 'min+gzip', 'budget'],
    rows.map(({ entry, minified, gzipped }) => [
      entry.name,
      `${kB(minified)} kB`,
      `**${kB(gzipped)} kB**`,
      entry.budget === undefined
        ? ''
        : `${kB(entry.budget)} kB ${gzipped <= entry.budget ? 'ok' : `**over** (CI ceiling ${kB(entry.ceiling ?? entry.budget)} kB)`}`,
    ]),
  );
}

/** Where the core's bytes come from: minified bytes by folder and by file (gzip does not add up per file). */
export function breakdown({ minified, modules }: Measured): string {
  const share = (bytes: number) => `${fixed((100 * bytes) / minified, 1)} %`;
  const local = [...modules].map(
    ([path, bytes]) => [path.replace('packages/journey/src/', ''), bytes] as const,
  );
  const folders = new Map<string, number>();
  for (const [path, bytes] of local) {
    const folder = path.includes('/') ? `${path.slice(0, path.lastIndexOf('/'))}/` : '(top level)';
    folders.set(folder, (folders.get(folder) ?? 0) + bytes);
  }
  const byBytes = (a: readonly [string, number], b: readonly [string, number]) => b[1] - a[1];
  return [
    table(
      ['folder of `packages/journey/src`', 'min bytes', 'share'],
      [...folders].sort(byBytes).map(([folder, bytes]) => [folder, bytes, share(bytes)]),
    ),
    table(
      ['file', 'min bytes', 'share'],
      local.sort(byBytes).map(([path, bytes]) => [`\`${path}\``, bytes, share(bytes)]),
    ),
  ].join('\n\n');
}

export const size: Figure = {
  id: 'size',
  title: 'Bundle size, min+gzip',
  async run() {
    const ours = await Promise.all(JOURNEYKIT.map(measure));
    const peers = await Promise.all(PEERS.map(measure));
    return [
      "esbuild (the bench's version), `platform: browser`, `target: es2020`, `format: esm`, minified, " +
        '`process.env.NODE_ENV` = `"production"`; then gzip level 9. Each row bundles what an app ' +
        'imports (the names shown; `export *` keeps everything) and nothing it already has. journeykit ' +
        'is bundled from its TypeScript sources (the same code and target as its published build), the ' +
        'peers from their published packages (versions in `bench/package.json`). 1 kB = 1,000 bytes. ' +
        'Deterministic, so one run.',
      sizeTable(ours),
      sizeTable(peers),
      `Where the core's ${kB(ours[0]!.minified)} kB minified come from (esbuild metafile; ` +
        'gzip is not additive per file, so shares are of the minified size):',
      breakdown(ours[0]!),
    ];
  },
};
