/** A credential the ceremony names: an id the server knows. */
export interface CredentialDescriptor {
  type: 'public-key';
  id: Uint8Array;
}

/** `PublicKeyCredentialCreationOptions` as AM's registration node asks for them. */
export interface CreationOptions {
  challenge: Uint8Array;
  rp: { name: string; id?: string };
  user: { id: Uint8Array; name: string; displayName: string };
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout?: number;
  attestation?: string;
  authenticatorSelection?: Record<string, unknown>;
  excludeCredentials?: CredentialDescriptor[];
  extensions?: Record<string, unknown>;
}

/** `PublicKeyCredentialRequestOptions` as AM's authentication node asks for them. */
export interface RequestOptions {
  challenge: Uint8Array;
  timeout?: number;
  rpId?: string;
  allowCredentials?: CredentialDescriptor[];
  userVerification?: string;
}

type Buffer = ArrayBuffer | Uint8Array;

/** What a ceremony gives back: a `PublicKeyCredential`, or anything of its shape. */
export interface WebAuthnCredential {
  id: string;
  authenticatorAttachment?: string | null;
  response: {
    clientDataJSON: Buffer;
    /** Registration. */
    attestationObject?: Buffer;
    /** Authentication. */
    authenticatorData?: Buffer;
    signature?: Buffer;
    userHandle?: Buffer | null;
  };
}

/**
 * Runs the ceremonies: `navigator.credentials` in a browser, `passkeyModule(...)` on React Native,
 * a software authenticator in Node. Failures reject with an error whose `name` says why
 * (`NotAllowedError` when the user cancels, as a browser's DOMException).
 */
export interface WebAuthnAuthenticator {
  create(options: { publicKey: CreationOptions; signal?: AbortSignal }): Promise<unknown>;
  get(options: {
    publicKey: RequestOptions;
    signal?: AbortSignal;
    mediation?: 'conditional';
  }): Promise<unknown>;
}
