import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * A short Russian menu. Zoom is there for reading the journal on a small or far screen; reload and the
 * developer tools only in development, so a teacher cannot lose what they were typing with Ctrl+R.
 */
export function menuTemplate(options: { dev: boolean; about?: () => void }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: 'Крупнее' },
    { role: 'zoomOut', label: 'Мельче' },
    { role: 'resetZoom', label: 'Обычный размер' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Во весь экран' },
  ];
  if (options.dev) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: 'Перезагрузить' },
      { role: 'toggleDevTools', label: 'Инструменты разработчика' },
    );
  }
  return [
    { label: 'Файл', submenu: [{ role: 'quit', label: 'Выход' }] },
    {
      label: 'Правка',
      submenu: [
        { role: 'undo', label: 'Отменить' },
        { role: 'redo', label: 'Повторить' },
        { type: 'separator' },
        { role: 'cut', label: 'Вырезать' },
        { role: 'copy', label: 'Копировать' },
        { role: 'paste', label: 'Вставить' },
        { role: 'selectAll', label: 'Выделить всё' },
      ],
    },
    { label: 'Вид', submenu: view },
    { label: 'Справка', submenu: [{ label: 'О программе', click: () => options.about?.() }] },
  ];
}

export function installMenu(options: { dev: boolean; about?: () => void }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
