// JSON the SDK reads from servers and storage, checked before it is trusted.

/** Deeper than any reply or record of ours; deeper JSON would overflow the stack of whoever walks it. */
const MAX_DEPTH = 64;

/** The value of JSON text, or undefined when it is not JSON or nests deeper than MAX_DEPTH. */
export function parseJson(text: string): unknown {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return undefined;
    } else if (c === ']' || c === '}') depth--;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How a field is checked: `text` a non-empty string, `string` any string, `number` a finite
 * number, `object` a JSON object; with `?` the field may also be absent.
 */
export type FieldCheck = 'text' | 'string' | 'string?' | 'number?' | 'object?';

/** The first field of `value` that does not fit `shape`; undefined when all do. */
export function misfit(
  value: Record<string, unknown>,
  shape: Record<string, FieldCheck>,
): string | undefined {
  return Object.keys(shape).find((key) => {
    const v = value[key];
    const check = shape[key]!;
    if (v === undefined) return !check.endsWith('?');
    if (check.startsWith('number')) return !Number.isFinite(v);
    if (check.startsWith('object')) return !isObject(v);
    return typeof v !== 'string' || (check === 'text' && !v);
  });
}
