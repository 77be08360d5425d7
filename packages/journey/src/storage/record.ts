import { JourneyError, userError } from '../errors';
import { parseJson } from '../http/json';
import type { KeyValueStorage } from './types';

/** Version of the stored records' layout; a record of another version reads as absent. */
export const RECORD_VERSION = 1;

/**
 * One typed, versioned JSON record in a KeyValueStorage. Storage is the source of truth (another
 * client may share it), so every read goes to storage; the parsed value is cached by its raw text
 * so an unchanged record is not parsed twice. An unreadable record reads as absent and is reported.
 */
export interface StoredRecord<T> {
  readonly key: string;
  read(): Promise<T | null>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
}

export function storedRecord<T>(
  storage: KeyValueStorage,
  key: string,
  kind: string,
  isValid: (data: unknown) => data is T,
  report: (key: string, error: JourneyError) => void,
): StoredRecord<T> {
  let cached: { raw: string; value: T | null } | undefined;

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
      let raw: string | null | undefined;
      try {
        raw = await storage.getItem(key);
      } catch (cause) {
        report(key, storageError(`Could not read the ${kind} record`, cause));
        return null;
      }
      if (typeof raw !== 'string') return null;
      if (cached?.raw !== raw) cached = { raw, value: parse(raw) };
      return cached.value;
    },
    async write(value) {
      const raw = JSON.stringify({ v: RECORD_VERSION, kind, data: value });
      try {
        await storage.setItem(key, raw);
      } catch (cause) {
        const error = storageError(`Could not save the ${kind} record`, cause);
        report(key, error);
        throw error;
      }
      cached = { raw, value };
    },
    async remove() {
      cached = undefined;
      try {
        await storage.removeItem(key);
      } catch (cause) {
        report(key, storageError(`Could not remove the ${kind} record`, cause));
      }
    },
  };
}

function storageError(message: string, cause?: unknown): JourneyError {
  return userError('storage_error', message, { cause });
}
