import { setTimeout as sleep } from 'node:timers/promises';

import type { AppContext, AppMiddleware } from '../http/context.js';
import type { RouteName } from './route-names.js';

/** Answer with this status instead of running the handler, e.g. 503 with an HTML page, 429 with `Retry-After`. */
export interface StatusFault {
  status: number;
  /** A string is sent as is; anything else as JSON. Omitted: Koa's status text. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}
/** Wait, then run the real handler. */
export interface DelayFault {
  delayMs: number;
}
/** 200 with `Content-Type: application/json` and a body that is not JSON. */
export interface MalformedJsonFault {
  malformedJson: true;
}
/**
 * Run the real handler (its side effects happen), send its status, headers and the first half of its body
 * with a `Content-Length` for the whole body, then cut the connection. An empty body is cut before anything.
 */
export interface TruncateFault {
  truncate: true;
}
/**
 * Run the real handler (its side effects happen), then send its status, headers and the first half
 * of its body as a complete response: valid HTTP carrying cut-off JSON.
 */
export interface HalfBodyFault {
  halfBody: true;
}
/** Destroy the socket without a response; the handler does not run. */
export interface DropFault {
  drop: true;
}

export type Fault = (
  StatusFault | DelayFault | MalformedJsonFault | TruncateFault | HalfBodyFault | DropFault
) & {
  /** Apply to the next N requests of the route, then stop. Default: until `clearFaults()`. */
  times?: number;
};

export type FaultKind = 'status' | 'delay' | 'malformedJson' | 'truncate' | 'halfBody' | 'drop';

const MALFORMED_JSON = '{"code":200,"message":"half an object",';

/** One armed fault per route; injecting again replaces it. */
export class FaultInjector {
  readonly #armed = new Map<RouteName, { fault: Fault; remaining: number }>();

  inject(route: RouteName, fault: Fault): void {
    const remaining = fault.times ?? Infinity;
    if (!(remaining >= 1))
      throw new TypeError(`times must be at least 1, got ${String(fault.times)}`);
    this.#armed.set(route, { fault, remaining });
  }

  clear(): void {
    this.#armed.clear();
  }

  /** Runs after CORS and before the handlers. Preflights pass untouched, so the fault hits the real request. */
  middleware(): AppMiddleware {
    return async (ctx, next) => {
      const fault = ctx.method === 'OPTIONS' ? undefined : this.#take(ctx.state.route);
      if (fault === undefined) {
        await next();
      } else {
        ctx.state.fault = kindOf(fault);
        await apply(ctx, fault, next);
      }
    };
  }

  #take(route: RouteName): Fault | undefined {
    const armed = this.#armed.get(route);
    if (armed === undefined) return undefined;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.#armed.delete(route);
    return armed.fault;
  }
}

function kindOf(fault: Fault): FaultKind {
  if ('delayMs' in fault) return 'delay';
  if ('malformedJson' in fault) return 'malformedJson';
  if ('truncate' in fault) return 'truncate';
  if ('halfBody' in fault) return 'halfBody';
  if ('drop' in fault) return 'drop';
  return 'status';
}

async function apply(ctx: AppContext, fault: Fault, next: () => Promise<unknown>): Promise<void> {
  if ('delayMs' in fault) {
    await sleep(fault.delayMs);
    // A client that gave up during the delay gets nothing: its request body is gone, so a handler
    // would answer a request that was never whole (oidc-provider warns on reading it).
    if (ctx.req.destroyed) ctx.respond = false;
    else await next();
  } else if ('drop' in fault) {
    ctx.respond = false;
    ctx.req.socket.destroy();
  } else if ('malformedJson' in fault) {
    ctx.status = 200;
    ctx.set('Content-Type', 'application/json');
    ctx.body = MALFORMED_JSON;
  } else if ('truncate' in fault) {
    await next();
    sendTruncated(ctx);
  } else if ('halfBody' in fault) {
    await next();
    const body = bodyBytes(ctx.body);
    ctx.body = body.subarray(0, Math.floor(body.length / 2));
  } else {
    ctx.status = fault.status;
    ctx.set(fault.headers ?? {});
    if (fault.contentType !== undefined) ctx.set('Content-Type', fault.contentType);
    if (fault.body !== undefined) ctx.body = fault.body;
  }
}

function sendTruncated(ctx: AppContext): void {
  const body = bodyBytes(ctx.body);
  ctx.respond = false;
  if (body.length === 0) {
    ctx.req.socket.destroy();
    return;
  }
  ctx.res.writeHead(ctx.status, { ...ctx.response.headers, 'content-length': String(body.length) });
  ctx.res.write(body.subarray(0, Math.floor(body.length / 2)), () => ctx.req.socket.destroy());
}

function bodyBytes(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.from(JSON.stringify(body));
}
