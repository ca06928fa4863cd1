import { execFile } from 'node:child_process';
import { shell } from 'electron';
import type { DesktopFiles } from '../core/print/service';
import { AppError } from '../shared/errors';

/**
 * The command that sends a PDF to the default printer: Windows asks the PDF viewer's «Print» verb (what
 * «Печать» in Explorer's menu does); Linux (Astra, ALT) and macOS hand it to CUPS with `lp`.
 */
export function printCommand(file: string, platform: NodeJS.Platform): [string, string[]] {
  if (platform === 'win32') {
    const quoted = `'${file.replace(/'/g, "''")}'`;
    return [
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', `Start-Process -FilePath ${quoted} -Verb Print`],
    ];
  }
  return ['lp', ['--', file]];
}

type Run = (command: string, args: string[]) => Promise<void>;

const run: Run = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 60_000, windowsHide: true }, (error, _out, stderr) =>
      error ? reject(new Error(String(stderr).trim() || error.message)) : resolve(),
    );
  });

/** Opening and printing the files the print service wrote; the service checks which files those are. */
export function desktopFiles(deps: { run?: Run; platform?: NodeJS.Platform } = {}): DesktopFiles {
  return {
    async openFile(file) {
      const error = await shell.openPath(file);
      if (error) throw new AppError('io', `Не удалось открыть файл в программе просмотра PDF: ${error}`);
    },
    async printFile(file) {
      const [command, args] = printCommand(file, deps.platform ?? process.platform);
      try {
        await (deps.run ?? run)(command, args);
      } catch (e) {
        throw new AppError(
          'io',
          `Не удалось отправить файл на принтер: ${(e as Error).message}. Откройте его и напечатайте из программы просмотра.`,
        );
      }
    },
  };
}
