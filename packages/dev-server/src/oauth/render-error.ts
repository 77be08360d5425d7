import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';

/**
 * Authorize errors that must not redirect (unknown client, unregistered redirect_uri) as JSON
 * instead of oidc-provider's HTML page, in AM's words where AM's differ (am-protocol §6.2).
 */
export function renderErrorAsJson(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'json';
  ctx.body =
    out.error === 'invalid_redirect_uri'
      ? {
          error: 'redirect_uri_mismatch',
          error_description: 'The redirection URI provided does not match a pre-registered value.',
        }
      : { error: out.error, error_description: out.error_description };
}
