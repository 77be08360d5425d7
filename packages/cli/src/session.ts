import type { JourneyClient, JourneyUserSession } from '@journeykit/journey';
import * as p from '@clack/prompts';
import { CliError } from './answers';
import { claims, expiry, shorten } from './format';

function showTokens(title: string, session: JourneyUserSession | null): void {
  if (!session) {
    p.log.warn(`${title}: no tokens (no session)`);
    return;
  }
  p.note(
    [
      `access token   ${shorten(session.accessToken)}`,
      `refresh token  ${shorten(session.refreshToken)}`,
      `lifetime       ${session.expiresIn ?? '?'} s, ${expiry(session.expiresAt)}`,
    ].join('\n'),
    title,
  );
}

/** The seed's session page: SSO token, tokens, userinfo. */
export async function showSession(client: JourneyClient, withTokens: boolean): Promise<void> {
  const sso = await client.ssoToken();
  if (!sso) throw new CliError('The journey succeeded but no SSO token was stored');
  p.note(
    `value       ${shorten(sso.value)}\nsuccessUrl  ${sso.successUrl}\nrealm       ${sso.realm}`,
    'ssoToken()',
  );
  if (!withTokens) return;
  const session = await client.user();
  if (!session) throw new CliError('user() returned no tokens for a fresh session');
  showTokens('user()', session);
  p.note(claims(await client.userinfo()), 'userinfo()');
}

type Action = 'user' | 'refresh' | 'revoke' | 'userinfo' | 'logout' | 'quit';

/** The interactive menu over the session methods. */
export async function sessionMenu(client: JourneyClient): Promise<void> {
  for (;;) {
    const action = await p.select<Action>({
      message: 'What next?',
      options: [
        { value: 'user', label: 'user()', hint: 'tokens; no request while they are valid' },
        { value: 'refresh', label: 'refresh()', hint: 'refresh-token grant' },
        { value: 'revoke', label: 'revoke()', hint: 'revoke the tokens, keep the SSO session' },
        { value: 'userinfo', label: 'userinfo()' },
        { value: 'logout', label: 'logoutUser()', hint: 'end the session everywhere' },
        { value: 'quit', label: 'quit' },
      ],
    });
    if (p.isCancel(action) || action === 'quit') return;
    if (action === 'user') showTokens('user()', await client.user());
    if (action === 'refresh') showTokens('refresh()', await client.refresh());
    if (action === 'revoke')
      p.log.info(
        `revoke(): ${(await client.revoke()) ? 'revoked on the server' : 'removed locally; the server did not confirm'}`,
      );
    if (action === 'userinfo') p.note(claims(await client.userinfo()), 'userinfo()');
    if (action === 'logout') {
      await client.logoutUser();
      p.log.success(
        `logoutUser(): signed out; ssoToken() is ${JSON.stringify(await client.ssoToken())}`,
      );
      return;
    }
  }
}

/** `--yes`: every session method once, checking each result; a wrong one fails the run. */
export async function sessionScript(client: JourneyClient): Promise<void> {
  const before = await client.user();
  const refreshed = await client.refresh();
  if (!refreshed || refreshed.accessToken === before?.accessToken)
    throw new CliError('refresh() did not return new tokens');
  showTokens('refresh()', refreshed);
  if (!(await client.revoke())) throw new CliError('revoke() was not confirmed by the server');
  p.log.success('revoke(): tokens revoked; the SSO session stays');
  const minted = await client.user();
  if (!minted || minted.accessToken === refreshed.accessToken)
    throw new CliError('user() did not mint new tokens after revoke()');
  showTokens('user() after revoke()', minted);
  await client.logoutUser();
  if ((await client.ssoToken()) !== null || (await client.user()) !== null)
    throw new CliError('logoutUser() left a session behind');
  p.log.success(
    'logoutUser(): AM session ended, tokens revoked, end_session called; nothing left locally',
  );
}
