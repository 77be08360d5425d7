type OidcProviderModule = typeof import('oidc-provider');

const UNSUPPORTED_RUNTIME = 'Unsupported runtime';

let loading: Promise<OidcProviderModule> | undefined;

/**
 * oidc-provider prints "Unsupported runtime" when it is imported on Node 20; it runs fine there
 * (toolchain.md §1). Import it once, with that one warning filtered out of `console.warn`.
 */
export function loadOidcProvider(): Promise<OidcProviderModule> {
  loading ??= importQuietly();
  return loading;
}

async function importQuietly(): Promise<OidcProviderModule> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes(UNSUPPORTED_RUNTIME)) warn(...args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}
