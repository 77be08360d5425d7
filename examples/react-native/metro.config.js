/* global require, __dirname, module */
/* eslint-disable @typescript-eslint/no-require-imports -- Metro loads metro.config.js as CommonJS */
// Only for running this example inside the repository: the SDK is linked from packages/journey
// (file:), and every import, the SDK's own `react` included, resolves in this app's node_modules,
// so the app has one React. An app installing @journeykit/journey from npm needs no Metro config.
const path = require('node:path');
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);
config.watchFolders = [path.resolve(__dirname, '../../packages/journey')];
config.resolver.nodeModulesPaths = [path.resolve(__dirname, 'node_modules')];
config.resolver.disableHierarchicalLookup = true;
module.exports = config;
