import { Stack } from '@mantine/core';
import { SecurityPanel } from './SecurityPanel';
import { UsersScreen } from './UsersScreen';

/** Администрирование: the accounts and the rules that protect them. */
export function AdminScreen() {
  return (
    <Stack gap="xl">
      <UsersScreen />
      <SecurityPanel />
    </Stack>
  );
}
