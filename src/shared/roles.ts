/** Roles of docs/DOMAIN.md and what each may do. A user may hold several roles. */
export const roles = ['admin', 'deputy', 'director', 'teacher', 'class_teacher', 'secretary'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  admin: 'Администратор ЭЖ',
  deputy: 'Заместитель директора по УВР',
  director: 'Директор',
  teacher: 'Учитель',
  class_teacher: 'Классный руководитель',
  secretary: 'Секретарь',
};

export const permissions = [
  'journal.read_own', // the journals of one's own assignments and substitutions
  'journal.read_all',
  'journal.write',
  'attendance.verify',
  'reports.read',
  'periods.lock',
  'school.read', // the school's structure and timetable, as the deputy reads them
  'school.manage',
  'users.manage',
  'movement.manage',
  'movement.read', // the movement register and class lists by date: the administration and the secretary
  'year.close', // the year's marks check, decisions per student and the lock
  'print.journal',
  'print.read', // the print section and the retention register, to read and print books: print.journal implies it
  'backup.manage',
  'audit.read', // the audit log viewer: the admin and the deputy
  'substitutions.manage', // recording who replaces an absent teacher: the deputy and the admin
  'pupils.read', // pupils' cards (birth date, address, parents): of one's own class, or every class with pupils.all_classes
  'pupils.edit', // correcting a pupil's card: of one's own class, or every class with pupils.all_classes
  'pupils.all_classes', // pupils' cards of every class, not only the class one leads
  'journals.inspect', // remarks on journals and saved journal checks: the deputy's
] as const;
export type Permission = (typeof permissions)[number];

/** Who may call a channel: nobody logged in, anybody logged in, or holders of a permission. */
export type Access = 'public' | 'session' | Permission;

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    'journal.read_all',
    'reports.read',
    'periods.lock',
    'school.read',
    'school.manage',
    'users.manage',
    'movement.manage',
    'movement.read',
    'year.close',
    'print.journal',
    'backup.manage',
    'audit.read',
    'substitutions.manage',
    'pupils.read',
    'pupils.edit',
    'pupils.all_classes',
  ],
  deputy: [
    'journal.read_all',
    'reports.read',
    'periods.lock',
    'school.read',
    'movement.read',
    'year.close',
    'audit.read',
    'substitutions.manage',
    'print.read',
    // Reads the cards (to call a pupil's parents), does not change them.
    'pupils.read',
    'pupils.all_classes',
    'journals.inspect',
  ],
  director: ['journal.read_all', 'reports.read', 'school.read', 'movement.read'],
  // A teacher reads the reports of their own assignments.
  teacher: ['journal.read_own', 'journal.write', 'reports.read'],
  // The class teacher keeps the cards of their own class («выверять анкетные данные об учениках и их родителях»).
  class_teacher: [
    'journal.read_own',
    'journal.write',
    'attendance.verify',
    'reports.read',
    'pupils.read',
    'pupils.edit',
  ],
  // The secretary keeps the lists and the cards and prints the books, but reads none of the marks.
  secretary: ['movement.manage', 'movement.read', 'print.journal', 'pupils.read', 'pupils.edit', 'pupils.all_classes'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((r) => rolePermissions[r]));
}

export function mayAccess(access: Access, userRoles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (userRoles === null) return false;
  if (access === 'session') return true;
  const granted = permissionsOf(userRoles);
  // Reading one's own journals is implied by reading them all; reading the print section by printing.
  return (
    granted.has(access) ||
    (access === 'journal.read_own' && granted.has('journal.read_all')) ||
    (access === 'print.read' && granted.has('print.journal'))
  );
}
