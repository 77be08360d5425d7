/** Which fetch semantics the runtime has, for choosing how to read the authorization code. */
export type Runtime = 'react-native' | 'browser' | 'server';

export function detectRuntime(): Runtime {
  const g = globalThis as {
    navigator?: { product?: string };
    document?: unknown;
    window?: unknown;
  };
  // React Native sets navigator.product; it is the documented way to tell it apart.
  if (g.navigator?.product === 'ReactNative') return 'react-native';
  if (typeof g.window === 'object' && typeof g.document === 'object') return 'browser';
  return 'server';
}
