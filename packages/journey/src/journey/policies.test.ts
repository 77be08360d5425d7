import { describe, expect, it } from 'vitest';
import { policyMessage } from './policies';

describe('policyMessage', () => {
  it('puts known requirements in words with their params', () => {
    expect(policyMessage({ policyRequirement: 'MIN_LENGTH', params: { minLength: 8 } })).toBe(
      'At least 8 characters.',
    );
    expect(
      policyMessage({
        policyRequirement: 'CANNOT_CONTAIN_CHARACTERS',
        params: { forbiddenChars: ['$', '%'] },
      }),
    ).toBe('Must not contain $ %.');
    expect(policyMessage({ policyRequirement: 'UNIQUE' })).toBe('Already taken; choose another.');
  });

  it('names what it has no words for, whatever the server sent', () => {
    expect(policyMessage({ policyRequirement: 'LENGTH_BASED' })).toBe(
      'Refused by the server (LENGTH_BASED).',
    );
    expect(policyMessage({ policyRequirement: 'toString' })).toBe(
      'Refused by the server (toString).',
    );
    expect(policyMessage(null)).toBe('Refused by the server (unknown policy).');
  });
});
