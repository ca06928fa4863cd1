import { describe, expect, it } from 'vitest';
import { roles } from '../../src/shared/roles';
import { visibleSections } from '../../src/renderer/src/shell/sections';

const labels = (roles: Parameters<typeof visibleSections>[0]) => visibleSections(roles).map((s) => s.label);

describe('the navigation shows what the roles allow', () => {
  it('gives a subject teacher their day, the journal and the reports on their own classes', () => {
    expect(labels(['teacher'])).toEqual(['Мой день', 'Журнал', 'Отчёты', 'Справка']);
  });

  it('gives a class teacher attendance and reports too', () => {
    expect(labels(['teacher', 'class_teacher'])).toEqual([
      'Мой день',
      'Журнал',
      'Посещаемость',
      'Ученики',
      'Отчёты',
      'Справка',
    ]);
  });

  it('gives the secretary the class lists and printing but not backups or administration', () => {
    expect(labels(['secretary'])).toEqual([
      'Ученики',
      'Движение учащихся',
      'Загрузка списков',
      'Печать',
      'Сроки хранения',
      'Справка',
    ]);
  });

  it('gives the admin every section', () => {
    expect(labels(['admin'])).toEqual([
      'Журнал',
      'Посещаемость',
      'Ученики',
      'Замены',
      'Закрытие периодов',
      'Закрытие года',
      'Отчёты',
      'Движение учащихся',
      'Загрузка списков',
      'Печать',
      'Сроки хранения',
      'Резервные копии',
      'Администрирование',
      'Журнал действий',
      'Справка',
    ]);
  });

  it('gives the deputy and the director reading sections, and the school structure to read in administration', () => {
    expect(labels(['deputy'])).toEqual([
      'Журнал',
      'Посещаемость',
      'Ученики',
      'Замены',
      'Закрытие периодов',
      'Закрытие года',
      'Отчёты',
      'Проверки журналов',
      'Движение учащихся',
      'Печать',
      'Сроки хранения',
      'Администрирование',
      'Журнал действий',
      'Справка',
    ]);
    expect(labels(['director'])).toEqual([
      'Журнал',
      'Посещаемость',
      'Отчёты',
      'Движение учащихся',
      'Администрирование',
      'Справка',
    ]);
  });

  it('gives every role at least one section, so a signed-in user never lands on an empty page', () => {
    // «Справка» is everyone's; each role also has work of its own.
    for (const role of roles)
      expect(visibleSections([role]).filter((s) => s.id !== 'help').length, role).toBeGreaterThan(0);
  });
});
