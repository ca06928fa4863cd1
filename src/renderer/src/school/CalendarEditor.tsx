import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { PeriodScheme, SchoolCalendar } from '../../../shared/contract';
import { schemeNames } from '../../../shared/contract';
import { gradesOf, setHoliday, setPeriod, usedSchemes } from './calendarEdit';
import { DateField } from '../dates/DateField';

const schemeOptions = (Object.keys(schemeNames) as PeriodScheme[]).map((s) => ({ value: s, label: schemeNames[s] }));
const gradeOptions = [
  { value: '', label: 'все классы' },
  ...Array.from({ length: 11 }, (_, i) => ({ value: String(i + 1), label: `только ${i + 1}-е классы` })),
];

/** A date in a table cell: its column header says what it is, the label is for screen readers. */
function CellDate({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  disabled?: boolean;
}) {
  return <DateField aria-label={label} value={value} disabled={disabled} onChange={onChange} size="xs" />;
}

/** The school year: its dates, which periods each grade follows, the periods' dates and the holidays. */
export function CalendarEditor({
  value,
  onChange,
  periodsLocked = false,
  show = 'all',
}: {
  value: SchoolCalendar;
  onChange(v: SchoolCalendar): void;
  periodsLocked?: boolean;
  /** The wizard asks for the periods and the holidays on two steps; «Школа» shows both. */
  show?: 'all' | 'periods' | 'holidays';
}) {
  const cal = value;
  return (
    <Stack gap="md">
      {show !== 'holidays' && <PeriodsPart cal={cal} onChange={onChange} periodsLocked={periodsLocked} />}
      {show !== 'periods' && <HolidaysPart cal={cal} onChange={onChange} />}
    </Stack>
  );
}

type PartProps = { cal: SchoolCalendar; onChange(v: SchoolCalendar): void };

function PeriodsPart({ cal, onChange, periodsLocked }: PartProps & { periodsLocked: boolean }) {
  return (
    <Stack gap="md">
      {periodsLocked && (
        <Alert color="yellow" variant="light" title="В этом году уже есть отметки">
          Даты года, четвертей, триместров и полугодий и их выбор для классов изменить нельзя: отметки оказались бы не в
          своём периоде. Каникулы менять можно.
        </Alert>
      )}
      <SimpleGrid cols={3} spacing="sm">
        <TextInput
          label="Учебный год"
          value={cal.year.name}
          disabled={periodsLocked}
          onChange={(e) => onChange({ ...cal, year: { ...cal.year, name: e.currentTarget.value } })}
        />
        <DateField
          label="Начало"
          value={cal.year.startDate}
          disabled={periodsLocked}
          onChange={(v) => onChange({ ...cal, year: { ...cal.year, startDate: v } })}
        />
        <DateField
          label="Конец"
          value={cal.year.endDate}
          disabled={periodsLocked}
          onChange={(v) => onChange({ ...cal, year: { ...cal.year, endDate: v } })}
        />
      </SimpleGrid>

      <div>
        <Title order={5} mb={4}>
          Периоды по параллелям
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Обычно 1–9 классы учатся по четвертям, 10–11 — по полугодиям.
        </Text>
        <SimpleGrid cols={{ base: 4, lg: 6 }} spacing="xs">
          {cal.gradeSchemes.map((scheme, i) => (
            <Select
              key={i}
              label={`${i + 1} класс`}
              data={schemeOptions}
              value={scheme}
              disabled={periodsLocked}
              allowDeselect={false}
              size="xs"
              data-testid={`grade-scheme-${i + 1}`}
              onChange={(v) =>
                v &&
                onChange({ ...cal, gradeSchemes: cal.gradeSchemes.map((s, k) => (k === i ? (v as PeriodScheme) : s)) })
              }
            />
          ))}
        </SimpleGrid>
      </div>

      {usedSchemes(cal).map((scheme) => (
        <div key={scheme}>
          <Title order={5} mb="xs">
            {schemeNames[scheme][0]?.toUpperCase()}
            {schemeNames[scheme].slice(1)} ({gradesOf(cal, scheme)})
          </Title>
          <Table withTableBorder maw={820} data-testid={`periods-${scheme}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Период</Table.Th>
                <Table.Th>Начало</Table.Th>
                <Table.Th>Конец</Table.Th>
                <Table.Th>Отметки за период до</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cal.periods
                .filter((p) => p.scheme === scheme)
                .sort((a, b) => a.number - b.number)
                .map((p) => (
                  <Table.Tr key={p.number}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>
                      <CellDate
                        label={`${p.name}: начало`}
                        value={p.startDate}
                        disabled={periodsLocked}
                        onChange={(v) => onChange(setPeriod(cal, p, { startDate: v }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <CellDate
                        label={`${p.name}: конец`}
                        value={p.endDate}
                        disabled={periodsLocked}
                        onChange={(v) => onChange(setPeriod(cal, p, { endDate: v }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <CellDate
                        label={`${p.name}: отметки за период выставить до`}
                        value={p.marksDueDate ?? p.endDate}
                        onChange={(v) => onChange(setPeriod(cal, p, { marksDueDate: v }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </Stack>
  );
}

function HolidaysPart({ cal, onChange }: PartProps) {
  return (
    <div>
      <Title order={5} mb="xs">
        Каникулы и праздники
      </Title>
      <Table withTableBorder data-testid="holidays">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Название</Table.Th>
            <Table.Th w={160}>С</Table.Th>
            <Table.Th w={160}>По</Table.Th>
            <Table.Th w={190}>Для кого</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cal.holidays.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label="Название каникул"
                  value={h.name}
                  onChange={(e) => onChange(setHoliday(cal, i, { name: e.currentTarget.value }))}
                />
              </Table.Td>
              <Table.Td>
                <CellDate
                  label={`${h.name}: с`}
                  value={h.startDate}
                  onChange={(v) => onChange(setHoliday(cal, i, { startDate: v }))}
                />
              </Table.Td>
              <Table.Td>
                <CellDate
                  label={`${h.name}: по`}
                  value={h.endDate}
                  onChange={(v) => onChange(setHoliday(cal, i, { endDate: v }))}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label="Для каких классов"
                  data={gradeOptions}
                  value={h.grade === null ? '' : String(h.grade)}
                  allowDeselect={false}
                  onChange={(v) => onChange(setHoliday(cal, i, { grade: v ? Number(v) : null }))}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Удалить «${h.name}»`}
                  onClick={() => onChange({ ...cal, holidays: cal.holidays.filter((_, k) => k !== i) })}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs">
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            onChange({
              ...cal,
              holidays: [
                ...cal.holidays,
                { name: 'Каникулы', startDate: cal.year.startDate, endDate: cal.year.startDate, grade: null },
              ],
            })
          }
        >
          Добавить каникулы
        </Button>
      </Group>
    </div>
  );
}
