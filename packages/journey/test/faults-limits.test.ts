import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createJourneyClient, type JourneyNode } from '@journeykit/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Replies too large to be AM's: the SDK stops reading at its limit (after decompression) and
// reports it; a limit the app raises lets them through.
describe('a reply larger than the limit', () => {
  const big = Buffer.alloc(5_000_000, 'a');
  const bomb = gzipSync(Buffer.alloc(50_000_000, ' ')); // 50 MB of spaces in ~50 kB
  let origin = '';
  let sent = { big: 0, bomb: 0 };
  const server = createServer((req, res) => {
    req.resume();
    if (req.url!.includes('bomb')) {
      sent.bomb++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    } else {
      sent.big++;
      res.writeHead(200, { 'content-type': 'application/json' }); // no Content-Length: chunked
      res.end(big);
    }
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const start = (path: string, maxResponseBytes?: number): Promise<JourneyNode> =>
    createJourneyClient({ serverUrl: `${origin}/${path}`, maxResponseBytes }).start('Login');

  it('is a FailureNode saying so, for a plain body and for a gzip bomb', async () => {
    sent = { big: 0, bomb: 0 };
    for (const path of ['big', 'bomb']) {
      const node = await start(path);
      expect(node).toMatchObject({
        type: 'FailureNode',
        message: expect.stringMatching(/the reply is larger than 1000000 bytes/),
      });
      expect(node.type === 'FailureNode' && node.error.type).toBe('exchange_error');
    }
    expect(sent).toEqual({ big: 1, bomb: 1 });
  });

  it('is read when the app raises the limit (and is then judged as a reply)', async () => {
    const node = await start('big', 6_000_000);
    expect(node).toMatchObject({
      type: 'FailureNode',
      message: expect.stringMatching(/Unreadable/),
    });
  });

  it('limit must be a positive number', () => {
    expect(() => createJourneyClient({ serverUrl: origin, maxResponseBytes: -1 })).toThrow(
      expect.objectContaining({ code: 'JOURNEY_CONFIG_ERROR' }),
    );
  });
});
