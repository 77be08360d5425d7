import { STATUS_CODES } from 'node:http';

import type { AppContext } from '../http/context.js';

/** The shape of every AM (CREST) error: `{code, reason, message, detail?}` (am-protocol §3.6). */
export interface AmErrorBody {
  code: number;
  reason: string;
  message: string;
  detail?: Record<string, unknown>;
}

export function amErrorBody(
  status: number,
  message: string,
  detail?: Record<string, unknown>,
): AmErrorBody {
  return {
    code: status,
    reason: STATUS_CODES[status] ?? 'Error',
    message,
    ...(detail === undefined ? {} : { detail }),
  };
}

export function sendAmError(
  ctx: AppContext,
  status: number,
  message: string,
  detail?: Record<string, unknown>,
): void {
  ctx.status = status;
  ctx.body = amErrorBody(status, message, detail);
}
