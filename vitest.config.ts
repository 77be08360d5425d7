import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run against the TypeScript sources; the built packages are checked by the packaging tests.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@journeykit\/journey$/, replacement: src('journey/src/index.ts') },
      { find: /^@journeykit\/journey\/(.*)$/, replacement: src('journey/src/$1/index.ts') },
      { find: /^@journeykit\/dev-server$/, replacement: src('dev-server/src/index.ts') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.{ts,tsx}',
      'packages/*/test/**/*.test.{ts,tsx}',
      'examples/*/test/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
