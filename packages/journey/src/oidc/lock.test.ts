import { describe, expect, it } from 'vitest';
import { sessionLock } from './lock';

const later = () => {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
};

describe('the session lock', () => {
  it('runs the tasks of one session one at a time, in order, whoever asks', async () => {
    const a = sessionLock('session-1');
    const b = sessionLock('session-1');
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

  it('does not queue another session behind a task', async () => {
    const { gate, open } = later();
    const held = sessionLock('session-2')(() => gate);
    expect(await sessionLock('session-3')(() => Promise.resolve(1))).toBe(1);
    open();
    await held;
  });

  it('lets a caller leave the queue when its signal aborts; its task never runs', async () => {
    const lock = sessionLock('session-4');
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
    const lock = sessionLock('session-4');
    await expect(lock(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock(() => Promise.resolve('next'))).toBe('next');
  });
});
