import { describe, expect, it } from 'vitest';
import type { JourneyError } from '../errors';
import { memoryStorage } from './memory';
import { storedRecord } from './record';

const isName = (d: unknown): d is { name: string } =>
  typeof (d as { name?: unknown })?.name === 'string';

describe('stored records', () => {
  it('round-trips a versioned record', async () => {
    const storage = memoryStorage();
    const record = storedRecord(storage, 'k', 'thing', isName, () => {});
    await record.write({ name: 'x' });
    expect(await storage.getItem('k')).toBe('{"v":1,"kind":"thing","data":{"name":"x"}}');
    expect(await record.read()).toEqual({ name: 'x' });
    await record.remove();
    expect(await record.read()).toBeNull();
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['another version', '{"v":2,"kind":"thing","data":{"name":"x"}}'],
    ['another kind', '{"v":1,"kind":"tokens","data":{"name":"x"}}'],
    ['bad data', '{"v":1,"kind":"thing","data":{"name":7}}'],
  ])('reads %s as absent and reports it', async (_n, raw) => {
    const storage = memoryStorage();
    await storage.setItem('k', raw);
    const reports: JourneyError[] = [];
    const record = storedRecord(storage, 'k', 'thing', isName, (_k, e) => reports.push(e));
    expect(await record.read()).toBeNull();
    expect(reports.map((e) => e.type)).toEqual(['storage_error']);
    expect(await storage.getItem('k')).toBe(raw);
  });

  it('reads what another client wrote to the same storage', async () => {
    const storage = memoryStorage();
    const a = storedRecord(storage, 'k', 'thing', isName, () => {});
    const b = storedRecord(storage, 'k', 'thing', isName, () => {});
    await a.write({ name: 'one' });
    expect(await b.read()).toEqual({ name: 'one' });
    await b.write({ name: 'two' });
    expect(await a.read()).toEqual({ name: 'two' });
  });

  it('survives a storage that throws', async () => {
    const reports: string[] = [];
    const broken = {
      getItem: () => Promise.reject(new Error('disk')),
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => Promise.reject(new Error('x')),
    };
    const record = storedRecord(broken, 'k', 'thing', isName, (_k, e) => reports.push(e.message));
    expect(await record.read()).toBeNull();
    await expect(record.write({ name: 'x' })).rejects.toMatchObject({ type: 'storage_error' });
    await record.remove();
    expect(reports).toHaveLength(3);
  });
});
