import type { Role } from './roles';

/** The demonstration school's documented accounts (README.md), shown on its login screen. All use «demo». */
export const demoLogins: ReadonlyArray<{ login: string; password: string; role: Role; who: string }> = [
  { login: 'admin', password: 'demo', role: 'admin', who: 'Администратор электронного журнала' },
  { login: 'zavuch', password: 'demo', role: 'deputy', who: 'Заместитель директора по УВР' },
  { login: 'director', password: 'demo', role: 'director', who: 'Директор школы' },
  { login: 'secretary', password: 'demo', role: 'secretary', who: 'Секретарь учебной части' },
  { login: 'uchitel', password: 'demo', role: 'teacher', who: 'Учитель математики, 5А' },
  { login: 'klruk', password: 'demo', role: 'class_teacher', who: 'Классный руководитель 5А, учитель русского языка' },
];
