import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { desktopFiles, printCommand } = await import('../../src/main/pdf-files');

describe('opening and printing PDFs from main', () => {
  beforeEach(() => resetFake());

  it('opens a file in the system viewer, and explains a failure in Russian', async () => {
    await desktopFiles().openFile('/home/s/Журнал/5А.pdf');
    expect(state().openedPaths).toEqual(['/home/s/Журнал/5А.pdf']);
    state().openPathResult = 'No application is associated';
    await expect(desktopFiles().openFile('/x.pdf')).rejects.toThrow(/Не удалось открыть файл.*No application/);
  });

  it('prints with lp on Linux and the Print verb on Windows, a quote in the path kept literal', async () => {
    const calls: [string, string[]][] = [];
    const files = desktopFiles({ platform: 'linux', run: async (c, a) => void calls.push([c, a]) });
    await files.printFile('/home/s/Журнал/5А.pdf');
    expect(calls).toEqual([['lp', ['--', '/home/s/Журнал/5А.pdf']]]);
    const [cmd, args] = printCommand("C:\\Users\\O'Neil\\Журнал\\5А.pdf", 'win32');
    expect(cmd).toBe('powershell.exe');
    expect(args.at(-1)).toBe("Start-Process -FilePath 'C:\\Users\\O''Neil\\Журнал\\5А.pdf' -Verb Print");
  });

  it('says what to do when the printer cannot be reached', async () => {
    const files = desktopFiles({
      platform: 'linux',
      run: () => Promise.reject(new Error('lp: no default destination')),
    });
    await expect(files.printFile('/a.pdf')).rejects.toThrow(
      /Не удалось отправить файл на принтер: lp: no default destination/,
    );
  });
});
