import { useState } from 'react';
import { Alert, Button, Code, Group, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { contract, type BackupStatus, type OutputOf } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { PaperKeyDialog } from './PaperKeyDialog';
import { useBackupMutation } from './queries';

type Made = OutputOf<typeof contract.backup.createKey>;

/**
 * How the copies are protected: the school's key (made here, handed out once as the paper key), or — only by
 * the admin's explicit choice, with her password — no encryption at all.
 */
export function KeyPanel({ encryption }: { encryption: BackupStatus['encryption'] }) {
  const [asking, setAsking] = useState<'key' | 'plain' | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const { mode } = encryption;
  return (
    <Paper withBorder p="md" data-testid="backup-key-panel">
      <Stack gap="sm">
        <Title order={4}>Шифрование копий</Title>
        {mode === 'missing' && (
          <Alert color="orange" title="Создайте ключ шифрования копий">
            Копии журнала шифруются ключом школы. Программа покажет его один раз как бумажный ключ: распечатайте лист и
            уберите в сейф директора. Без ключа копии не создаются.
          </Alert>
        )}
        {mode === 'key' && (
          <Text size="sm" data-testid="backup-key-state">
            Копии шифруются ключом школы (создан {encryption.since}). Открыть копию можно только бумажным ключом.
            Открытый ключ: <Code>{encryption.recipient}</Code>
          </Text>
        )}
        {mode === 'none' && (
          <Alert color="red" title="Копии не шифруются" data-testid="backup-key-state">
            Так выбрано {encryption.since}. Их файлы помечены «НЕ-ЗАШИФРОВАНО»: кто найдёт носитель, прочитает журнал.
          </Alert>
        )}
        <Group>
          <Button variant={mode === 'key' ? 'default' : 'filled'} onClick={() => setAsking('key')}>
            {mode === 'key' ? 'Заменить ключ…' : 'Создать ключ…'}
          </Button>
          {mode !== 'none' && (
            <Button variant="subtle" color="red" onClick={() => setAsking('plain')}>
              Копировать без шифрования…
            </Button>
          )}
        </Group>
      </Stack>
      {asking === 'key' && (
        <CreateKeyDialog
          replacing={mode !== 'missing'}
          onMade={(m) => {
            setAsking(null);
            setMade(m);
          }}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'plain' && <PlainDialog onClose={() => setAsking(null)} />}
      {made && <PaperKeyDialog made={made} onClose={() => setMade(null)} />}
    </Paper>
  );
}

function CreateKeyDialog({
  replacing,
  onMade,
  onClose,
}: {
  replacing: boolean;
  onMade(m: Made): void;
  onClose(): void;
}) {
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const create = useBackupMutation(() =>
    invoke(contract.backup.createKey, {
      password: replacing ? password : undefined,
      passphrase: passphrase || null,
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={replacing ? 'Заменить ключ шифрования' : 'Создать ключ шифрования'}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(undefined, { onSuccess: (m) => onMade(m as Made) });
        }}
      >
        <Stack>
          <Text size="sm">
            Будет создан ключ школы. Программа сохранит только его открытую часть; секретную часть вы получите один раз
            — лист для печати и, если зададите пароль, файл ключа.
            {replacing && ' Прежние копии по-прежнему открываются только прежним бумажным ключом.'}
          </Text>
          <PasswordInput
            label="Пароль файла ключа (необязательно)"
            description="Задайте, чтобы сохранить ключ ещё и файлом, защищённым этим паролем. Не короче 10 символов."
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
          {replacing && (
            <PasswordInput
              label="Ваш пароль администратора"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          )}
          {create.error && (
            <Alert color="red" title={describeError(create.error).title}>
              {describeError(create.error).message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={create.isPending} disabled={replacing && !password}>
              Создать ключ
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Plain copies: the admin says so in words and with her password. */
function PlainDialog({ onClose }: { onClose(): void }) {
  const [password, setPassword] = useState('');
  const choose = useBackupMutation(() => invoke(contract.backup.chooseUnencrypted, { password }));
  return (
    <Modal opened onClose={onClose} title="Копировать без шифрования" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          choose.mutate(undefined, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Alert color="red">
            Копии будут записываться незашифрованными, с пометкой «НЕ-ЗАШИФРОВАНО» в имени. Любой, кто получит носитель,
            прочитает оценки и личные данные учеников.
          </Alert>
          <PasswordInput
            label="Ваш пароль администратора"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {choose.error && (
            <Alert color="red" title={describeError(choose.error).title}>
              {describeError(choose.error).message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" color="red" loading={choose.isPending} disabled={!password}>
              Не шифровать копии
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
