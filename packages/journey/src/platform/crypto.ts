import { JourneyError } from '../errors';

/**
 * The two primitives the SDK needs: random bytes (PKCE verifier, state, nonce) and SHA-256
 * (PKCE S256). Taken from WebCrypto where the runtime has it; Hermes has none, so React Native
 * apps get `getRandomValues` from `react-native-get-random-values` and SHA-256 from the
 * `react-native` entry, or pass their own here.
 */
export interface CryptoProvider {
  getRandomValues(bytes: Uint8Array): Uint8Array;
  sha256(data: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

interface WebCryptoLike {
  getRandomValues?: (bytes: Uint8Array) => Uint8Array;
  subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> };
}

export function resolveCrypto(custom: Partial<CryptoProvider> | undefined): CryptoProvider {
  const web = (globalThis as { crypto?: WebCryptoLike }).crypto;
  return {
    getRandomValues(bytes) {
      if (custom?.getRandomValues) return custom.getRandomValues(bytes);
      if (web?.getRandomValues) return web.getRandomValues.call(web, bytes);
      throw missing('getRandomValues', 'import "react-native-get-random-values" first');
    },
    async sha256(data) {
      if (custom?.sha256) return custom.sha256(data);
      if (web?.subtle) return new Uint8Array(await web.subtle.digest('SHA-256', data));
      throw missing('crypto.subtle', 'use the "@journeykit/journey" react-native entry');
    },
  };
}

function missing(what: string, hint: string): JourneyError {
  return new JourneyError(
    `This runtime has no ${what}: ${hint}, or pass config.crypto.`,
    'JOURNEY_CONFIG_ERROR',
    'argument_error',
  );
}
