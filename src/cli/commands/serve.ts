import fs from 'node:fs';
import { isIPv4 } from 'node:net';
import path from 'node:path';
import { createCore } from '../../core/app';
import { storageFailure } from '../../core/db/failures';
import { systemDriveLister } from '../../core/backup/drives';
import { backupOnExit, startDailyBackups } from '../../core/backup/scheduler';
import { systemClock } from '../../core/clock';
import { demoLogins } from '../../core/demo';
import { advertiseHost } from '../../host/discovery/host';
import { isLoopback } from '../../host/guard';
import { startHost, type StartedHost } from '../../host/start';
import { loadOrCreateCertificate, tlsDirFor } from '../../host/tls/certificate';
import { servedNetwork } from '../../host/tls/served';
import { CliError, say } from '../output';
import { appVersion } from './backup';
import { runDemo } from './demo';

export interface ServeArgs {
  db?: string;
  demo: boolean;
  tier: string;
  port: number;
  /** Absent: 127.0.0.1, or every address when the admin switched «Школьная сеть» on. */
  host?: string;
  root: string;
}

/** `zhurnal serve`: the host shell. With --demo, a demonstration database in .zhurnal-demo/ is made once and reused. */
export async function runServe(args: ServeArgs): Promise<void> {
  const migrationsFolder = path.join(args.root, 'migrations');
  let dbFile = args.db;
  if (!dbFile) {
    if (!args.demo) throw new CliError('Укажите файл базы: --db ФАЙЛ (или --demo для демонстрационной школы)');
    dbFile = path.join(args.root, '.zhurnal-demo', `demo-${args.tier}.db`);
    if (!fs.existsSync(dbFile)) runDemo({ db: dbFile, tier: args.tier, years: 1, migrationsFolder });
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)
    throw new CliError('--port: число от 0 до 65535');
  let host: StartedHost | null = null;
  // The database is checked first (a read-only disk, another owner): its refusal names the cause, where the
  // certificate's folder would only fail to be created.
  const core = createCore({
    dbFile,
    migrationsFolder,
    clock: systemClock,
    owner: 'zhurnal serve',
    backup: { appVersion: appVersion(args.root), listDrives: systemDriveLister },
    logError: (error, channel) => console.error(`[${channel}]`, error),
    served: () => servedNetwork(host, certificate, hostname),
  });
  // Made at the first start even while the network is off, so the admin can read the code before switching it on.
  let certificate: Awaited<ReturnType<typeof loadOrCreateCertificate>>;
  try {
    certificate = await loadOrCreateCertificate(tlsDirFor(dbFile));
  } catch (e) {
    core.close();
    throw storageFailure(e, dbFile, 'start') ?? e;
  }
  // The shell's own setting, read on every request before any session exists: network:get is an admin's call.
  const schoolNetwork = () => core.services.network.schoolNetwork();
  const hostname = args.host ?? (schoolNetwork() ? '0.0.0.0' : '127.0.0.1');
  if (!isLoopback(hostname) && hostname !== 'localhost' && !schoolNetwork()) {
    core.close();
    throw new CliError(
      'Доступ из школьной сети выключен: администратор включает «Школьная сеть» в разделе «Администрирование», затем перезапустите serve',
    );
  }
  const rendererDir = path.join(args.root, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    say(
      'Интерфейс не собран (out/renderer): выполните npm run build; сейчас доступен только API.',
      'The UI is not built (out/renderer): run npm run build; only the API is served now.',
    );
  }
  const started = await startHost({
    dispatch: core.dispatch,
    live: core.live,
    rendererDir,
    port: args.port,
    host: hostname,
    schoolNetwork,
    tls: certificate,
  });
  host = started;
  core.lock?.announce(started.url);
  say(
    `Журнал открыт по адресу ${started.url}  (база: ${dbFile})`,
    `Zhurnal is served at ${started.url}  (database: ${dbFile})`,
  );
  const network = servedNetwork(started, certificate, hostname);
  if (network.listening) {
    say(
      `Другие компьютеры школы: ${network.urls.join('  ')}`,
      `Other computers of the school: ${network.urls.join('  ')}`,
    );
    say(`Код подключения: ${certificate.code}`, `Connection code: ${certificate.code}`);
  }
  // Bound to one address (--host), it is announced on that interface only, where it answers.
  const announced = advertiseHost(
    started,
    { name: core.services.school.displayName(), fingerprint: certificate.fingerprint },
    isIPv4(hostname) && hostname !== '0.0.0.0' ? { interface: hostname } : {},
  );
  if (args.demo && !args.db) {
    say('Демонстрационные входы (пароль у всех «demo»):', 'Demo logins (password «demo» for all):');
    for (const l of demoLogins) say(`  ${l.login.padEnd(10)} ${l.who}`, `  ${l.login.padEnd(10)} ${l.role}`);
  }
  // The same scheduled backups as the desktop app: daily, and once more when the host is stopped.
  const logError = (e: unknown) => console.error('[backup]', e);
  const stopDaily = startDailyBackups({ core, logError });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopDaily();
    // The goodbye first, while the address still answers: clients drop the school from their lists at once.
    void (announced?.stop() ?? Promise.resolve())
      .then(() => started.close())
      .then(() => {
        const finish = () => {
          core.close();
          process.exit(0);
        };
        if (!backupOnExit(core, finish, logError)) finish();
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Said once a stop is handled (a goodbye, a last backup), so a service manager that waits for it stops it cleanly.
  say('Остановить: Ctrl+C', 'Stop with Ctrl+C');
}
