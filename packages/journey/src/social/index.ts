// Social sign-in inside a journey: choosing a provider, the trip to it and back, native sign-in.
// The client keeps the step a RedirectCallback leaves; `client.resume(returnUrl)` goes on from it.
export { chooseProvider, identityProviders, LOCAL_AUTHENTICATION } from './providers';
export type { IdentityProvider, ProviderUiConfig } from './providers';
export { providerRedirect, redirectInAuthSession } from './redirect';
export type { AuthSession, ProviderRedirect } from './redirect';
export { redirectBrowser } from './browser';
export { idpRequest, signInWithIdp } from './idp';
export type { IdpRequest, IdpSignIn, IdpTokenType } from './idp';
