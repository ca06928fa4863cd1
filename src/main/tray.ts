import path from 'node:path';
import { app, dialog, Menu, nativeImage, Tray } from 'electron';

export const servingTooltip = 'Журнал работает для школьной сети';

/** The tray icon: resources/icon.png, packaged beside the migrations (electron-builder.yml). */
export function trayIconFile(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'icon.png')
    : path.join(app.getAppPath(), 'resources', 'icon.png');
}

/**
 * The school's computer keeps serving when its window is closed: the other computers are working in the journal.
 * The app then lives on in the tray, from where the window opens again; quitting asks first while other computers
 * are connected, as it cuts them off. Without serving, closing the window quits as before.
 */
export function keepServingOnClose(options: {
  serving(): boolean;
  /** The computers working with the journal now (the server counts them); none: quitting cuts nobody off. */
  connected(): number;
  openWindow(): void;
}): void {
  let tray: Tray | null = null;
  const quit = () => {
    const connected = options.connected();
    const choice =
      connected === 0
        ? 0
        : dialog.showMessageBoxSync({
            type: 'question',
            title: 'Выход из Журнала',
            message: 'Выйти из Журнала?',
            detail: `С журналом сейчас работают другие компьютеры (${connected}): они не смогут работать с ним, пока Журнал не будет снова запущен здесь.`,
            buttons: ['Выйти', 'Отмена'],
            defaultId: 1,
            cancelId: 1,
            noLink: true,
          });
    if (choice === 0) {
      tray?.destroy();
      tray = null;
      app.quit();
    }
  };
  app.on('window-all-closed', () => {
    if (!options.serving()) {
      app.quit();
      return;
    }
    if (tray) return;
    tray = new Tray(nativeImage.createFromPath(trayIconFile()));
    tray.setToolTip(servingTooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Открыть журнал', click: () => options.openWindow() },
        { type: 'separator' },
        { label: 'Выйти', click: quit },
      ]),
    );
    tray.on('click', () => options.openWindow());
  });
}
