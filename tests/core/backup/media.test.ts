// Several media, really: real folders, and a tmpfs the test mounts as the other disk.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract';
import { tmpfsForTest } from '../../helpers/backup';
import { schoolFixture } from '../../helpers/school';
import { tempDir } from '../../helpers/temp';

describe('backup destinations on different disks', () => {
  const dir = tempDir();
  const dbFile = path.join(dir, 'live', 'zhurnal.db');
  fs.mkdirSync(path.dirname(dbFile));
  const { callers } = schoolFixture({
    school: 'tiny',
    accounts: { admin: 'admin' },
    core: { dbFile, backup: { appVersion: 'test', workFactor: 10, listDrives: async () => [] } },
    as: { admin: 'admin' },
  });
  const { admin } = callers;
  const [same1, same2, other] = ['same1', 'same2', 'other'].map((d) => path.join(dir, d)) as [string, string, string];
  for (const d of [same1, same2, other]) fs.mkdirSync(d);
  let mounted = false;
  afterAll(() => {
    if (mounted) execFileSync('umount', [other]);
  });
  const media = async () => {
    const { mediaWarnings } = await admin.value(contract.backup.warning, {});
    expect((await admin.value(contract.backup.status, {})).mediaWarnings).toEqual(mediaWarnings);
    return mediaWarnings;
  };
  const add = (p: string) => admin.value(contract.backup.addDestination, { path: p, password: 'demo' });
  const remove = (p: string) => admin.value(contract.backup.removeDestination, { path: p });

  it('warns until there are two destinations, each on a disk of its own and not the database’s', async (context) => {
    expect(await media()).toEqual([
      'Не выбрано ни одного носителя для резервных копий: добавьте хотя бы два на разных дисках',
    ]);
    await add(same1);
    // The temp folders share the database's filesystem: one device id.
    expect(fs.statSync(same1).dev).toBe(fs.statSync(dbFile).dev);
    expect(await media()).toEqual([
      'Резервные копии пишутся только на один носитель: добавьте второй, на другом диске',
      `Папка ${same1} на том же диске, что и база: при поломке диска пропадут обе`,
    ]);
    await add(same2);
    expect(await media()).toEqual([
      `Папка ${same1} на том же диске, что и база: при поломке диска пропадут обе`,
      `Папка ${same2} на том же диске, что и база: при поломке диска пропадут обе`,
      `Папки ${same1} и ${same2} на одном диске: это один носитель, а не два`,
    ]);

    mounted = tmpfsForTest(other, 1024, context);
    expect(fs.statSync(other).dev).not.toBe(fs.statSync(dbFile).dev);
    await add(other);
    await remove(same2);
    expect(await media()).toEqual([`Папка ${same1} на том же диске, что и база: при поломке диска пропадут обе`]);
  });
});
