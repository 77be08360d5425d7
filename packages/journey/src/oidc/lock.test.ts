import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../storage/memory';
import { sessionLock } from './lock';

const later = () => {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
};

describe('the session lock', () => {
  it('runs tasks over the same storage and key one at a time, in order', async () => {
    const storage = memoryStorage();
    const a = sessionLock(storage, 'k');
    const b = sessionLock(storage, 'k');
    const order: string[] = [];
    const { gate, open } = later();
    const first = a(async () => {
      order.push('first starts');
      await gate;
      order.push('first ends');
    });
    const second = b(() => Promise.resolve(void order.push('second')));
    await Promise.resolve();
    open();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second']);
  });

  it('does not queue other keys or other storages behind a task', async () => {
    const storage = memoryStorage();
    const { gate, open } = later();
    const held = sessionLock(storage, 'k')(() => gate);
    expect(await sessionLock(storage, 'other')(() => Promise.resolve(1))).toBe(1);
    expect(await sessionLock(memoryStorage(), 'k')(() => Promise.resolve(2))).toBe(2);
    open();
    await held;
  });

  it('lets a caller leave the queue when its signal aborts; its task never runs', async () => {
    const lock = sessionLock(memoryStorage(), 'k');
    const { gate, open } = later();
    const held = lock(() => gate);
    const controller = new AbortController();
    let ran = false;
    const queued = lock(() => Promise.resolve(void (ran = true)), controller.signal);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ type: 'abort_error' });
    open();
    await held;
    expect(await lock(() => Promise.resolve('after'))).toBe('after');
    expect(ran).toBe(false);
  });

  it('keeps the queue moving after a task fails', async () => {
    const lock = sessionLock(memoryStorage(), 'k');
    await expect(lock(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock(() => Promise.resolve('next'))).toBe('next');
  });
});
