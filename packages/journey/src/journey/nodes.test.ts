import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../http/transport';
import { toNode } from './nodes';
import { stageText } from './stage';

const reply = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  url: '',
  type: 'basic',
  headers: { get: (n) => headers[n] ?? null },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('toNode (rn-journey-api §3.4)', () => {
  it('classifies AM replies', () => {
    const step = {
      authId: 'x',
      callbacks: [
        {
          type: 'NameCallback',
          output: [{ name: 'prompt', value: 'User Name' }],
          input: [{ name: 'IDToken1', value: '' }],
        },
      ],
      header: 'Sign In',
    };
    expect(toNode(reply(200, step), ['en'])).toMatchObject({
      type: 'ContinueNode',
      header: 'Sign In',
      description: '',
      stage: '',
      callbacks: [{ type: 'NameCallback', prompt: 'User Name' }],
    });
    expect(toNode(reply(200, { tokenId: 't', successUrl: '/s', realm: '/' }), ['en'])).toEqual({
      type: 'SuccessNode',
      input: { tokenId: 't', successUrl: '/s', realm: '/' },
    });
    expect(
      toNode(reply(401, { code: 401, reason: 'Unauthorized', message: 'Login failure' }), ['en']),
    ).toMatchObject({ type: 'ErrorNode', message: 'Login failure', status: 401 });
  });

  it.each([
    ['a 5xx', reply(503, '<html>down</html>'), 'HTTP 503', true],
    [
      'a redirect',
      reply(302, '', { location: 'https://elsewhere/x?secret=1' }),
      'Unexpected redirect to https://elsewhere/x',
      false,
    ],
    ['an HTML 200', reply(200, '<html/>'), 'Unreadable reply', true],
    ['truncated JSON', reply(200, '{"authId":"x","callb'), 'Unreadable reply', true],
    [
      'malformed callbacks',
      reply(200, { authId: 'x', callbacks: [{ output: 1 }] }),
      'malformed callbacks',
      false,
    ],
    [
      "AM's request timed out",
      reply(401, { code: 1999, message: 'timed out' }),
      'timed out',
      false,
    ],
  ])('makes %s a FailureNode', (_name, response, message, retryable) => {
    const node = toNode(response, ['en']);
    expect(node).toMatchObject({ type: 'FailureNode', message: expect.stringContaining(message) });
    if (node.type === 'FailureNode') expect(node.error?.retryable).toBe(retryable);
  });
});

describe('stageText', () => {
  const stage = JSON.stringify({
    submitButtonText: { en: 'Next', fr: 'Suivant', 'en-GB': 'Onwards' },
    pageFooter: 'Footer',
  });
  it('picks by locale, then language, then the first entry', () => {
    expect(stageText(stage, 'submitButtonText', ['en_GB'])).toBe('Onwards');
    expect(stageText(stage, 'submitButtonText', ['fr-CA'])).toBe('Suivant');
    expect(stageText(stage, 'submitButtonText', ['de'])).toBe('Next');
    expect(stageText(stage, 'pageFooter', ['de'])).toBe('Footer');
    expect(stageText('UsernamePassword', 'pageFooter', ['en'])).toBe('');
  });
});
