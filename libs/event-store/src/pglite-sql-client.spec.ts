import { PGLITE_SHARED_BUFFERS, PgliteSqlClient } from './pglite-sql-client';

// PGlite makes its whole shared_buffers resident at start: the size is memory every embedded service pays.
describe('PgliteSqlClient', () => {
  it('starts PostgreSQL with the small cache by default, and with the one asked for', async () => {
    for (const [asked, expected] of [
      [undefined, PGLITE_SHARED_BUFFERS],
      ['8MB', '8MB'],
    ] as const) {
      const client = await PgliteSqlClient.open(undefined, { sharedBuffers: asked });
      try {
        expect(await client.query('SHOW shared_buffers')).toEqual([{ shared_buffers: expected }]);
        expect(await client.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await client.close();
      }
    }
    expect(PGLITE_SHARED_BUFFERS).toBe('16MB');
  });
});
