import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect.ts';
import { walPositionOf } from './replication.ts';

describe('walPositionOf', () => {
  it.each([
    ['0/0', 0n],
    ['0/1', 1n],
    ['0/FFFFFFFF', 0xffffffffn],
    ['1/0', 0x100000000n],
    ['16/B374D848', (0x16n << 32n) + 0xb374d848n],
    ['FFFFFFFF/FFFFFFFF', (1n << 64n) - 1n],
    ['a/b', 0xa0000000bn],
  ])('reads %s as %s', (lsn, position) => {
    expect(walPositionOf(lsn)).toBe(position);
  });

  it('orders positions across the 32-bit boundary as PostgreSQL does', () => {
    expect(walPositionOf('1/0') > walPositionOf('0/FFFFFFFF')).toBe(true);
  });

  it.each(['', '0', '/0', '0/', '1/2/3', 'G/0', '123456789/0', ' 0/0'])('refuses %j', (lsn) => {
    expect(() => walPositionOf(lsn)).toThrow('不是 WAL 位置');
  });
});

describe('openDatabase with a read replica', () => {
  it('refuses a replica without a PostgreSQL primary: the embedded database has none', async () => {
    await expect(openDatabase({ memory: true, readReplicaUrl: 'postgres://127.0.0.1:1/x' })).rejects.toThrow(
      'DATABASE_READ_URL',
    );
  });
});
