// Dangerous changes need the admin's password again, not only her session: a session left open on a staffroom
// computer cannot switch the school network on, reset a password or send the backups elsewhere. A wrong password
// there counts like a failed login. Backup destinations are drives of this computer, never a network share.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesNetworkShare, networkMountOf } from '../../src/core/backup/mounts';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { tempDir } from '../helpers/temp';

describe('step-up: the admin’s password again for dangerous changes', () => {
  const { sql, callers, logIn } = schoolFixture({
    school: 'tiny',
    accounts: { admin: 'admin' },
    as: { admin: 'admin' },
  });
  const { admin } = callers;
  const audited = (action: string) =>
    (sql.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number }).n;
  const wrongPassword = { ok: false, error: { kind: 'validation', message: 'Неверный пароль администратора' } };

  it('refuses «Школьная сеть» without the password and with a wrong one, and switches it with the right one', async () => {
    expect(await admin.invoke('network:set', { schoolNetwork: true })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/пароль/) },
    });
    expect(await admin.send(contract.network.set, { schoolNetwork: true, password: 'guess' })).toEqual(wrongPassword);
    expect(await admin.value(contract.network.get, {})).toEqual({ schoolNetwork: false });
    expect(await admin.send(contract.network.set, { schoolNetwork: true, password: 'demo' })).toMatchObject({
      ok: true,
      value: { schoolNetwork: true },
    });
  });

  it('refuses a reset of someone’s password with a wrong one: the old password still works', async () => {
    const math = (sql.prepare("select id, password_hash from users where login = 'math'").get() as {
      id: number;
      password_hash: string;
    })!;
    expect(await admin.send(contract.users.resetPassword, { userId: math.id, password: 'guess' })).toEqual(
      wrongPassword,
    );
    expect(sql.prepare('select password_hash from users where id = ?').get(math.id)).toEqual({
      password_hash: math.password_hash,
    });
    const { oneTimePassword } = await admin.value(contract.users.resetPassword, { userId: math.id, password: 'demo' });
    expect(oneTimePassword).toMatch(/^[a-z0-9]{10}$/);
  });

  it('refuses a change of someone’s roles with a wrong password: the roles stay', async () => {
    const math = sql.prepare("select id from users where login = 'math'").get() as { id: number };
    const roles = () => sql.prepare('select role from user_roles where user_id = ? order by role').all(math.id);
    const before = roles();
    expect(await admin.invoke('users:setRoles', { userId: math.id, roles: ['teacher', 'deputy'] })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/пароль/) },
    });
    expect(
      await admin.send(contract.users.setRoles, { userId: math.id, roles: ['teacher', 'deputy'], password: 'guess' }),
    ).toEqual(wrongPassword);
    expect(roles()).toEqual(before);
  });

  it('refuses a backup destination with a wrong password, and a network share whatever the password', async () => {
    const folder = fs.mkdtempSync(path.join(tempDir(), 'drive-'));
    expect(await admin.send(contract.backup.addDestination, { path: folder, password: 'guess' })).toEqual(
      wrongPassword,
    );
    for (const share of ['\\\\server\\копии', '//server/backup', 'smb://server/backup'])
      expect(await admin.send(contract.backup.addDestination, { path: share, password: 'demo' })).toMatchObject({
        ok: false,
        error: {
          kind: 'validation',
          message: expect.stringMatching(/сетевая папка.*только на диски этого компьютера/),
        },
      });
    expect(await admin.send(contract.backup.addDestination, { path: folder, password: 'demo' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('counts wrong passwords there like failed logins: the fifth ends the session and locks this source', async () => {
    const restore = { file: '/nowhere/zhurnal.age', password: 'guess' };
    const before = audited('auth.confirm_failed');
    // The right passwords above cleared the count: four wrong ones are refused, the fifth locks.
    for (let i = 0; i < 4; i++) expect(await admin.send(contract.backup.restore, restore)).toEqual(wrongPassword);
    expect(await admin.send(contract.backup.restore, restore)).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized', message: expect.stringMatching(/заблокирован/) },
    });
    expect(audited('auth.confirm_failed')).toBe(before + 5);
    expect(await admin.send(contract.auth.me, {})).toEqual({ ok: true, value: null });
    await expect(logIn('admin')).rejects.toThrow(/заблокирован/);
  });
});

describe('network paths', () => {
  const mounts = [
    '/dev/sda1 / ext4 rw 0 0',
    '//nas/school /mnt/nas cifs rw 0 0',
    'nas:/export /srv/nfs nfs4 rw 0 0',
    '/dev/sdb1 /media/admin/STICK vfat rw 0 0',
  ].join('\n');

  it('tells shares and network mounts from local drives', () => {
    expect(namesNetworkShare('\\\\server\\share')).toBe(true);
    expect(namesNetworkShare('nfs://nas/export')).toBe(true);
    expect(namesNetworkShare('D:\\Копии')).toBe(false);
    expect(namesNetworkShare('/media/admin/STICK')).toBe(false);
    expect(networkMountOf('/mnt/nas/копии', mounts)?.fsType).toBe('cifs');
    expect(networkMountOf('/srv/nfs', mounts)?.fsType).toBe('nfs4');
    expect(networkMountOf('/mnt/nasty', mounts)).toBeUndefined();
    expect(networkMountOf('/media/admin/STICK/копии', mounts)).toBeUndefined();
  });
});
