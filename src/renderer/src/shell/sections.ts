import { mayAccess, type Permission, type Role } from '../../../shared/roles';

export const sectionIds = [
  'day',
  'journal',
  'attendance',
  'pupils',
  'substitutions',
  'periods',
  'yearclose',
  'reports',
  'inspection',
  'movement',
  'imports',
  'print',
  'retention',
  'backup',
  'admin',
  'audit',
  'help',
] as const;
export type SectionId = (typeof sectionIds)[number];

export interface Section {
  id: SectionId;
  label: string;
  /** Any one of these opens the section; none: everyone who has logged in. */
  anyOf: readonly Permission[];
}

export const sections: readonly Section[] = [
  // The teacher's start page: today's lessons and what they still lack.
  { id: 'day', label: 'Мой день', anyOf: ['journal.write'] },
  { id: 'journal', label: 'Журнал', anyOf: ['journal.read_own'] },
  { id: 'attendance', label: 'Посещаемость', anyOf: ['attendance.verify', 'journal.read_all'] },
  // Pupils' cards: the class teacher's own class, the secretary's and the administration's every class.
  { id: 'pupils', label: 'Ученики', anyOf: ['pupils.read'] },
  // Who replaces an absent teacher: the deputy's, on a sick day.
  { id: 'substitutions', label: 'Замены', anyOf: ['substitutions.manage'] },
  { id: 'periods', label: 'Закрытие периодов', anyOf: ['periods.lock'] },
  { id: 'yearclose', label: 'Закрытие года', anyOf: ['year.close'] },
  { id: 'reports', label: 'Отчёты', anyOf: ['reports.read'] },
  // The deputy's monthly control: saved checks and the remarks written from them.
  { id: 'inspection', label: 'Проверки журналов', anyOf: ['journals.inspect'] },
  // The secretary's book of orders: arrivals, transfers, departures; the administration reads it.
  { id: 'movement', label: 'Движение учащихся', anyOf: ['movement.read'] },
  // Class lists from XLSX/CSV: the secretary's and the admin's (teachers' lists inside it are the admin's alone).
  { id: 'imports', label: 'Загрузка списков', anyOf: ['movement.manage'] },
  { id: 'print', label: 'Печать', anyOf: ['print.read'] },
  // What the school keeps and until when: the secretary is reminded when a date comes.
  { id: 'retention', label: 'Сроки хранения', anyOf: ['print.read'] },
  { id: 'backup', label: 'Резервные копии', anyOf: ['backup.manage'] },
  { id: 'admin', label: 'Администрирование', anyOf: ['users.manage', 'school.manage', 'school.read'] },
  { id: 'audit', label: 'Журнал действий', anyOf: ['audit.read'] },
  // How to do each role's usual work, with the screens as they are.
  { id: 'help', label: 'Справка', anyOf: [] },
];

/** The sections a user with these roles sees in the navigation, in the navigation's order. */
export function visibleSections(roles: readonly Role[]): Section[] {
  return sections.filter((s) => s.anyOf.length === 0 || s.anyOf.some((p) => mayAccess(p, roles)));
}
