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

/** From most to least severe: a level lets through its own messages and those before it. */
const levels = ['error', 'warn', 'info', 'debug'] as const;
const rank = (level: LogLevel) => (levels as readonly LogLevel[]).indexOf(level); // 'none': -1
const prefix = '[journeykit]';

let loggers = 0;

/**
 * Creates a logger for `createJourneyClient({ logger })`. The default level is 'none'.
 * Errors go to `console.log`, as in rn-logger, so React Native's LogBox does not take over the screen.
 */
export function logger(config: { level?: LogLevel; custom?: CustomLogger } = {}): LoggerInstance {
  let level = config.level ?? 'none';
  const instance = {
    nativeHandle: { id: `journeykit-logger-${++loggers}` },
    changeLevel: (l: LogLevel) => {
      level = l;
    },
  } as LoggerInstance;
  levels.forEach((name, i) => {
    const sink =
      config.custom?.[name] ??
      ((...a: unknown[]) => console[name === 'error' ? 'log' : name](...a));
    instance[name] = (...args) => {
      if (i <= rank(level)) sink(prefix, ...args);
    };
  });
  return instance;
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
  /** Masks the secrets in the message of an error (or node) the app is about to see. */
  hide<E extends { message: string } | undefined>(error: E): E;
}

const masked = '[redacted]';
/** Enough for several sessions' worth of tokens, codes and passwords, so a long-lived client does not grow. */
const remembered = 64;

export function createLog(instance: LoggerInstance): Log {
  const secrets = new Set<string>();
  const mask = (text: string) => {
    for (const s of secrets) text = text.split(s).join(masked);
    return text;
  };
  const log = {
    hide: (error) => {
      if (error) error.message = mask(error.message);
      return error;
    },
    secret: (...values) => {
      // Short values would mask ordinary words; real secrets are long.
      for (const v of values)
        if (v && v.length >= 8) {
          secrets.delete(v);
          secrets.add(v);
          if (secrets.size > remembered) secrets.delete(secrets.values().next().value!);
        }
    },
  } as Log;
  for (const name of levels)
    log[name] = (message, facts) =>
      instance[name](mask(facts === undefined ? message : `${message} ${safeJson(facts)}`));
  return log;
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
