import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type ImportKind, type ImportMapping, type ImportRequest } from '../../../shared/contract';
import { todayIso } from '../../../shared/dates';
import { describeError } from '../api/errors';
import { fileToBase64 } from '../api/files';
import { invoke } from '../api/invoke';
import { useSetupStatus } from '../api/queries';
import { MappingPanel } from './MappingPanel';
import { PasswordsSheet } from './PasswordsSheet';
import { PreviewTable } from './PreviewTable';
import { DateField } from '../dates/DateField';

const hints: Record<ImportKind, string> = {
  students:
    'Таблица Excel (.xlsx) или CSV (UTF-8 или Windows-1251, разделитель «;» или «,») со строкой заголовков: «Фамилия», «Имя», «Отчество» (или «ФИО»), «Дата рождения», «Класс», по желанию «Пол» и «№ личного дела». Уже загруженные ученики (те же ФИО и дата рождения) не добавляются второй раз.',
  teachers:
    'Таблица Excel (.xlsx) или CSV со строкой заголовков: «Фамилия», «Имя», «Отчество» (или «ФИО»), по желанию «Логин» и «Предметы» (через запятую: их «Нагрузка» предложит этому учителю первыми, недостающие предметы будут добавлены). Без логина он составляется из фамилии и инициалов. Каждый новый учитель получает временный пароль.',
};

/**
 * «Загрузка списков»: file → columns → check every row → write all at once. The secretary
 * keeps the class lists and sees only them; teachers' lists make accounts and new classes are the school's
 * structure, both only the admin's.
 */
