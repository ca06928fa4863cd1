import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportResult } from '../../../shared/contract';
import './print.css';

/**
 * The new teachers' one-time passwords, shown once: printed and cut into slips for the staffroom. Printing
 * shows only this sheet (print.css), so the browser's or Electron's print dialog needs nothing else.
 */
export function PasswordsSheet({
  accounts,
  schoolName,
}: {
  accounts: ImportResult['accounts'];
  schoolName: string | null;
}) {
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          Пароли показываются один раз: журнал хранит только их необратимую свёртку (хэш), узнать пароль из неё нельзя.
          Напечатайте список и раздайте учителям: при первом входе пароль нужно сменить.
        </Text>
        <Button onClick={() => window.print()} data-testid="print-passwords" style={{ flexShrink: 0 }}>
          Напечатать список паролей
        </Button>
      </Group>
      <div className="zh-print-area" data-testid="passwords-sheet">
        <Title order={4} mb="xs">
          Временные пароли для входа в электронный журнал{schoolName ? ` — ${schoolName}` : ''}
        </Title>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Учитель</Table.Th>
              <Table.Th>Логин</Table.Th>
              <Table.Th>Временный пароль</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((a) => (
              <Table.Tr key={a.login}>
                <Table.Td>{a.fullName}</Table.Td>
                <Table.Td ff="monospace">{a.login}</Table.Td>
                <Table.Td ff="monospace" fz="lg">
                  {a.password}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
