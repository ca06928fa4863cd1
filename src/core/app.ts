import { createDispatcher, type CallContext, type Dispatch } from './api/dispatch';
import { createForeground } from './api/foreground';
import { createHandlers } from './api/handlers';
import { snapshotBeforeMigration } from './backup/premigration';
import type { BackupEnv, BackupRuntime } from './backup/service';
import { localDate, type Clock } from './clock';
import { openDatabase, type Db } from './db/open';
import { claimJournal, type JournalLock } from './db/owner-lock';
import path from 'node:path';
import { fontsDirFor } from './print/fonts';
import type { DesktopFiles, PrintTargets } from './print/service';
import { createServices, type Services } from './services';
import { cliOrigin } from './audit/origin';
import { commandLineActor } from './actor';
import type { Role } from '../shared/roles';
import { recordRefusal } from './audit/refused';
import type { ServedNetwork } from '../shared/contract/network';
import { createOffload } from './workers/offload';
import { createCommitGroups } from './db/commit-groups';
import { groupedSaves } from './journal/saves';
import { createChangeBus, type ChangeBus } from './live/bus';
import { changesOf } from './live/changes';
import { createLiveFeed, type LiveFeed } from './live/feed';
import { pruneAppliedSaves } from './journal/saves';

export interface CoreOptions {
  dbFile: string;
  migrationsFolder: string;
  clock: Clock;
  create?: boolean;
  /** The PT fonts for printing; by default found beside the migrations folder (see print/fonts.ts). */
  fontsDir?: string;
  /** Where printed books go; by default a «zhurnal-print» folder beside the database. */
  printDir?: () => string;
  /** The command line's own names for what it prints (`print --out`, `--out-dir`), instead of the print folder's. */
  printTo?: PrintTargets;
  /** The desktop shell's system viewer and printer (absent in the browser host). */
  desktop?: DesktopFiles;
  logError?(error: unknown, channel: string): void;
  /** The host serving the school's network: its addresses and certificate, for «Школьная сеть» (network:info). */
  served?: () => ServedNetwork;
  /** What backups need from the shell: the app's version, the removable drives it sees, test knobs. */
  backup?: Partial<Pick<BackupEnv, 'appVersion' | 'listDrives' | 'workDir' | 'fs' | 'workFactor'>>;
  /**
   * Set by the command line: no sessions, every call acts as the command's own actor with one role, and is
   * audited under the command and the OS account (audit/origin.ts). Its calls still go through the dispatcher.
   */
  commandLine?: CommandLine;
  /**
   * Where reports, exports, printing and imports run: on worker threads (the default: the thread that saves
   * marks never waits behind them) or on this thread (tests of the services themselves, which then start no
   * threads).
   */
  heavyWork?: 'threads' | 'here';
  /**
   * The program that writes this journal («zhurnal serve», the desktop app): it takes the file for the life of
   * the process and a second one is refused (db/owner-lock.ts). Absent for commands that only read.
   */
  owner?: string;
  /** How often the save ids no client can send again are forgotten (journal/saves.ts); daily unless a test says. */
  pruneEveryMs?: number;
}

export interface CommandLine {
  command: string;
  role: Role;
  /** The file the command writes, named in its audit entries. */
  file?: string;
}

export interface Core {
  /** The live database and its services; both are new objects after a restore swapped the file. */
  readonly db: Db;
  readonly services: Services;
  /** Stable for the life of the process: shells keep it, and it always reaches the current database. */
  dispatch: Dispatch;
  /** Held while the core is open, when it was created with `owner`. */
  readonly lock: JournalLock | null;
  /** What each committed call changed (core/live/changes.ts), for every shell that tells other screens. */
  readonly changes: ChangeBus;
  /** One session's changes, filtered by what its user may read: the host's event stream. */
  readonly live: LiveFeed;
  /** Waits, at most `maxMs`, while calls are being answered on this thread (backups wait so: api/foreground.ts). */
  makeWay(maxMs: number): Promise<void>;
  close(): void;
}

