// Base64url by hand: Hermes has neither atob/btoa nor TextEncoder/TextDecoder.

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url of `bytes` (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    for (let shift = 18; shift >= 0; shift -= 6) out += alphabet.charAt((n >> shift) & 63);
  }
  // Without padding: the characters that carry the last bytes' bits, no more.
  return out.slice(0, Math.ceil((bytes.length * 4) / 3));
}

/**
 * The UTF-8 text that base64url (or base64, padded or not) encodes, as in a JWT; null when either
 * layer is invalid. The bytes become `%XX` escapes, so `decodeURIComponent` does the UTF-8 part.
 */
export function base64Text(text: string): string | null {
  let escaped = '';
  let bits = 0;
  let value = 0;
  for (const ch of text.replace(/=+$/, '')) {
    const v = alphabet.indexOf(ch === '+' ? '-' : ch === '/' ? '_' : ch);
    if (v < 0) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      escaped += `%${(((value >> bits) & 255) | 256).toString(16).slice(1)}`;
    }
  }
  try {
    return decodeURIComponent(escaped);
  } catch {
    return null;
  }
}

/** The bytes of ASCII text (a PKCE verifier: RFC 7636 hashes `ASCII(code_verifier)`). */
export const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
