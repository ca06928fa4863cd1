// The rows of the import channels: the class lists' keepers (the secretary and the admin) pass the gate; a
// teachers' list (accounts) and a list that would create classes (structure) are the admin's alone, so the
// secretary's such calls are object cases the service refuses.
import type { Role } from '../../../src/shared/roles';
import type { ObjectCase, Row } from './rows-kit';

const studentFile = {
  kind: 'students',
  fileName: 'список.csv',
  contentBase64: Buffer.from('Фамилия;Имя;Дата рождения;Класс\nНовикова;Анна;12.03.2014;5А\n').toString('base64'),
};
const studentImport = {
  ...studentFile,
  mapping: { lastName: 0, firstName: 1, birthDate: 2, className: 3 },
  options: { createClasses: false, orderNumber: '15-у', orderDate: '2025-09-01' },
};
const listKeepers: readonly Role[] = ['admin', 'secretary'];
const teachersFile = {
  kind: 'teachers',
  fileName: 'учителя.csv',
  contentBase64: Buffer.from('Фамилия;Имя\nСоколова;Нина\n').toString('base64'),
};
const teachersImport = { ...teachersFile, mapping: { lastName: 0, firstName: 1 } };
/** The secretary imports class lists, never teachers: those are accounts, the admin's. */
const teachersOnlyAdmin = (input: () => unknown): readonly ObjectCase[] => [
  { as: 'secretary', input, expect: 'forbidden', why: 'a teachers’ list makes accounts' },
];
/** …nor the classes a list names that the year lacks: those are the structure, the admin's. */
const newClassesOnlyAdmin = (input: () => unknown): ObjectCase => ({
  as: 'secretary',
  input,
  expect: 'forbidden',
  why: 'a new class is the school’s structure',
});
const withNewClasses = { ...studentImport, options: { ...studentImport.options, createClasses: true } };

export const importRows: Record<string, Row> = {
  'imports:inspect': { allow: listKeepers, input: () => studentFile, objects: teachersOnlyAdmin(() => teachersFile) },
  'imports:preview': {
    allow: listKeepers,
    input: () => studentImport,
    objects: [...teachersOnlyAdmin(() => teachersImport), newClassesOnlyAdmin(() => withNewClasses)],
  },
  'imports:commit': {
    allow: listKeepers,
    input: () => ({ ...studentImport, skipInvalid: true }),
    objects: [
      ...teachersOnlyAdmin(() => ({ ...teachersImport, skipInvalid: true })),
      newClassesOnlyAdmin(() => ({ ...withNewClasses, skipInvalid: true })),
    ],
  },
};
