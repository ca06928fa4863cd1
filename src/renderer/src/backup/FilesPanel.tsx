import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract, type BackupVerified } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { RestoreDialog, VerifyDialog } from './CopyDialog';
import { size } from './format';
import { useBackupList } from './queries';

/** The copies on the destinations: each can be checked, and the school's database restored from one. */
export function FilesPanel({ version }: { version: string }) {
  const list = useBackupList(version);
  const [otherFile, setOtherFile] = useState('');
  const [results, setResults] = useState<Record<string, { ok: boolean; text: string }>>({});
  const [restoring, setRestoring] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  // A copy found on a drive says whether it is encrypted; a file typed in is taken to be, unless named plain.
  const isEncrypted = (file: string) =>
    list.data?.find((f) => f.file === file)?.encrypted ?? file.toLowerCase().endsWith('.age');
  const check = (file: string) => (isEncrypted(file) ? setVerifying(file) : verify.mutate(file));
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
                      onClick={() => check(f.file)}
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
          <Button variant="default" disabled={!otherFile.trim()} onClick={() => check(otherFile.trim())}>
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
      {restoring && (
        <RestoreDialog file={restoring} encrypted={isEncrypted(restoring)} onClose={() => setRestoring(null)} />
      )}
      {verifying && (
        <VerifyDialog
          file={verifying}
          onDone={(result) => setResults((r) => ({ ...r, [verifying]: result }))}
          onClose={() => setVerifying(null)}
        />
      )}
    </Paper>
  );
}
