import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { contract, type OutputOf } from '../../../shared/contract';
import { saveFile } from '../reports/download';

type Made = OutputOf<typeof contract.backup.createKey>;

const prefix = 'AGE-SECRET-KEY-1';

/** The new key, shown once: to print (the page for the safe) and, when protected by a passphrase, to save as a file. */
export function PaperKeyDialog({ made, onClose }: { made: Made; onClose(): void }) {
  const [kept, setKept] = useState(false);
  const groups = made.identity.slice(prefix.length).match(/.{1,5}/g) ?? [];
  return (
    <Modal
      opened
      onClose={() => kept && onClose()}
      withCloseButton={kept}
      closeOnClickOutside={false}
      title="Бумажный ключ школы"
      size="xl"
    >
      <Stack>
        <Alert color="orange" title="Ключ показывается один раз">
          Программа его не хранит. Распечатайте лист и уберите его в сейф директора: без него зашифрованные копии не
          восстановить.
        </Alert>
        <Paper withBorder p="md" data-testid="paper-key">
          <Text ff="monospace" size="sm">
            {prefix}
          </Text>
          <Text ff="monospace" fw={700} fz={26} lh={1.4}>
            {groups.join(' ')}
          </Text>
        </Paper>
        <Group>
          <Button
            onClick={() =>
              saveFile({ fileName: 'zhurnal-paper-key.pdf', mimeType: 'application/pdf', base64: made.pdf })
            }
          >
            Скачать лист для печати (PDF)
          </Button>
          {made.keyFile && (
            <Button
              variant="default"
              onClick={() =>
                saveFile({
                  fileName: 'zhurnal-key.txt.age',
                  mimeType: 'application/octet-stream',
                  base64: made.keyFile!,
                })
              }
            >
              Сохранить файл ключа (с паролем)
            </Button>
          )}
        </Group>
        <Checkbox
          label="Я распечатал(а) ключ и убрал(а) лист в надёжное место"
          checked={kept}
          onChange={(e) => setKept(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button disabled={!kept} onClick={onClose}>
            Готово
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
