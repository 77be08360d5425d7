import { JourneyError, type JourneyNode, type KeyValueStorage } from '@journeykit/journey';
import {
  answerOf,
  findCallbacks,
  inputName,
  outputOf,
  text,
  type CallbackAnswer,
  type FoundCallback,
} from '../integrations/callbacks';

/** What a DeviceProfileCallback asks for (AM's `metadata` and `location` outputs). */
export interface DeviceProfileRequest {
  metadata: boolean;
  location: boolean;
  /** What the journey says while collecting ("Collecting profile ..."). */
  message: string;
}

/** Coordinates, as AM stores them. */
export interface DeviceLocation {
  latitude: number;
  longitude: number;
}

/** The JSON AM's Device Profile Collector node takes. */
export interface DeviceProfile {
  /** Stable for this app on this device (kept in the app's storage). */
  identifier: string;
  alias?: string;
  /** When the callback asks for metadata: `hardware`, `platform` (and `browser` on the web). */
  metadata?: Record<string, unknown>;
  /** When the callback asks for it and the user granted it. */
  location?: DeviceLocation;
}

/** What a runtime knows about the device; `location` is only called when the journey asks for it. */
export interface DeviceSource {
  metadata(): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The position, or null when it is not granted or not available. */
  location?(): Promise<DeviceLocation | null>;
}

export interface DeviceProfileOptions {
  source: DeviceSource;
  /** Where the device identifier is kept: the client's storage (webStorage, secureStoreStorage, fileStorage…). */
  storage: KeyValueStorage;
  /** A name for the device the user may recognise. */
  alias?: string;
  /** Random numbers for a new identifier; default `crypto.getRandomValues` (React Native: pass one). */
  getRandomValues?: (array: Uint32Array) => Uint32Array;
}

/** The storage key of the device identifier. */
export const DEVICE_ID_KEY = 'journeykit.device-id';

/** The node's DeviceProfileCallbacks. */
export const deviceProfileCallbacks = (node: JourneyNode | null | undefined): FoundCallback[] =>
  findCallbacks(node, (cb) => cb.type === 'DeviceProfileCallback');

/** What the callback asks for. */
export function deviceProfileRequest({ callback }: FoundCallback): DeviceProfileRequest {
  return {
    metadata: outputOf(callback.raw, 'metadata') === true,
    location: outputOf(callback.raw, 'location') === true,
    message: text(outputOf(callback.raw, 'message')),
  };
}

const failure = (message: string, cause?: unknown) =>
  new JourneyError('JOURNEY_NEXT_ERROR', 'state_error', message, { cause });

/** The identifier kept in storage; a new one (three random 32-bit numbers) the first time. */
export async function deviceIdentifier(options: DeviceProfileOptions): Promise<string> {
  const stored = await options.storage.getItem(DEVICE_ID_KEY);
  if (stored) return stored;
  const array = new Uint32Array(3);
  if (options.getRandomValues) options.getRandomValues(array);
  else if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(array);
  else throw failure('No random source for a device identifier: pass getRandomValues');
  const id = Array.from(array).join('-');
  await options.storage.setItem(DEVICE_ID_KEY, id);
  return id;
}

const isCoordinate = (v: unknown, limit: number) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit;

/** Collects what the request asks for: metadata if asked, location if asked and granted. */
export async function collectDeviceProfile(
  request: DeviceProfileRequest,
  options: DeviceProfileOptions,
): Promise<DeviceProfile> {
  const profile: DeviceProfile = { identifier: await deviceIdentifier(options) };
  if (options.alias) profile.alias = options.alias;
  try {
    if (request.metadata) profile.metadata = await options.source.metadata();
    const position = request.location ? await options.source.location?.() : null;
    if (position && isCoordinate(position.latitude, 90) && isCoordinate(position.longitude, 180))
      profile.location = { latitude: position.latitude, longitude: position.longitude };
  } catch (error) {
    throw failure('The device profile could not be collected', error);
  }
  return profile;
}

/** The form value (and `next()` inputs) that sends this profile: AM's JSON, as a string. */
export function deviceProfileAnswer(found: FoundCallback, profile: DeviceProfile): CallbackAnswer {
  const name = inputName(found.callback.raw, '');
  if (!name) throw failure('The DeviceProfileCallback has no input');
  return answerOf(found, { [name]: JSON.stringify(profile) });
}

/**
 * Collects and answers every DeviceProfileCallback of the node:
 * `client.next({ callbacks: await answerDeviceProfile(node, options) })`.
 */
export async function answerDeviceProfile(
  node: JourneyNode | null | undefined,
  options: DeviceProfileOptions,
): Promise<CallbackAnswer[]> {
  const answers: CallbackAnswer[] = [];
  for (const found of deviceProfileCallbacks(node))
    answers.push(
      deviceProfileAnswer(found, await collectDeviceProfile(deviceProfileRequest(found), options)),
    );
  return answers;
}
