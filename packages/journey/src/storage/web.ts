import { memoryStorage } from './memory';
import type { KeyValueStorage } from './types';

/**
 * The browser's `localStorage` (default) or `sessionStorage`, looked up on first use. Where there
 * is none — server-side rendering, or storage blocked by the browser (reading it throws) — the
 * records live in memory instead, so the same client code runs everywhere.
 */
export function webStorage(area: 'local' | 'session' = 'local'): KeyValueStorage {
  let store: KeyValueStorage | undefined;
  const resolve = () => {
    try {
      store ??= area === 'local' ? window.localStorage : window.sessionStorage;
    } catch {
      // SecurityError where the browser blocks storage; ReferenceError outside a browser.
    }
    return (store ??= memoryStorage());
  };
  return {
    getItem: (key) => resolve().getItem(key),
    setItem: (key, value) => resolve().setItem(key, value),
    removeItem: (key) => resolve().removeItem(key),
  };
}
