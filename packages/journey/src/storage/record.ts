import { JourneyError, userError } from '../errors';
import { parseJson } from '../http/json';
import type { KeyValueStorage } from './types';

/** Version of the stored records' layout; a record of another version reads as absent. */
export const RECORD_VERSION = 1;

/**
 * One typed, versioned JSON record in a KeyValueStorage. Storage is the source of truth (another
 * client may share it), so every read goes to storage; the parsed value is cached by its raw text
 * so an unchanged record is not parsed twice. An unreadable record reads as absent and is reported.
 * Every storage call is bounded by `timeout` ms. When storage fails to save or remove, what this
 * client meant to keep is held in memory instead (a removed record as a tombstone) and read back
 * until storage takes a write again: forgotten tokens are never handed out, new ones never lost.
 */
export interface StoredRecord<T> {
  readonly key: string;
  read(): Promise<T | null>;
  write(value: T): Promise<void>;
  /** Resolves the storage failure it reported, if any; the record reads as absent either way. */
  remove(): Promise<JourneyError | undefined>;
}

export function storedRecord<T>(
  storage: KeyValueStorage,
  key: string,
  kind: string,
  isValid: (data: unknown) => data is T,
  report: (key: string, error: JourneyError) => void,
  timeout = 10_000,
): StoredRecord<T> {
  let cached: { raw: string; value: T | null } | undefined;
  let held: { value: T | null } | undefined;
  /** A storage call, settled within `timeout` ms; what fails is reported as a storage_error. */
  const call = async <R>(what: string, task: () => unknown): Promise<R> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return (await Promise.race([
        task(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer in ${timeout} ms`)), timeout);
        }),
      ])) as R;
    } catch (cause) {
      const error = storageError(`Could not ${what} the ${kind} record`, cause);
      report(key, error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  const parse = (raw: string): T | null => {
    const envelope = parseJson(raw) as { v?: unknown; kind?: unknown; data?: unknown } | undefined;
    if (envelope?.v === RECORD_VERSION && envelope.kind === kind && isValid(envelope.data))
      return envelope.data;
    report(key, storageError(`Ignored an unreadable ${kind} record in storage`));
    return null;
  };

  return {
    key,
    async read() {
      if (held) return held.value;
      const raw = await call<unknown>('read', () => storage.getItem(key)).catch(() => null);
      if (typeof raw !== 'string') return null;
      if (cached?.raw !== raw) cached = { raw, value: parse(raw) };
      return cached.value;
    },
    async write(value) {
      const raw = JSON.stringify({ v: RECORD_VERSION, kind, data: value });
      held = { value };
      await call('save', () => storage.setItem(key, raw));
      held = undefined;
      cached = { raw, value };
    },
    async remove() {
      cached = undefined;
      held = { value: null };
      try {
        await call('remove', () => storage.removeItem(key));
        held = undefined;
      } catch (error) {
        return error as JourneyError;
      }
    },
  };
}

function storageError(message: string, cause?: unknown): JourneyError {
  return userError('storage_error', message, { cause });
}
