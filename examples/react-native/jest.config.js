/* global module, __dirname */
// The app under jest-expo, as React Native libraries test themselves: React Native's JavaScript
// over emulated native halves (jest/setup.ts), the SDK from its built `react-native` entry.
module.exports = {
  preset: 'jest-expo',
  testMatch: ['<rootDir>/jest/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/jest/setup.ts'],
  // One React: the SDK's build, a link into packages/journey, would find the repository's copy.
  moduleNameMapper: {
    '^react(/.*)?$': `${__dirname}/node_modules/react$1`,
    // An entry of react-native's `exports` that expo-asset imports and React Native's preset,
    // which resolves react-native by path, does not list.
    '^react-native/unstable-internals-do-not-use$': `${__dirname}/node_modules/react-native/src/unstable-internals-do-not-use.js`,
  },
  testTimeout: 60000,
};
