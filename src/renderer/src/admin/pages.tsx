// The pages of «Администрирование», one line each: who sees a page and what it shows. Helpers working on
// other parts of the administration add their pages here.
import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/roles';
import { AssignmentsPage } from '../structure/AssignmentsPage';
import { ClassesPage } from '../structure/ClassesPage';
import { CurriculumPage } from '../structure/CurriculumPage';
import { RulesPage } from '../structure/RulesPage';
import { SubgroupsPage } from '../structure/SubgroupsPage';
import { SubjectsPage } from '../structure/SubjectsPage';
import { WorkKindsPage } from '../structure/WorkKindsPage';
import { TimetablePage } from '../timetable/TimetablePage';
import { UsersScreen } from '../users/UsersScreen';
import { SecurityPanel } from '../users/SecurityPanel';
import { SchoolScreen } from '../school/SchoolScreen';
import { SchoolNetworkPanel } from '../network/SchoolNetworkPanel';
import type { AdminPageProps } from './page-props';

export interface AdminPage {
  id: string;
  label: string;
  /** Any one of these shows the page. */
  anyOf: readonly Permission[];
  /** The page shows one school year's structure: «Учебный год» above it picks which. */
  byYear?: true;
  render(props: AdminPageProps): ReactNode;
}

export const adminPages: readonly AdminPage[] = [
  { id: 'users', label: 'Пользователи', anyOf: ['users.manage'], render: () => <UsersScreen /> },
  { id: 'school', label: 'Школа', anyOf: ['school.manage'], render: () => <SchoolScreen /> },
  { id: 'security', label: 'Безопасность', anyOf: ['users.manage'], render: () => <SecurityPanel /> },
  { id: 'subjects', label: 'Предметы', anyOf: ['school.read'], render: (p) => <SubjectsPage {...p} /> },
  {
    id: 'curriculum',
    label: 'Учебный план',
    anyOf: ['school.read'],
    byYear: true,
    render: (p) => <CurriculumPage {...p} />,
  },
  { id: 'classes', label: 'Классы', anyOf: ['school.read'], byYear: true, render: (p) => <ClassesPage {...p} /> },
  {
    id: 'subgroups',
    label: 'Подгруппы',
    anyOf: ['school.read'],
    byYear: true,
    render: (p) => <SubgroupsPage {...p} />,
  },
  {
    id: 'assignments',
    label: 'Нагрузка',
    anyOf: ['school.read'],
    byYear: true,
    render: (p) => <AssignmentsPage {...p} />,
  },
  { id: 'timetable', label: 'Расписание', anyOf: ['school.read'], render: (p) => <TimetablePage {...p} /> },
  { id: 'work-kinds', label: 'Виды работ', anyOf: ['school.read'], render: (p) => <WorkKindsPage {...p} /> },
  { id: 'rules', label: 'Отметки и сроки', anyOf: ['school.read'], render: (p) => <RulesPage {...p} /> },
  { id: 'network', label: 'Школьная сеть', anyOf: ['school.manage'], render: () => <SchoolNetworkPanel /> },
];
