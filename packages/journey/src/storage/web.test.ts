// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webStorage } from './web';

describe('localStorage / sessionStorage adapter', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('reads and writes the browser storage it was asked for', async () => {
    const local = webStorage();
    const session = webStorage('session');
    await local.setItem('k', 'l');
    await session.setItem('k', 's');
    expect(localStorage.getItem('k')).toBe('l');
    expect(sessionStorage.getItem('k')).toBe('s');
    expect(await local.getItem('k')).toBe('l');
    await local.removeItem('k');
    expect(localStorage.getItem('k')).toBeNull();
  });

  it('keeps records in memory where the browser refuses storage', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const storage = webStorage();
    await storage.setItem('k', 'v');
    expect(await storage.getItem('k')).toBe('v');
  });

  it('keeps records in memory outside a browser (server-side rendering)', async () => {
    vi.stubGlobal('window', undefined);
    const storage = webStorage('session');
    await storage.setItem('k', 'v');
    expect(await storage.getItem('k')).toBe('v');
    vi.unstubAllGlobals();
    expect(sessionStorage.getItem('k')).toBeNull();
  });
});
