import { defineConfig } from 'tsup';

const shared = { platform: 'node', target: 'node20', tsconfig: 'tsconfig.build.json' } as const;

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // Both builds run at once: cleaning must spare the other one's output.
    clean: ['!bin.js'],
    ...shared,
  },
  {
    entry: { bin: 'src/bin.ts' },
    format: ['esm'],
    ...shared,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
