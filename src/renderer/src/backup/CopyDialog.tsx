import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { describeError } from '../api/errors';
import { fileToBase64 } from '../api/files';
import { invoke } from '../api/invoke';
import { emptyKey, KeyFields, type KeyValues } from './KeyFields';

/** The key's fields as the contract carries them (the file as base64), empty ones left out. */
export async function keyInput(v: KeyValues) {
  return {
    key: v.key.trim() || undefined,
    keyFile: v.keyFile ? await fileToBase64(v.keyFile) : undefined,
    passphrase: v.passphrase || undefined,
  };
}

/** Checking an encrypted copy takes the paper key: the program does not keep it. */
export function VerifyDialog({
  file,
  onDone,
  onClose,
}: {
  file: string;
  onDone(result: { ok: boolean; text: string }): void;
  onClose(): void;
}) {
  const [key, setKey] = useState<KeyValues>(emptyKey);
  const verify = useMutation({
    mutationFn: async () => invoke(contract.backup.verify, { file, ...(await keyInput(key)) }),
    meta: { ownsErrors: true },
    onSuccess: (v) => {
      onDone({ ok: true, text: v.summary });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Проверить зашифрованную копию" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          verify.mutate();
        }}
      >
        <Stack>
          <Text size="sm">
            Копия <b>{file}</b> зашифрована ключом школы. Чтобы проверить, что она открывается и цела, введите бумажный
            ключ.
          </Text>
          <KeyFields value={key} onChange={setKey} />
          {verify.error && (
            <Alert color="red" title={describeError(verify.error).title} data-testid="verify-error">
              {describeError(verify.error).message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={verify.isPending}>
              Проверить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The refusal of a copy whose audit log chain is broken (core/backup/restore.ts): the one the school may override. */
const alteredLog = (error: unknown) =>
  typeof (error as AppError | null)?.details === 'object' &&
  (error as AppError).details !== null &&
  'brokenAt' in ((error as AppError).details as object);

/** Restoring replaces everybody's data: the admin confirms with their own password, and everyone logs in again. */
export function RestoreDialog({ file, encrypted, onClose }: { file: string; encrypted: boolean; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [key, setKey] = useState<KeyValues>(emptyKey);
  const [acceptAlteredLog, setAcceptAlteredLog] = useState(false);
  const restore = useMutation({
    mutationFn: async () =>
      invoke(contract.backup.restore, { file, password, acceptAlteredLog, ...(await keyInput(key)) }),
    // Every session ended with the old database: «Войти заново» starts the page again at the login screen, once
    // the admin has read where the replaced data is kept (no timer takes the message away).
    meta: { ownsErrors: true },
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
            {restore.data.summary}.{' '}
            {restore.data.safetyCopy ? `Прежняя база сохранена (зашифрована): ${restore.data.safetyCopy}. ` : ''}
            Все пользователи входят заново.
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
            {(encrypted || acceptAlteredLog) && <KeyFields value={key} onChange={setKey} />}
            <PasswordInput
              label="Ваш пароль администратора"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-autofocus
            />
            {restore.error && (
              <Alert color="red" title={describeError(restore.error).title} data-testid="restore-error">
                {describeError(restore.error).message}
              </Alert>
            )}
            {(alteredLog(restore.error) || acceptAlteredLog) && (
              <Checkbox
                label="Восстановить, хотя журнал действий в копии изменён (нужен бумажный ключ школы; будет записано)"
                checked={acceptAlteredLog}
                onChange={(e) => setAcceptAlteredLog(e.currentTarget.checked)}
                data-testid="restore-accept-altered"
              />
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
