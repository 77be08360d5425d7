import type { AppContext } from '../http/context.js';
import type { Realm } from '../realm.js';

/** `GET /json/serverinfo/*` (am-protocol §5.3): how a client can discover the cookie name. */
export function serverInfoHandler(realm: Realm, cookieName: string) {
  return (ctx: AppContext): void => {
    ctx.body = {
      _id: '*',
      _rev: '1',
      domains: [],
      protectedUserAttributes: ['telephoneNumber', 'mail'],
      cookieName,
      secureCookie: false,
      forgotPassword: 'false',
      forgotUsername: 'false',
      kbaEnabled: 'false',
      selfRegistration: 'false',
      lang: 'en-US',
      successfulUserRegistrationDestination: 'default',
      socialImplementations: [],
      referralsEnabled: 'false',
      zeroPageLogin: { enabled: false, refererWhitelist: [], allowedWithoutReferer: true },
      realm,
      xuiUserSessionValidationEnabled: true,
    };
  };
}
