import type { AppContext } from './context.js';

const MAX_BODY_BYTES = 1_000_000;

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: 'malformed' | 'unsupportedMediaType' | 'tooLarge' };

/**
 * Reads a JSON request body. A missing or blank body reads as `undefined` (AM treats it like `{}`);
 * a non-blank body with a non-JSON `Content-Type` is refused, as AM does (am-protocol §2.4).
 */
export async function readJsonBody(ctx: AppContext): Promise<JsonBody> {
  const text = await readText(ctx);
  if (text === undefined) return { ok: false, problem: 'tooLarge' };
  if (text.trim() === '') return { ok: true, value: undefined };
  if (ctx.get('Content-Type') !== '' && !ctx.is('json')) {
    return { ok: false, problem: 'unsupportedMediaType' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'malformed' };
  }
}

async function readText(ctx: AppContext): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
