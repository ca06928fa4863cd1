import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type InputOf } from '../../../shared/contract';
import { addDays, ruDate, todayIso } from '../../../shared/dates';
import { describeError } from '../api/errors';
import { fieldErrorsOf } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannelForm } from '../api/useChannelForm';

export interface RemarkTarget {
  assignmentId: number;
  /** «5А · Математика», as the dialog names the journal. */
  journalName: string;
  checkId?: number;
  /** A first draft of the text (the faults the control report found on the line). */
  text?: string;
}

/** The deputy's remark on one journal, with the date by which it is to be fixed (a week from today by default). */
export function RemarkDialog({
  target,
  onClose,
  onDone,
}: {
  target: RemarkTarget;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const client = useQueryClient();
  const form = useChannelForm(contract.inspection.write, {
    initialValues: { text: target.text ?? '', fixBy: addDays(todayIso(), 7) },
    toInput: (v): InputOf<typeof contract.inspection.write> => ({
      assignmentId: target.assignmentId,
      text: v.text,
      fixBy: v.fixBy,
      ...(target.checkId ? { checkId: target.checkId } : {}),
    }),
  });
  const save = useMutation({
    mutationFn: (input: InputOf<typeof contract.inspection.write>) => invoke(contract.inspection.write, input),
    meta: { ownsErrors: true },
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: domainKey('inspection') });
      onDone(
        `Замечание по журналу ${r.className} · ${r.subjectName} записано, исправить до ${ruDate(r.fixBy ?? r.date)}`,
      );
    },
    onError: (e) => form.setErrors(fieldErrorsOf(e)),
  });
  const failure = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? describeError(save.error) : null;
  return (
    <Modal opened onClose={onClose} title="Замечание по ведению журнала" size="lg" centered>
      <form onSubmit={form.onSubmit((input) => save.mutate(input))} noValidate data-testid="remark-form">
        <Stack gap="sm">
          <Text size="sm">
            Журнал: <b>{target.journalName}</b>
          </Text>
          <Textarea label="Замечание" withAsterisk autosize minRows={3} {...form.getInputProps('text')} />
          <TextInput label="Исправить до" type="date" w={200} withAsterisk {...form.getInputProps('fixBy')} />
          {failure && (
            <Alert color="red" title={failure.title}>
              {failure.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={save.isPending}>
              Записать
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
