import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hashPassword, hashPasswordSync, needsRehash, verifyPassword } from '../../src/core/auth/password';

describe('password hashing off the JS thread', () => {
  it('hashes with argon2id at 19 MiB, one lane, and verifies', async () => {
    const stored = hashPasswordSync('верный пароль');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=\d+,p=1\$/);
    expect(needsRehash(stored)).toBe(false);
    expect(await verifyPassword('верный пароль', stored)).toBe(true);
    expect(await verifyPassword('неверный', stored)).toBe(false);
    const again = await hashPassword('другой');
    expect(again).not.toBe(hashPasswordSync('другой'));
    expect(await verifyPassword('другой', again)).toBe(true);
    expect(await verifyPassword('другой', 'garbage')).toBe(false);
  });

  it('leaves libuv’s threads to files during a burst of logins', async () => {
    const stored = hashPasswordSync('пароль');
    await verifyPassword('пароль', stored);
    const order: string[] = [];
    // Eight checks would fill libuv's four threads twice over; a file read queued behind them would wait.
    const logins = Array.from({ length: 8 }, () => verifyPassword('пароль', stored).then(() => order.push('login')));
    const read = fs.readFile(__filename).then(() => order.push('file'));
    await Promise.all([...logins, read]);
    expect(order[0]).toBe('file');
  });
});
