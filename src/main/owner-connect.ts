import { app, dialog } from 'electron';
import { pinCertificate } from './network/pairing';
import type { DesktopModes } from './network/desktop-modes';
import { connectToOwnerButton, openFailureDialog, ownerServer } from './open-failure';

/**
 * The journal did not open at start. When another program holds the file and serves it, the dialog offers to
 * work in that program's journal as its client, this once; otherwise (or on «Закрыть») the app quits.
 * Resolves true when the app goes on as a client.
 */
export async function connectInsteadOrQuit(error: unknown, file: string, modes: DesktopModes): Promise<boolean> {
  console.error(error);
  const { title, content } = openFailureDialog(error, file);
  const server = ownerServer(error, file);
  if (!server) {
    dialog.showErrorBox(title, content);
  } else {
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title,
      message: title,
      detail: content,
      buttons: [connectToOwnerButton, 'Закрыть'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) {
      const paired = await pinCertificate(server, server.certPem);
      if (paired.ok) {
        modes.useServerOnce(paired.value);
        return true;
      }
      dialog.showErrorBox('Журнал: не удалось подключиться', paired.error.message);
    }
  }
  app.quit();
  return false;
}
