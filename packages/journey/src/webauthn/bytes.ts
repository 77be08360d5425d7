/** Bytes from AM's signed ones (Java's `byte`, as in `new Int8Array([..])`). */
export const fromSigned = (values: unknown): Uint8Array => {
  if (!Array.isArray(values) || !values.every((v) => Number.isInteger(v)))
    throw new TypeError('a credential id is not a list of bytes');
  return Uint8Array.from(values as number[], (v) => v & 255);
};

/** Bytes as AM reads them: signed, comma-separated (`new Int8Array(buffer).toString()`). */
export const toSigned = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(new Uint8Array(bytes), (b) => (b << 24) >> 24).join(',');

/** The bytes of base64 (AM's challenge) or base64url (a passkey module's JSON). */
export function fromBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.replace(/=+$/, '')) {
    const v = alphabet.indexOf(ch === '-' ? '+' : ch === '_' ? '/' : ch);
    if (v < 0) throw new TypeError('not base64');
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 255);
    }
  }
  return Uint8Array.from(out);
}

/** UTF-8 text of bytes (clientDataJSON, a user handle), without TextDecoder (Hermes has none). */
export function utf8(bytes: ArrayBuffer | Uint8Array): string {
  let escaped = '';
  for (const b of new Uint8Array(bytes)) escaped += `%${(b | 256).toString(16).slice(1)}`;
  return decodeURIComponent(escaped);
}
