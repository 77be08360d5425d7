import type { AppMiddleware } from '../http/context.js';
import { realmUrlPath, type Realm } from '../realm.js';
import { JSON_PATH } from '../urls.js';

/**
 * AM's hosted sign-in page (`/am/XUI/`), where `/authorize` sends a browser without a session: a
 * small page of its own that runs a journey (`authIndexValue`, default Login) against the
 * authenticate endpoint, then goes back to `goto` — only on this server, so it redirects nowhere
 * else. It also resumes an emailed link's `suspendedId`. Centralized login runs end to end on it.
 */
export function hostedLogin(realm: Realm): AppMiddleware {
  const endpoint = `${JSON_PATH}/${realmUrlPath(realm)}/authenticate`;
  return (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.set(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    );
    ctx.type = 'html';
    ctx.body = page(endpoint);
  };
}

const page = (endpoint: string) => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Sign in</title>
<style>body{font-family:sans-serif;max-width:22rem;margin:3rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}</style>
<h1 id="header">Sign in</h1>
<form id="form"><div id="fields"></div><p id="problem" role="alert"></p><button type="submit">Next</button></form>
<script>
const endpoint = ${JSON.stringify(endpoint)};
const query = new URLSearchParams(location.search);
let step;
// Back to the authorization request on this server; anything else is refused.
const back = () => {
  const target = new URL(query.get('goto') || '/', location.href);
  location.assign(target.origin === location.origin ? target.href : '/');
};
const send = async (body, params) => {
  const response = await fetch(endpoint + '?' + new URLSearchParams(params), {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', 'accept-api-version': 'resource=2.1, protocol=1.0' },
    body: JSON.stringify(body),
  });
  const reply = await response.json();
  if (reply.authId) return show(reply);
  if (response.ok) return back();
  step = undefined;
  document.getElementById('problem').textContent = reply.message || 'Sign-in failed';
  document.getElementById('fields').replaceChildren();
};
const show = (reply) => {
  step = reply;
  document.getElementById('header').textContent = reply.header || 'Sign in';
  document.getElementById('problem').textContent = '';
  const fields = document.getElementById('fields');
  fields.replaceChildren();
  for (const callback of reply.callbacks) {
    const out = Object.fromEntries((callback.output || []).map((o) => [o.name, o.value]));
    const input = (callback.input || [])[0];
    const label = document.createElement('label');
    label.textContent = out.prompt || out.message || '';
    if (input) {
      const field = document.createElement('input');
      field.name = input.name;
      field.type = /Password/.test(callback.type) ? 'password' : 'text';
      label.append(field);
    }
    fields.append(label);
  }
};
document.getElementById('form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!step) return location.reload();
  for (const callback of step.callbacks)
    for (const input of callback.input || []) {
      const field = document.querySelector('input[name="' + input.name + '"]');
      if (field) input.value = field.value;
    }
  void send(step, {});
});
const suspendedId = query.get('suspendedId');
void send({}, suspendedId ? { suspendedId } : { authIndexType: 'service', authIndexValue: query.get('authIndexValue') || 'Login' });
</script>
</html>
`;
