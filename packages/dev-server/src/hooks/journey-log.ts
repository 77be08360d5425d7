import type { JsonValue } from '../journeys/types.js';

/** One input of a submitted page as the server received it. */
export interface ReceivedInput {
  /** `IDToken<N><suffix>`. */
  readonly name: string;
  /** The JSON type received, or `missing` when the client left the input out. */
  readonly type: 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'missing';
  /** The value, except for transient inputs (passwords, answers), which are never recorded. */
  readonly value?: JsonValue;
}

/** One `authenticate` request of a journey: what came in and where the journey went. */
export interface JourneyStepRecord {
  readonly journey: string;
  /** The page submitted; absent when the request started or resumed the journey. */
  readonly page?: string;
  /** The page's declared inputs, in page order. */
  readonly inputs: readonly ReceivedInput[];
  /** Names of the cookies the request carried. */
  readonly cookies: readonly string[];
  /** The page the journey went to, or `success` / `failure`. */
  readonly result: string;
}

export function jsonType(value: JsonValue | undefined): ReceivedInput['type'] {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean' | 'object';
}
