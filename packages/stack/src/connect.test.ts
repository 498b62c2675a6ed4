import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { watchConnector } from './connect';

/** A Connect REST API that answers `state()` for the connector and records what is posted. */
async function fakeConnect(state: () => { connector: string; task: string }) {
  const posts: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST') {
      posts.push(req.url ?? '');
      res.writeHead(202).end();
      return;
    }
    const s = state();
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        name: 'usage-backup',
        connector: { state: s.connector },
        tasks: [{ id: 0, state: s.task, trace: 'com.mongodb.MongoSocketWriteException: x' }],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, posts, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const until = async (check: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
};

describe('watchConnector', () => {
  it('restarts a failed task, reports it, and says when it runs again', async () => {
    let task = 'FAILED';
    const connect = await fakeConnect(() => ({ connector: 'RUNNING', task }));
    const lines: string[] = [];
    const stop = watchConnector(connect.url, 'usage-backup', 20, {
      log: (l) => lines.push(l),
      error: (l) => lines.push(l),
    });
    try {
      await until(() => connect.posts.length > 0);
      expect(connect.posts[0]).toBe(
        '/connectors/usage-backup/restart?includeTasks=true&onlyFailed=true',
      );
      task = 'RUNNING';
      await until(() => lines.some((l) => l.includes('RUNNING again')));
      expect(lines.join('\n')).toContain('FAILED: task 0 failed');
      expect(lines.join('\n')).toContain('restarting what failed');
      expect(lines.join('\n')).toContain('usage-backup RUNNING again');
    } finally {
      stop();
      await connect.close();
    }
  });

  it('leaves a paused connector alone', async () => {
    const connect = await fakeConnect(() => ({ connector: 'PAUSED', task: 'PAUSED' }));
    const lines: string[] = [];
    const stop = watchConnector(connect.url, 'usage-backup', 20, {
      log: (l) => lines.push(l),
      error: (l) => lines.push(l),
    });
    try {
      await until(() => lines.length > 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(lines).toEqual(['stack: usage backup usage-backup FAILED: connector is PAUSED']);
      expect(connect.posts).toEqual([]);
    } finally {
      stop();
      await connect.close();
    }
  });
});
