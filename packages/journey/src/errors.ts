/** Error categories, as in Ping's SDKs (`type` of a PingError). */
export type ErrorType =
  | 'abort_error'
  | 'argument_error'
  | 'auth_error'
  | 'exchange_error'
  | 'internal_error'
  | 'network_error'
  | 'parse_error'
  | 'state_error'
  | 'storage_error'
  | 'unknown_error'
  | 'wellknown_error';

/** The stable codes of rn-journey's JourneyError, one per failing operation or misuse. */
export type JourneyErrorCode =
  | 'JOURNEY_CONFIG_ERROR'
  | 'JOURNEY_INIT_ERROR'
  | 'JOURNEY_START_ERROR'
  | 'JOURNEY_NEXT_ERROR'
  | 'JOURNEY_RESUME_ERROR'
  | 'JOURNEY_USER_ERROR'
  | 'JOURNEY_LOGOUT_ERROR'
  | 'JOURNEY_DISPOSE_ERROR'
  | 'JOURNEY_STATE_ERROR'
  | 'JOURNEY_CALLBACK_APPLY_ERROR'
  | 'JOURNEY_UNSUPPORTED_CALLBACK_ERROR'
  | 'JOURNEY_MISSING_INTEGRATION_ERROR';

export interface JourneyErrorDetails {
  status?: number;
  cause?: unknown;
  /** True when the same call may succeed later (network, timeout, 5xx, 429); nothing was dropped. */
  retryable?: boolean;
  /** The OAuth 2.0 `error` code the server answered with, e.g. `invalid_grant`. */
  oauthError?: string;
  /** Seconds the server asked us to wait (`Retry-After`). */
  retryAfter?: number;
}

/** Base of every journeykit error, shaped like `@ping-identity/rn-types`' PingError. */
export class PingError extends Error {
  // Declared, not defined: an unset `status` is no own property (and ES2020 output needs no helper).
  declare readonly code: string;
  declare readonly type: ErrorType;
  declare readonly status?: number;

  constructor(message: string, code: string, type: ErrorType, status?: number) {
    super(message);
    this.name = 'PingError';
    this.code = code;
    this.type = type;
    if (status !== undefined) this.status = status;
    // Hermes and ES5 output lose the subclass prototype of Error without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Every rejection of a journeykit client is a JourneyError. */
export class JourneyError extends PingError {
  declare readonly code: JourneyErrorCode;
  declare readonly retryable: boolean;
  declare readonly oauthError?: string;
  declare readonly retryAfter?: number;
  declare readonly cause?: unknown;

  /** Ping's order: `(message, code, type, status?)`; details (status, cause, …) may replace status. */
  constructor(
    message: string,
    code: JourneyErrorCode,
    type: ErrorType,
    details: JourneyErrorDetails | number = {},
  ) {
    super(message, code, type);
    this.name = 'JourneyError';
    this.retryable = false;
    // The details given become properties; the ones left out stay absent.
    const given = typeof details === 'number' ? { status: details } : details;
    for (const [key, value] of Object.entries(given) as [string, unknown][])
      if (value !== undefined) Object.assign(this, { [key]: value });
  }

  /** Normalises anything thrown into a JourneyError carrying `code` (kept if already one). */
  static from(raw: unknown, code: JourneyErrorCode = 'JOURNEY_USER_ERROR'): JourneyError {
    if (raw instanceof JourneyError) return raw;
    const message = raw instanceof Error ? raw.message : String(raw);
    return new JourneyError(message, code, 'unknown_error', { cause: raw });
  }
}

/** A failure of a session method (`JOURNEY_USER_ERROR`), the code most of the SDK's errors carry. */
export const userError = (type: ErrorType, message: string, details?: JourneyErrorDetails) =>
  new JourneyError(message, 'JOURNEY_USER_ERROR', type, details);
