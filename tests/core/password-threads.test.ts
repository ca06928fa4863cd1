import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hashPassword, hashPasswordSync, verifyPassword } from '../../src/core/auth/password';

describe('password hashing on threads of its own', () => {
  it('verifies and hashes as before', async () => {
    const stored = hashPasswordSync('верный пароль');
    expect(await verifyPassword('верный пароль', stored)).toBe(true);
    expect(await verifyPassword('неверный', stored)).toBe(false);
    const again = await hashPassword('другой');
    expect(again).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('другой', again)).toBe(true);
  });

  it('leaves libuv’s threads to files during a burst of logins', async () => {
    const stored = hashPasswordSync('пароль');
    await verifyPassword('пароль', stored);
    const order: string[] = [];
    // Eight derivations would fill libuv's four threads twice over; a file read queued behind them would wait.
    const logins = Array.from({ length: 8 }, () => verifyPassword('пароль', stored).then(() => order.push('login')));
    const read = fs.readFile(__filename).then(() => order.push('file'));
    await Promise.all([...logins, read]);
    expect(order[0]).toBe('file');
  });
});
