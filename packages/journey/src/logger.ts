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
  /**
   * Masks the secrets in an error (or node) the app is about to see: its message, `oauthError`,
   * the messages of its causes and, for an ErrorNode, every text of the server's reply.
   */
  hide<E extends { message: string } | undefined>(error: E): E;
}

const masked = '[redacted]';
/** Enough for several sessions' worth of tokens, codes and passwords, so a long-lived client does not grow. */
const remembered = 64;

export function createLog(instance: LoggerInstance): Log {
  const secrets = new Set<string>();
  // As sent and as a URL carries it.
  const mask = (text: string) => {
    for (const s of secrets)
      for (const form of [s, encodeURIComponent(s)]) text = text.split(form).join(masked);
    return text;
  };
  const maskAll = (value: unknown): unknown =>
    typeof value === 'string'
      ? mask(value)
      : Array.isArray(value)
        ? value.map(maskAll)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAll(v)]))
          : value;
  const log = {
    hide: (error) => {
      const e = error as { input?: unknown; oauthError?: string; cause?: unknown } | undefined;
      if (!error || !e) return error;
      error.message = mask(error.message);
      if (e.input) e.input = maskAll(e.input);
      if (e.oauthError) Object.assign(e, { oauthError: mask(e.oauthError) });
      for (let c = e.cause; c instanceof Error; c = (c as { cause?: unknown }).cause)
        c.message = mask(c.message);
      return error;
    },
    secret: (...values) => {
      // Any length: a password of three characters is as secret as a token.
      for (const v of values)
        if (v) {
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
