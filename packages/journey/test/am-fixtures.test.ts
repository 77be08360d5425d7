import { describe, expect, it } from 'vitest';
import { amFixture, amFixtureNames } from './am-fixtures';

describe('the recorded AM replies', () => {
  it('are all there and each has a status and a body', () => {
    const names = amFixtureNames();
    expect(names.length).toBe(80);
    for (const name of names) {
      const fixture = amFixture(name);
      expect(typeof fixture.status, name).toBe('number');
      expect(typeof fixture.body, name).toBe('object');
    }
  });

  it('names the folder when one is missing', () => {
    expect(() => amFixture('no-such-reply')).toThrow(/shared\/am-fixtures/);
  });
});
