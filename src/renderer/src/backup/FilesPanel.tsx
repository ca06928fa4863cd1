import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract, type BackupVerified } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { size } from './format';
import { useBackupList } from './queries';

/** The copies on the destinations: each can be checked, and the school's database restored from one. */
export function FilesPanel({ passphraseSet, version }: { passphraseSet: boolean; version: string }) {
  const list = useBackupList(version);
  const [otherFile, setOtherFile] = useState('');
  const [results, setResults] = useState<Record<string, { ok: boolean; text: string }>>({});
  const [restoring, setRestoring] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: (file: string) => invoke(contract.backup.verify, { file }),
    meta: { ownsErrors: true },
    onSuccess: (v: BackupVerified, file) => setResults((r) => ({ ...r, [file]: { ok: true, text: v.summary } })),
    onError: (e, file) =>
      setResults((r) => ({ ...r, [file]: { ok: false, text: describeError(e).message ?? describeError(e).title } })),
  });
  const files = list.data ?? [];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Копии на носителях</Title>
        <Table verticalSpacing="xs" data-testid="backup-files">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Создана</Table.Th>
              <Table.Th>Где</Table.Th>
              <Table.Th>Размер</Table.Th>
              <Table.Th>Проверка</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.map((f) => (
              <Table.Tr key={f.file} data-testid="backup-file">
                <Table.Td>
                  {f.createdAt ?? '—'}{' '}
                  {f.encrypted && (
                    <Badge size="xs" variant="light" tt="none">
                      зашифрована
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{f.destination}</Text>
                </Table.Td>
                <Table.Td>{size(f.bytes)}</Table.Td>
                <Table.Td>
                  {results[f.file] && (
                    <Text size="sm" c={results[f.file]!.ok ? 'green' : 'red'} data-testid="verify-result">
                      {results[f.file]!.text}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="light"
                      loading={verify.isPending && verify.variables === f.file}
                      onClick={() => verify.mutate(f.file)}
                    >
                      Проверить
                    </Button>
                    <Button size="compact-sm" variant="light" color="red" onClick={() => setRestoring(f.file)}>
                      Восстановить
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.isSuccess && files.length === 0 && <Text c="dimmed">На подключённых носителях копий нет.</Text>}
        <Group align="flex-end">
          <TextInput
            label="Другой файл копии"
            placeholder="полный путь к файлу .db или .db.age"
            w={420}
            value={otherFile}
            onChange={(e) => setOtherFile(e.currentTarget.value)}
          />
          <Button variant="default" disabled={!otherFile.trim()} onClick={() => verify.mutate(otherFile.trim())}>
            Проверить
          </Button>
          <Button
            variant="default"
            color="red"
            disabled={!otherFile.trim()}
            onClick={() => setRestoring(otherFile.trim())}
          >
            Восстановить
          </Button>
        </Group>
        {results[otherFile.trim()] && (
          <Text size="sm" c={results[otherFile.trim()]!.ok ? 'green' : 'red'}>
            {results[otherFile.trim()]!.text}
          </Text>
        )}
      </Stack>
      {restoring && <RestoreDialog file={restoring} passphraseSet={passphraseSet} onClose={() => setRestoring(null)} />}
    </Paper>
  );
}

/** Restoring replaces everybody's data: the admin confirms with their own password, and everyone logs in again. */
function RestoreDialog({ file, passphraseSet, onClose }: { file: string; passphraseSet: boolean; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const restore = useMutation({
    mutationFn: () => invoke(contract.backup.restore, { file, password, passphrase: passphrase || undefined }),
    meta: { ownsErrors: true },
    // Every session ended with the old database: the page starts again at the login screen.
    onSuccess: () => setTimeout(() => window.location.reload(), 4000),
  });
  return (
    <Modal
      opened
      onClose={restore.isSuccess ? () => window.location.reload() : onClose}
      title="Восстановить базу из копии"
      size="lg"
    >
      {restore.isSuccess ? (
        <Stack>
          <Alert color="green" title="База восстановлена">
            {restore.data.summary}. Прежняя база сохранена: {restore.data.safetyCopy}. Все пользователи входят заново.
          </Alert>
          <Button onClick={() => window.location.reload()}>Войти заново</Button>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            restore.mutate();
          }}
        >
          <Stack>
            <Text size="sm">
              Данные журнала будут заменены данными копии <b>{file}</b>. Сначала копия будет проверена, текущая база
              сохранена рядом с ней. Все пользователи выйдут из программы.
            </Text>
            <PasswordInput
              label="Пароль шифрования копии"
              description={passphraseSet ? 'Пусто — пароль, заданный в программе' : 'Для зашифрованной копии'}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
            />
            <PasswordInput
              label="Ваш пароль администратора"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-autofocus
            />
            {restore.error && (
              <Alert color="red" title={describeError(restore.error).title}>
                {describeError(restore.error).message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Отмена
              </Button>
              <Button type="submit" color="red" loading={restore.isPending} disabled={!password}>
                Восстановить
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
