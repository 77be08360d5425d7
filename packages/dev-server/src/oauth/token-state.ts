import type Provider from 'oidc-provider';

/** Server-side truth for tests: would the provider still accept this token? */
export class TokenState {
  readonly #provider: Provider;

  constructor(provider: Provider) {
    this.#provider = provider;
  }

  async isAccessTokenActive(value: string): Promise<boolean> {
    const token = await this.#provider.AccessToken.find(value);
    return token !== undefined && (await this.#grantExists(token.grantId));
  }

  /** A rotated refresh token is consumed: found, but no longer accepted. */
  async isRefreshTokenActive(value: string): Promise<boolean> {
    const token = await this.#provider.RefreshToken.find(value);
    return token !== undefined && !token.consumed && (await this.#grantExists(token.grantId));
  }

  async #grantExists(grantId: string | undefined): Promise<boolean> {
    return grantId !== undefined && (await this.#provider.Grant.find(grantId)) !== undefined;
  }
}
