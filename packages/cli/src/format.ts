/** Enough of a secret to tell two apart on screen, never the whole of it. */
export function shorten(secret: string | undefined): string {
  if (!secret) return '(none)';
  return secret.length <= 12
    ? '••••'
    : `${secret.slice(0, 6)}…${secret.slice(-4)} (${secret.length} chars)`;
}

export function expiry(expiresAt: number | undefined, now = Date.now()): string {
  if (expiresAt === undefined) return 'no expiry given';
  const seconds = Math.round((expiresAt - now) / 1000);
  return seconds > 0
    ? `expires in ${seconds} s (${new Date(expiresAt).toLocaleTimeString()})`
    : 'expired';
}

export function claims(userInfo: Record<string, unknown> | null | undefined): string {
  if (!userInfo) return '(none)';
  return Object.entries(userInfo)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');
}
