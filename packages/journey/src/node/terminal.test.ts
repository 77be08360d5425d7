import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalAuthSession } from './index';

describe('terminalAuthSession', () => {
  const run = async (typed: string) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const session = terminalAuthSession(input, output);
    const result = session('https://idp.example.com/auth?state=s', 'com.example.app:/social');
    input.end(typed);
    return { result: await result, printed };
  };

  it('prints the URL and takes the pasted return address', async () => {
    const { result, printed } = await run('  com.example.app:/social?code=c&state=s \n');
    expect(printed).toContain('https://idp.example.com/auth?state=s');
    expect(result).toEqual({ type: 'success', url: 'com.example.app:/social?code=c&state=s' });
  });

  it('cancels on an empty line', async () => {
    expect((await run('\n')).result).toEqual({ type: 'cancel' });
  });
});
