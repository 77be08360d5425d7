import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'react/index': 'src/react/index.ts',
    // What React Native resolves (the `react-native` export condition): SHA-256 in JavaScript.
    'react-native/index': 'src/react-native/index.ts',
    'node/index': 'src/node/index.ts',
    'jose/index': 'src/jose/index.ts',
    'social/index': 'src/social/index.ts',
    'redirect/index': 'src/redirect/index.ts',
    'rn-storage/index': 'src/rn-storage/index.ts',
  },
  // Subpath entries import the core by its package name, so they share it instead of copying it;
  // the Node entry's built-ins stay imports too.
  external: ['@journeykit/journey', /^node:/],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2020',
  platform: 'neutral',
  sourcemap: false,
  treeshake: true,
  tsconfig: 'tsconfig.build.json',
});
