import { Table, Text } from '@mantine/core';
import { demoLogins } from '../../../shared/demo';

/** Shown on the demonstration school's login screen, so the logins need not be looked up. */
export function DemoLoginsHint() {
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        Демонстрационные входы (пароль «demo»):
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {demoLogins.map(({ login, who }) => (
            <Table.Tr key={login}>
              <Table.Td ff="monospace" w={90}>
                {login}
              </Table.Td>
              <Table.Td c="dimmed">{who}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
