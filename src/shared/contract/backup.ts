import { z } from 'zod';
import { stepUpPassword } from './common';
import { defineChannel } from './define';
import { text } from './text';

export const backupSchedule = z.object({
  /** Daily backup at this local time, `HH:MM`; null turns the daily backup off. */
  dailyAt: z
    .string()
    .max(5, 'Время в виде ЧЧ:ММ')
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в виде ЧЧ:ММ')
    .nullable(),
  onExit: z.boolean(),
  beforeMigration: z.boolean(),
});
export type BackupSchedule = z.infer<typeof backupSchedule>;

export const backupRetention = z.object({
  daily: z.number().int().min(1, 'Храните хотя бы одну ежедневную копию').max(365),
  weekly: z.number().int().min(0).max(260),
  monthly: z.number().int().min(0).max(120),
});
export type BackupRetention = z.infer<typeof backupRetention>;

const counts = z.object({ students: z.number(), lessons: z.number(), marks: z.number() });

const destinationStatus = z.object({
  path: z.string(),
  label: z.string(),
  available: z.boolean(),
  freeBytes: z.number().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type BackupDestinationStatus = z.infer<typeof destinationStatus>;

const runResult = z.object({ path: z.string(), ok: z.boolean(), message: z.string() });

export const backupRun = z.object({
  at: z.string(),
  reason: z.enum(['manual', 'daily', 'exit', 'migration']),
  ok: z.boolean(),
  file: z.string().nullable(),
  results: z.array(runResult),
});
export type BackupRunRecord = z.infer<typeof backupRun>;

const progress = z.object({
  startedAt: z.string(),
  stage: z.enum(['snapshot', 'check', 'encrypt', 'copy', 'done']),
  destinations: z.array(z.object({ path: z.string(), written: z.number(), total: z.number().nullable() })),
});

export const backupStatus = z.object({
  destinations: z.array(destinationStatus),
  /** Removable drives plugged in now that are not destinations yet. */
  detected: z.array(z.object({ path: z.string(), label: z.string() })),
  schedule: backupSchedule,
  retention: backupRetention,
  /**
   * How copies are made: encrypted to the school's key (`key`, its public part shown), plain by the admin's
   * choice (`none`), or not at all until one of them is chosen (`missing`).
   */
  encryption: z.object({
    mode: z.enum(['key', 'none', 'missing']),
    recipient: z.string().nullable(),
    since: z.string().nullable(),
  }),
  lastGoodAt: z.string().nullable(),
  warning: z.string().nullable(),
  /** Why the copies would not survive one disk's loss (too few destinations, shared disks); empty when they would. */
  mediaWarnings: z.array(z.string()),
  running: progress.nullable(),
  runs: z.array(backupRun),
});
export type BackupStatus = z.infer<typeof backupStatus>;

const backupFile = z.object({
  file: z.string(),
  destination: z.string(),
  createdAt: z.string().nullable(),
  encrypted: z.boolean(),
  bytes: z.number(),
  counts: counts.nullable(),
});
export type BackupFileEntry = z.infer<typeof backupFile>;

const verified = z.object({
  summary: z.string(),
  encrypted: z.boolean(),
  createdAt: z.string().nullable(),
  schemaVersion: z.string().nullable(),
  schoolName: z.string().nullable(),
  counts,
});
export type BackupVerified = z.infer<typeof verified>;

const folderPath = z.string().trim().min(1, 'Укажите папку').max(1000);
/**
 * What opens an encrypted copy: the paper key as typed, or its file (base64; protected by `passphrase` when it
 * was saved so), or the passphrase of a copy made before the school had a key.
 */
const keyFields = {
  key: z.string().max(500).optional(),
  keyFile: z.string().max(8000).optional(),
  passphrase: z.string().max(1000).optional(),
};

export const backupContract = {
  status: defineChannel({
    channel: 'backup:status',
    access: 'backup.manage',
    input: z.object({}),
    output: backupStatus,
  }),
  /** Only the stale-backup warning, for the admin's every screen (cheap: no drives are listed). */
  warning: defineChannel({
    channel: 'backup:warning',
    access: 'backup.manage',
    input: z.object({}),
    output: z.object({ warning: z.string().nullable(), mediaWarnings: z.array(z.string()) }),
  }),
  addDestination: defineChannel({
    channel: 'backup:addDestination',
    access: 'backup.manage',
    stepUp: 'always',
    input: z.object({ path: folderPath, label: text(100).optional(), password: stepUpPassword }),
    output: z.null(),
  }),
  removeDestination: defineChannel({
    channel: 'backup:removeDestination',
    access: 'backup.manage',
    input: z.object({ path: folderPath }),
    output: z.null(),
  }),
  setSchedule: defineChannel({
    channel: 'backup:setSchedule',
    access: 'backup.manage',
    input: backupSchedule,
    output: z.null(),
  }),
  setRetention: defineChannel({
    channel: 'backup:setRetention',
    access: 'backup.manage',
    input: backupRetention,
    output: z.null(),
  }),
  /**
   * Makes the school's backup key and gives its secret part once: the paper key's page (PDF, base64), the key
   * file's text, and with a passphrase the protected key file (base64). Only the public part is kept. Replacing
   * a key (or plain copies) takes the admin's password.
   */
  createKey: defineChannel({
    channel: 'backup:createKey',
    access: 'backup.manage',
    stepUp: 'ifGiven',
    input: z.object({
      password: z.string().max(256).optional(),
      passphrase: z.string().min(10, 'Пароль файла ключа не короче 10 символов').max(1000).nullable().optional(),
    }),
    output: z.object({
      recipient: z.string(),
      identity: z.string(),
      pdf: z.string(),
      keyFile: z.string().nullable(),
      keyText: z.string(),
    }),
  }),
  /** Copies without encryption, named so: an explicit choice, with the admin's password. */
  chooseUnencrypted: defineChannel({
    channel: 'backup:chooseUnencrypted',
    access: 'backup.manage',
    stepUp: 'always',
    input: z.object({ password: stepUpPassword }),
    output: z.null(),
  }),
  /** Starts a backup to every destination; progress and the outcome are read from backup:status. */
  run: defineChannel({
    channel: 'backup:run',
    access: 'backup.manage',
    input: z.object({}),
    output: z.object({ startedAt: z.string() }),
  }),
  list: defineChannel({
    channel: 'backup:list',
    access: 'backup.manage',
    input: z.object({}),
    output: z.array(backupFile),
  }),
  verify: defineChannel({
    channel: 'backup:verify',
    access: 'backup.manage',
    input: z.object({ file: folderPath, ...keyFields }),
    output: verified,
  }),
  /** Replaces the school's database; the admin confirms with their own password. Every session ends. */
  restore: defineChannel({
    channel: 'backup:restore',
    access: 'backup.manage',
    stepUp: 'always',
    input: z.object({
      file: folderPath,
      ...keyFields,
      password: stepUpPassword,
      /** Restore a copy whose audit log was altered: allowed only with the paper key, and logged. */
      acceptAlteredLog: z.boolean().default(false),
    }),
    output: z.object({ summary: z.string(), safetyCopy: z.string().nullable() }),
  }),
};
