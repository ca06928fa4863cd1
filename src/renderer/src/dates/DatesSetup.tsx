import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import '@mantine/dates/styles.css';

/** Calendars in Russian with Monday first, whatever language the browser or the computer is set to. */
export function DatesSetup({ children }: { children: ReactNode }) {
  return (
    <DatesProvider settings={{ locale: 'ru', firstDayOfWeek: 1, weekendDays: [0], consistentWeeks: true }}>
      {children}
    </DatesProvider>
  );
}