/** Opens the school's database and builds the services and the dispatcher every shell serves. */
export function createCore(options: CoreOptions): Core {
  const runtime: BackupRuntime = { running: null, restoring: false };
  const changes = createChangeBus(options.logError);
  // The calls being answered on this thread, which a backup's writes make way for.
  const foreground = createForeground();
  let current: { db: Db; services: Services; dispatch: Dispatch } | null = null;

  let beforeUpdate: string | null = null;
  const cli = options.commandLine;
  const origin = cli && cliOrigin(cli.command, cli.file);
  const shellActor = cli && commandLineActor(cli.role);
  const fontsDir = () => options.fontsDir ?? fontsDirFor(options.migrationsFolder);
  const printDir = options.printDir ?? (() => path.join(path.dirname(path.resolve(options.dbFile)), 'zhurnal-print'));
  const offload =
    options.heavyWork === 'here'
      ? null
      : createOffload({
          dbFile: options.dbFile,
          clock: options.clock,
          fontsDir,
          printDir,
          printTo: options.printTo,
          origin,
        });

  // At every opening (a start, a restore) and then daily: the save ids no client can send again are forgotten.
  const forgetOldSaves = () => {
    try {
      if (current && !shellActor) pruneAppliedSaves(current.db, options.clock);
    } catch (e) {
      options.logError?.(e, 'saves:prune');
    }
  };
  const pruning = setInterval(forgetOldSaves, options.pruneEveryMs ?? 86_400_000);
  pruning.unref?.();

  function open(create: boolean) {
    const db = openDatabase(options.dbFile, {
      migrationsFolder: options.migrationsFolder,
      create,
      beforeMigrate: (client) => {
        try {
          beforeUpdate = snapshotBeforeMigration(client, options.dbFile, options.clock);
        } catch (e) {
          // No room for the copy must not keep the school out of its journal; the update goes on, logged.
          options.logError?.(e, 'backup:before-update');
        }
      },
    });
    const services = createServices({
      db,
      clock: options.clock,
      backup: env,
      fontsDir,
      printDir,
      printTo: options.printTo,
      desktop: options.desktop,
      origin,
      served: options.served,
      runSchool: offload?.printSchool,
    });
    const groups = createCommitGroups(db);
    const dispatch = createDispatcher({
      handlers: createHandlers(services),
      // The command line's calls carry no session: its transport is its own actor, checked like anyone's.
      resolveActor: shellActor ? () => shellActor : (token) => services.auth.resolve(token),
      logError: options.logError,
      dbFile: options.dbFile,
      onRefused: (actor, channel, message, input) => recordRefusal(services.audit, actor, channel, message, input),
      offload: offload?.call,
      grouped: (channel, run) => (groupedSaves.has(channel) ? groups.run(run) : null),
      confirmPassword: (actor, password, call) =>
        services.auth.confirm(actor, password, call.client, call.sessionToken),
      onCommitted: (channel, input, output, call) =>
        changes.publish({ changes: changesOf(channel, input, output, live().db), origin: call.sessionToken }),
      foreground,
    });
    current = { db, services, dispatch };
    forgetOldSaves();
    return current;
  }

  const env: BackupEnv = {
    liveFile: options.dbFile,
    migrationsFolder: options.migrationsFolder,
    ...options.backup,
    fontsDir,
    appVersion: options.backup?.appVersion ?? 'dev',
    runtime,
    makeWay: (maxMs: number) => foreground.quiet(maxMs),
    // A restore closes the file under every shell at once, swaps it, and opens it again here.
    release: async () => {
      current?.db.$client.close();
      current = null;
      // The threads' connections too: the swap needs the file closed by every connection of this process.
      await offload?.pool.stop();
    },
    reacquire: () => open(false).db,
  };

  const lock = options.owner ? claimJournal(options.dbFile, options.owner) : null;
  let first: ReturnType<typeof open>;
  try {
    first = open(options.create ?? false);
  } catch (e) {
    lock?.release();
    throw e;
  }
  if (beforeUpdate) {
    // To the destinations and, encrypted like them, to before-update/ itself, in the background; the plain copy
    // goes once its encrypted one is there (with no key yet it stays, readable by this account only).
    void first.services.backup
      .backup('migration', { kind: 'snapshot', file: beforeUpdate }, path.dirname(beforeUpdate))
      .catch((e) => options.logError?.(e, 'backup:migration'));
  }
  const live = () => {
    if (!current) throw new Error('The database is closed (a restore is swapping it)');
    return current;
  };
  return {
    get db() {
      return live().db;
    },
    get services() {
      return live().services;
    },
    dispatch: Object.assign(
      (channel: string, input: unknown, call: CallContext) => live().dispatch(channel, input, call),
      {
        sessionOwner: (token: string | null) => live().services.auth.sessionOwner(token),
      },
    ),
    lock,
    changes,
    makeWay: env.makeWay!,
    live: createLiveFeed({
      bus: changes,
      db: () => live().db,
      today: () => localDate(options.clock.now()),
      peek: (token) => live().services.auth.resolve(token, false),
      logError: options.logError,
    }),
    close: () => {
      clearInterval(pruning);
      void offload?.pool.stop();
      current?.db.$client.close();
      lock?.release();
    },
  };
}
