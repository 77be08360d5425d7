import { describe, expect, it } from 'vitest';
import { joinUrl, originOf, queryParams, toQuery, withQuery } from './url';

describe('url helpers', () => {
  it('builds queries, leaving out empty values', () => {
    expect(toQuery({ a: 'x y', b: undefined, c: '', d: 0, e: true })).toBe('a=x%20y&d=0&e=true');
    expect(withQuery('https://h/p', { a: '1' })).toBe('https://h/p?a=1');
    expect(withQuery('https://h/p?x=1', { a: '1' })).toBe('https://h/p?x=1&a=1');
    expect(withQuery('https://h/p', {})).toBe('https://h/p');
  });

  it('reads query and fragment parameters of any URL, custom schemes too', () => {
    expect(queryParams('com.example.app:/cb?code=a%2Bb&state=s1#x=1')).toEqual({
      code: 'a+b',
      state: 's1',
      x: '1',
    });
    expect(queryParams('https://h/cb?a=1&a=2&b')).toEqual({ a: '1', b: '' });
    expect(queryParams('https://h/cb?bad=%E0%A4%A')).toEqual({ bad: '' });
  });

  it('finds origins, ignoring default ports and case', () => {
    expect(originOf('HTTPS://Tenant.example.com:443/am')).toBe('https://tenant.example.com');
    expect(originOf('http://127.0.0.1:9443/am/json')).toBe('http://127.0.0.1:9443');
    expect(originOf('com.example.app:/cb')).toBeNull();
    expect(originOf('https://user@evil.example/')).toBe('https://evil.example');
    expect(originOf('https://h\\evil')).toBe('https://h');
  });

  it('joins paths with one slash', () => {
    expect(joinUrl('https://h/am/', '/json/x')).toBe('https://h/am/json/x');
  });
});
