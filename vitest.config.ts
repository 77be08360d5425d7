import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));
const react18 = fileURLToPath(new URL('./compat/react18/node_modules', import.meta.url));

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
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'journeykit',
          include: [
            'packages/*/src/**/*.test.{ts,tsx}',
            'packages/*/test/**/*.test.{ts,tsx}',
            'examples/*/test/**/*.test.ts',
          ],
        },
      },
      {
        // The React bindings again, with React 18 in place of the repo's React 19.
        extends: true,
        resolve: {
          alias: [{ find: /^(react|react-dom)(\/.*)?$/, replacement: `${react18}/$1$2` }],
        },
        test: { name: 'react18', include: ['compat/react18/*.test.tsx'] },
      },
    ],
  },
});
