/* global require, __dirname, module */
/* eslint-disable @typescript-eslint/no-require-imports -- Metro loads metro.config.js as CommonJS */
// Only for running this example inside the repository, where `@journeykit/journey` is a link to
// packages/journey (file:): Metro resolves the SDK's built `react-native` entry there, like an app
// that installs it from npm. Two things differ from such an app: Metro must watch the SDK's folder,
// and `react` must come from this app's node_modules wherever it is imported, the SDK's build
// included (found from packages/journey, it would be the repository's copy: two Reacts).
const path = require('node:path');
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);
const sdk = path.resolve(__dirname, '../../packages/journey');
const app = path.join(__dirname, 'package.json');
config.watchFolders = [sdk];
config.resolver.resolveRequest = (context, name, platform) =>
  context.resolveRequest(
    name === 'react' || name.startsWith('react/') ? { ...context, originModulePath: app } : context,
    name,
    platform,
  );
module.exports = config;
