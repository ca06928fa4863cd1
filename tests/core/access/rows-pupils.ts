// Pupils' cards: the class teacher (own class), the secretary and the admin read and correct them; the deputy
// reads them; the director and the subject teachers see no personal data (the journal gives them names only).
import type { Role } from '../../../src/shared/roles';
import type { Ctx, Row } from './rows-kit';

const cardReaders: readonly Role[] = ['admin', 'deputy', 'class_teacher', 'secretary'];
const cardEditors: readonly Role[] = ['admin', 'class_teacher', 'secretary'];

const card = (studentId: number, lastName: string) => ({
  studentId,
  lastName,
  firstName: 'Иван',
  middleName: null,
  birthDate: null,
  gender: 'm',
  personalFileNo: null,
  address: 'ул. Школьная, 1',
  parents: [{ fullName: `${lastName}а Мария Ивановна`, relation: 'мать', phones: ['8 912 345 67 89'] }],
});

export const pupilRows: Record<string, Row> = {
  'pupils:classes': { allow: cardReaders },
  'pupils:list': {
    allow: cardReaders,
    input: ({ s }: Ctx) => ({ classId: s.classes.c5 }),
    objects: [
      {
        as: 'class_teacher',
        input: ({ s }) => ({ classId: s.classes.c10 }),
        expect: 'forbidden',
        why: 'klruk leads 5А, not 10А',
      },
    ],
  },
  'pupils:save': {
    allow: cardEditors,
    input: ({ s }: Ctx) => card(s.students.A, 'Алексеев'),
    objects: [
      {
        as: 'class_teacher',
        input: ({ s }) => card(s.students.K, 'Кузнецов'),
        expect: 'forbidden',
        why: 'Кузнецов is in 10А, not in klruk’s class',
      },
      {
        as: 'class_teacher',
        input: ({ s }) => card(s.students.H, 'Зайцева'),
        expect: 'ok',
        why: 'Зайцева left 5А in October: her card is still her class teacher’s',
      },
    ],
  },
};
