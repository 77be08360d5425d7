/** Makes this process look like React Native to the SDK (`navigator.product`); returns the undo. */
export function actAsReactNative(): () => void {
  const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', {
    value: { product: 'ReactNative' },
    configurable: true,
    writable: true,
  });
  return () => {
    if (before) Object.defineProperty(globalThis, 'navigator', before);
    else delete (globalThis as { navigator?: unknown }).navigator;
  };
}

/** Deterministic `getRandomValues` (an LCG): the same seed gives the same PKCE, state and nonce. */
export function seededRandomValues(seed: number): (bytes: Uint8Array) => Uint8Array {
  let state = seed | 0;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) | 0;
      bytes[i] = state >>> 24;
    }
    return bytes;
  };
}
