import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/renderer/src/api/errors';
import { AppError, errorKinds, refusals } from '../../src/shared/errors';

/** As the renderer gets it: through the transport's shape, not the thrown object. */
const received = (kind: AppError['kind'], message: string, details?: unknown) =>
  describeError(AppError.from(new AppError(kind, message, details).toShape()));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('error titles', () => {
  it('names a refused «Открыть» / «На принтер» for what it is, with where to do it instead', () => {
    const shown = received(
      'conflict',
      'Открыть или напечатать файл можно только в приложении Журнал на этом компьютере',
      {
        refusal: 'desktop_only',
      },
    );
    expect(shown.title).toBe('Только в приложении на этом компьютере');
    expect(shown.title).not.toBe('Конфликт данных');
    expect(shown.next).toMatch(/скачайте/);
  });

  it('gives each refusal its own title and a next step', () => {
    const shown = Object.keys(refusals).map((code) => received('conflict', 'текст сервиса', { refusal: code }));
    expect(new Set(shown.map((s) => s.title)).size).toBe(shown.length);
    for (const s of shown) {
      expect(s.next).toMatch(/[а-яё]/i);
      expect(s.message).toBe('текст сервиса');
    }
  });

  it('reads a timetable’s clashes by their shape and an unknown refusal by its kind', () => {
    expect(received('conflict', 'Накладки', { clashes: [] }).title).toBe('Накладки в расписании');
    expect(received('conflict', 'x', { refusal: 'nonsense' }).title).toBe('Действие не выполнено');
    expect(received('locked', 'Период закрыт').next).toMatch(/завуч/);
  });

  it('has a title for every kind and hides an internal error’s text', () => {
    for (const kind of errorKinds) expect(received(kind, 'x').title).toMatch(/[а-яё]/i);
    expect(received('internal', 'TypeError: x is undefined')).toEqual({
      title: 'Внутренняя ошибка программы — сообщите администратору',
      message: null,
      next: null,
    });
    expect(describeError(new Error('boom')).message).toBeNull();
  });

  it('knows every refusal the core names', () => {
    const named = sourceFiles(path.join(__dirname, '../../src/core')).flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/refusal: '([a-z_]+)'/g)].map((m) => m[1]!),
    );
    expect(named).toContain('desktop_only');
    for (const code of named) expect(Object.keys(refusals)).toContain(code);
  });
});
