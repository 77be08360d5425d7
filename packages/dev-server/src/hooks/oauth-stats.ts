/** Token-endpoint requests the provider handled, by grant type. */
export interface GrantCounts {
  authorization_code: number;
  refresh_token: number;
}

export interface EndSessionRecord {
  readonly idTokenHintValid: boolean;
  /** The hint's subject, when it was valid. */
  readonly sub?: string;
  /** AM sessions ended by the call (0 or 1: the one the id_token names). */
  readonly sessionsEnded: number;
}

/** The OAuth side's counters, for tests asserting on what the server saw. */
export class OAuthStats {
  readonly grants: GrantCounts = { authorization_code: 0, refresh_token: 0 };
  /** Grants revoked because a rotated (consumed) refresh token was replayed. */
  reuseDetections = 0;
  /** `/token/revoke` calls answered 200. */
  revocations = 0;
  readonly endSessions: EndSessionRecord[] = [];

  reset(): void {
    this.grants.authorization_code = 0;
    this.grants.refresh_token = 0;
    this.reuseDetections = 0;
    this.revocations = 0;
    this.endSessions.length = 0;
  }
}
