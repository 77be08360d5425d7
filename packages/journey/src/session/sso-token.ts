import { isObject, misfit } from '../http/json';
import type { StoredRecord } from '../storage/record';

/** The AM session a journey created (rn-journey `ssoToken()`). */
export interface SsoToken {
  value: string;
  successUrl: string;
  realm: string;
}

export function isSsoToken(data: unknown): data is SsoToken {
  return isObject(data) && !misfit(data, { value: 'text', successUrl: 'string', realm: 'string' });
}

export type SsoTokenRecord = StoredRecord<SsoToken>;