export function ImportScreen({
  mayImportTeachers,
  mayCreateClasses,
}: {
  mayImportTeachers: boolean;
  mayCreateClasses: boolean;
}) {
  const client = useQueryClient();
  const school = useSetupStatus();
  const [kind, setKind] = useState<ImportKind>('students');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [options, setOptions] = useState({
    orderNumber: '',
    orderDate: todayIso(),
    className: '',
    createClasses: false,
  });
  const [skipInvalid, setSkipInvalid] = useState(false);

  const inspect = useMutation({
    mutationFn: (f: { name: string; base64: string }) =>
      invoke(contract.imports.inspect, { kind, fileName: f.name, contentBase64: f.base64 }),
    meta: { ownsErrors: true },
    onSuccess: (r) => setMapping(r.mapping),
  });
  const preview = useMutation({
    mutationFn: (req: ImportRequest) => invoke(contract.imports.preview, req),
    meta: { ownsErrors: true },
  });
  const commit = useMutation({
    mutationFn: (req: ImportRequest) => invoke(contract.imports.commit, { ...req, skipInvalid }),
    meta: { ownsErrors: true },
    onSuccess: () => void client.invalidateQueries(),
  });

  const request = (): ImportRequest | null => {
    if (!file) return null;
    const base = { fileName: file.name, contentBase64: file.base64, mapping };
    if (kind === 'teachers') return { kind, ...base };
    const className = options.className.trim();
    return {
      kind,
      ...base,
      options: {
        orderNumber: options.orderNumber,
        orderDate: options.orderDate,
        createClasses: options.createClasses,
        ...(className ? { className } : {}),
      },
    };
  };
  // Any change after the check makes the check stale: the admin checks again before writing.
  const stale = () => {
    preview.reset();
    commit.reset();
    setSkipInvalid(false);
  };
  const setOption = (patch: Partial<typeof options>) => {
    setOptions((o) => ({ ...o, ...patch }));
    stale();
  };
  const choose = async (f: File | null) => {
    stale();
    inspect.reset();
    setFile(null);
    if (!f) return;
    const loaded = { name: f.name, base64: await fileToBase64(f) };
    setFile(loaded);
    inspect.mutate(loaded);
  };
  const failure = [inspect.error, preview.error, commit.error].find(Boolean);
  const checked = preview.data;
  const done = commit.data;

  return (
    <Stack gap="md" maw={1100}>
      <Title order={3}>Загрузка списков</Title>
      {mayImportTeachers && (
        <SegmentedControl
          w={420}
          value={kind}
          onChange={(v) => {
            setKind(v as ImportKind);
            void choose(null);
          }}
          data={[
            { value: 'students', label: 'Ученики (списки классов)' },
            { value: 'teachers', label: 'Учителя' },
          ]}
        />
      )}
      <Text size="sm" c="dimmed">
        {hints[kind]}
      </Text>
      <FileInput
        label="Файл"
        placeholder="Выберите файл .xlsx или .csv"
        accept=".xlsx,.csv"
        w={460}
        clearable
        onChange={(f) => void choose(f)}
        data-testid="import-file"
      />
      {failure && (
        <Alert color="red" variant="light" title={describeError(failure).title} role="alert" data-testid="import-error">
          {describeError(failure).message}
        </Alert>
      )}
      {inspect.data && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={5}>Столбцы файла ({inspect.data.rows} строк под заголовком)</Title>
            <MappingPanel
              kind={kind}
              columns={inspect.data.columns}
              mapping={mapping}
              fixedClass={options.className.trim() !== ''}
              onChange={(m) => {
                setMapping(m);
                stale();
              }}
            />
            {kind === 'students' && (
              <>
                <Title order={5} mt="xs">
                  Приказ о зачислении
                </Title>
                <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
                  <TextInput
                    label="Номер приказа"
                    withAsterisk
                    value={options.orderNumber}
                    onChange={(e) => setOption({ orderNumber: e.currentTarget.value })}
                  />
                  <DateField
                    label="Дата приказа"
                    withAsterisk
                    value={options.orderDate}
                    onChange={(v) => setOption({ orderDate: v })}
                  />
                  <TextInput
                    label="Все строки — в класс"
                    description="Если в файле нет столбца «Класс»"
                    placeholder="5А"
                    value={options.className}
                    onChange={(e) => setOption({ className: e.currentTarget.value })}
                  />
                </SimpleGrid>
                {mayCreateClasses && (
                  <Checkbox
                    label="Создать классы, которых ещё нет в этом учебном году"
                    checked={options.createClasses}
                    onChange={(e) => setOption({ createClasses: e.currentTarget.checked })}
                  />
                )}
              </>
            )}
            <Group>
              <Button
                variant={checked ? 'default' : 'filled'}
                loading={preview.isPending}
                onClick={() => {
                  const req = request();
                  commit.reset();
                  if (req) preview.mutate(req);
                }}
              >
                Проверить строки
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {checked && !done && (
        <Stack gap="sm">
          {checked.newClasses.length > 0 && (
            <Alert color="blue" variant="light">
              Будут созданы классы: {checked.newClasses.join(', ')}
            </Alert>
          )}
          <PreviewTable preview={checked} />
          {checked.errors > 0 && (
            <Checkbox
              label={`Пропустить строки с ошибками (${checked.errors}) и загрузить остальные`}
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
              data-testid="import-skip"
            />
          )}
          <Group>
            <Button
              disabled={(checked.errors > 0 && !skipInvalid) || checked.new === 0}
              loading={commit.isPending}
              onClick={() => {
                const req = request();
                if (req) commit.mutate(req);
              }}
              data-testid="import-commit"
            >
              Загрузить новых: {checked.new}
            </Button>
            {checked.errors > 0 && !skipInvalid && (
              <Text size="sm" c="red.8">
                Пока в файле есть ошибки, ничего не записывается.
              </Text>
            )}
          </Group>
        </Stack>
      )}
      {done && (
        <Stack gap="sm">
          <Alert color="teal" variant="light" title="Загружено" data-testid="import-done">
            Добавлено: {done.created}; уже были: {done.existing}; пропущено строк с ошибками: {done.skipped}
            {done.classesCreated.length > 0 ? `; созданы классы: ${done.classesCreated.join(', ')}` : ''}
            {done.subjectsCreated.length > 0 ? `; в «Предметы» добавлены: ${done.subjectsCreated.join(', ')}` : ''}.
          </Alert>
          {done.accounts.length > 0 && (
            <PasswordsSheet accounts={done.accounts} schoolName={school.data?.schoolName ?? null} />
          )}
        </Stack>
      )}
    </Stack>
  );
}
