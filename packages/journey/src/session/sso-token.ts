import { isObject } from '../http/transport';
import type { StoredRecord } from '../storage/record';

/** The AM session a journey created (rn-journey `ssoToken()`). */
export interface SsoToken {
  value: string;
  successUrl: string;
  realm: string;
}

export function isSsoToken(data: unknown): data is SsoToken {
  return (
    isObject(data) &&
    typeof data.value === 'string' &&
    data.value.length > 0 &&
    typeof data.successUrl === 'string' &&
    typeof data.realm === 'string'
  );
}

export type SsoTokenRecord = StoredRecord<SsoToken>;
