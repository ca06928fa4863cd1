import { FileInput, PasswordInput, Stack, Textarea } from '@mantine/core';

/** What opens an encrypted copy, as typed or chosen: the paper key, or its file, and a passphrase. */
export interface KeyValues {
  key: string;
  keyFile: File | null;
  passphrase: string;
}

export const emptyKey: KeyValues = { key: '', keyFile: null, passphrase: '' };

/** The paper key typed (any case, groups with or without spaces), or the key's file, with its passphrase. */
export function KeyFields({ value, onChange }: { value: KeyValues; onChange(v: KeyValues): void }) {
  return (
    <Stack gap="xs">
      <Textarea
        label="Бумажный ключ школы"
        description="Как напечатано: AGE-SECRET-KEY-1 и группы знаков; пробелы и регистр букв не важны"
        autosize
        minRows={2}
        styles={{ input: { fontFamily: 'monospace', textTransform: 'uppercase' } }}
        value={value.key}
        onChange={(e) => onChange({ ...value, key: e.currentTarget.value })}
        data-testid="paper-key-input"
      />
      <FileInput
        label="или файл ключа"
        placeholder="zhurnal-key.txt.age или key.txt"
        clearable
        value={value.keyFile}
        onChange={(file) => onChange({ ...value, keyFile: file })}
      />
      <PasswordInput
        label="Пароль"
        description="Пароль файла ключа — или, для копии, сделанной до появления ключа, её пароль шифрования"
        value={value.passphrase}
        onChange={(e) => onChange({ ...value, passphrase: e.currentTarget.value })}
      />
    </Stack>
  );
}
