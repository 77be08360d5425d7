// The program Hermes runs: the SDK's React Native entry and the script, with what a React Native
// app provides installed as globals — navigator.product, fetch (replaying the recording) and
// crypto.getRandomValues (react-native-get-random-values; seeded here, as in the recording).
import type { JourneyConfig } from '@journeykit/journey';
import { createJourneyClient } from '../../src/react-native';
import { actAsReactNative, seededRandomValues } from '../react-native/environment';
import { replayingFetch, type Exchange } from './replay';
import { runScenario } from './scenario';

declare const print: (text: string) => void;
declare const recording: { seed: number; config: JourneyConfig; exchanges: Exchange[] };

const global = globalThis as Record<string, unknown>;
const absent = ['fetch', 'URL', 'TextEncoder', 'atob', 'crypto', 'AbortController', 'Intl'].filter(
  (name) => global[name] === undefined,
);
const replay = replayingFetch(recording.exchanges);
actAsReactNative();
global.fetch = replay.fetch;
global.crypto = { getRandomValues: seededRandomValues(recording.seed) };

const report = (outcome: object) =>
  print(
    JSON.stringify({
      ...outcome,
      absent,
      unmatched: replay.unmatched,
      unused: replay.left.map((e) => `${e.request.method} ${e.request.url}`),
    }),
  );
runScenario(createJourneyClient, recording.config).then(
  (result) => report({ result }),
  (error: Error) => report({ error: `${error.name}: ${error.message}` }),
);
