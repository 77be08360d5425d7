export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'none';

type LogMethod = (...args: unknown[]) => unknown;

/** Sinks an app supplies instead of the console; any of them may be left out. */
export interface CustomLogger {
  debug?: LogMethod;
  info?: LogMethod;
  warn?: LogMethod;
  error?: LogMethod;
}

/** The logger shape of `@ping-identity/rn-logger`. */
export interface LoggerInstance {
  nativeHandle: { id: string };
  changeLevel(level: LogLevel): void;
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

const rank: Record<LogLevel, number> = { none: -1, error: 0, warn: 1, info: 2, debug: 3 };
const prefix = '[journeykit]';

let loggers = 0;

/**
 * Creates a logger for `createJourneyClient({ logger })`. The default level is 'none'.
 * Errors go to `console.log`, as in rn-logger, so React Native's LogBox does not take over the screen.
 */
export function logger(config: { level?: LogLevel; custom?: CustomLogger } = {}): LoggerInstance {
  let level = config.level ?? 'none';
  const sinks: Required<CustomLogger> = {
    debug: config.custom?.debug ?? ((...a) => console.debug(...a)),
    info: config.custom?.info ?? ((...a) => console.info(...a)),
    warn: config.custom?.warn ?? ((...a) => console.warn(...a)),
    error: config.custom?.error ?? ((...a) => console.log(...a)),
  };
  const at =
    (l: Exclude<LogLevel, 'none'>) =>
    (...args: unknown[]) => {
      if (rank[l] <= rank[level]) sinks[l](prefix, ...args);
    };
  return {
    nativeHandle: { id: `journeykit-logger-${++loggers}` },
    changeLevel: (l) => {
      level = l;
    },
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
  };
}

/** A logger that drops everything: the default. */
export const noopLogger: LoggerInstance = logger();

/**
 * The SDK's own view of the logger: it remembers every secret the client handles (SSO token,
 * tokens, codes, passwords) and masks them in anything logged, as a second line of defence behind
 * never passing them in the first place.
 */
export interface Log {
  debug(message: string, facts?: Record<string, unknown>): void;
  info(message: string, facts?: Record<string, unknown>): void;
  warn(message: string, facts?: Record<string, unknown>): void;
  error(message: string, facts?: Record<string, unknown>): void;
  /** Registers values that must never be written out. */
  secret(...values: (string | undefined | null)[]): void;
}

const masked = '[redacted]';

export function createLog(instance: LoggerInstance): Log {
  const secrets = new Set<string>();
  const redact = (text: string): string => {
    let out = text;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(masked);
    return out;
  };
  const emit =
    (l: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, facts?: Record<string, unknown>) => {
      const line = facts === undefined ? message : `${message} ${safeJson(facts)}`;
      instance[l](redact(line));
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    secret: (...values) => {
      // Short values would mask ordinary words; real secrets are long.
      for (const v of values) if (v && v.length >= 8) secrets.add(v);
    },
  };
}

function safeJson(facts: Record<string, unknown>): string {
  try {
    return JSON.stringify(facts, (_k, v: unknown) =>
      v instanceof Error ? { name: v.name, message: v.message } : v,
    );
  } catch {
    return '{}';
  }
}
