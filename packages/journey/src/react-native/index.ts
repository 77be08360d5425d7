// The SDK as React Native gets it (the package's `react-native` export condition): the main entry,
// with SHA-256 in JavaScript because Hermes has no WebCrypto. Random bytes still come from
// `crypto.getRandomValues`, which the app installs with `react-native-get-random-values`.
// As in rn-journey, the React bindings come with it (React Native always has React), so moving
// an app is a change of package name.
import { createJourneyClient as createClient, type JourneyClientWithEvents } from '../client';
import type { JourneyConfig } from '../config';
import { sha256 } from './sha256';

export * from '../index';
export {
  JourneyProvider,
  useJourney,
  useJourneyForm,
  useJourneySession,
} from '@journeykit/journey/react';
export type * from '@journeykit/journey/react';

/** `createJourneyClient` (design.md §1), with `config.crypto.sha256` defaulting to JavaScript. */
export function createJourneyClient(config: JourneyConfig): JourneyClientWithEvents {
  return createClient(config && { ...config, crypto: { sha256, ...config.crypto } });
}
