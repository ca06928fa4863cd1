// A backup checks the audit log's latest entries with the key beside the database, records what it found in its
// manifest, and says so beside each copy when the chain is broken (the copy itself is kept: it is the data).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readAuditKey, verifyChain } from '../../../src/core/audit/chain';
import { createAuditService } from '../../../src/core/audit/service';
import { readManifest } from '../../../src/core/backup/manifest';
import { createBackup } from '../../../src/core/backup/run';
import { fixedClock } from '../../../src/core/clock';
import { openDatabase } from '../../../src/core/db/open';
import { testKey } from '../../helpers/age';
import { migrationsFolder, tempDir } from '../../helpers/temp';

describe('a backup and the audit log’s chain', () => {
  const dir = tempDir();
  const live = path.join(dir, 'school.db');
  const clock = fixedClock('2026-11-24T18:00:00');

  const backupTo = async (name: string) => {
    const to = path.join(dir, name);
    fs.mkdirSync(to);
    const outcome = await createBackup({
      source: { kind: 'file', file: live },
      destinations: [to],
      clock,
      appVersion: 'test',
      migrationsFolder,
      recipient: testKey.recipient,
    });
    expect(outcome.ok).toBe(true);
    return { outcome, manifest: readManifest(outcome.results[0]!.file!)! };
  };

  it('records the chain whole, then the entry where an edit broke it, and warns beside the copy', async () => {
    const db = openDatabase(live, { migrationsFolder, create: true });
    const audit = createAuditService({ db, clock });
    for (let n = 1; n <= 20; n++)
      audit.record({ userId: null, action: 'school.test', entity: 'school', newValue: { n } });
    db.$client.close();

    const whole = await backupTo('whole');
    expect(whole.manifest.auditChain).toEqual({ checked: 20, brokenAt: null });
    expect(whole.outcome.results[0]!.message).not.toMatch(/журнал действий/);

    const raw = new Database(live);
    const triggers = raw.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as {
      name: string;
      sql: string;
    }[];
    for (const t of triggers) raw.exec(`drop trigger ${t.name}`);
    raw.exec(`update audit_log set new_value = '{"n":99}' where id = 12`);
    for (const t of triggers) raw.exec(t.sql);
    raw.close();

    const edited = await backupTo('edited');
    expect(edited.manifest.auditChain).toEqual({ checked: 20, brokenAt: 12 });
    expect(edited.outcome.results[0]!.message).toMatch(
      /Внимание: журнал действий изменён вне программы \(цепочка нарушена на записи № 12\)/,
    );
  });

  it('checks only the latest entries when asked, each against the mac stored before them', () => {
    const client = new Database(live, { readonly: true });
    try {
      const key = readAuditKey(live);
      // Entry 12 was edited: the last 5 entries are whole, the last 9 are not.
      expect(verifyChain(client, key, 5)).toMatchObject({ entries: 5, brokenAt: null });
      expect(verifyChain(client, key, 9)).toMatchObject({ entries: 9, brokenAt: { id: 12 } });
      expect(verifyChain(client, key)).toMatchObject({ entries: 20, brokenAt: { id: 12 } });
    } finally {
      client.close();
    }
  });
});
