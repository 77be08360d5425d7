import { describe, expect, it } from 'vitest';
import { formInputs } from './authorize';

describe('form_post pages', () => {
  it('reads hidden inputs in any attribute order and quoting, decoding entities', () => {
    const html = `<html><body onload="javascript:document.forms[0].submit()">
      <form method="post" action="com.example.app:/cb">
        <input type="hidden" name="code" value="a&amp;b&#x2F;c"/>
        <input value='s1' name='state' type='hidden'>
        <input type=hidden name=iss value=https://am/oauth2>
        <input type="hidden" name="code" value="second">
      </form></body></html>`;
    expect(formInputs(html)).toEqual({ code: 'a&b/c', state: 's1', iss: 'https://am/oauth2' });
  });

  it('finds nothing in a page without inputs', () => {
    expect(formInputs('<form></form>')).toEqual({});
  });
});
