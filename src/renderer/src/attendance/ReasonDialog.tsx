import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { contract, type ClassWeek } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { fieldErrorsOf, type FieldErrors } from '../api/fieldErrors';
import { useChannelForm } from '../api/useChannelForm';
import { useSetReason } from './queries';
import { DateField } from '../dates/DateField';

export interface ReasonStart {
  studentId: number | null;
  from: string;
  to: string;
}

/** A medical note or a parents' statement: the student's «н» over a range of days become «б» or «у». */
export function ReasonDialog({ week, start, onClose }: { week: ClassWeek; start: ReasonStart; onClose(): void }) {
  const form = useChannelForm(contract.attendance.setReason, {
    initialValues: {
      studentId: start.studentId ? String(start.studentId) : null,
      from: start.from,
      to: start.to,
      code: 'б' as 'б' | 'у',
      reason: '',
    },
    toInput: ({ studentId, ...v }) => ({ ...v, classId: week.classId, studentId: Number(studentId ?? 0) }),
    check: (v): FieldErrors => (v.studentId ? {} : { studentId: 'Выберите ученика' }),
  });
  const [done, setDone] = useState<number | null>(null);
  const save = useSetReason();
  const submit = form.onSubmit((input) =>
    save.mutate(input, { onSuccess: (r) => setDone(r.changed), onError: (e) => form.setErrors(fieldErrorsOf(e)) }),
  );
  const code = form.values.code;
  const refused = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? describeError(save.error) : null;

  return (
    <Modal opened onClose={onClose} title="Причина пропусков" size="md" data-testid="reason-dialog">
      {done !== null ? (
        <Stack>
          <Text data-testid="reason-result">
            {done > 0
              ? `Изменено пропусков: ${done}. Учителя-предметники увидят «${code}» в своих журналах.`
              : 'В эти дни у ученика нет пропусков «н»: менять нечего.'}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Готово</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Select
            label="Ученик"
            data={week.students.map((s) => ({ value: String(s.id), label: `${s.number}. ${s.fullName}` }))}
            {...form.getInputProps('studentId')}
            searchable
            data-testid="reason-student"
          />
          <Group grow>
            <DateField label="С" {...form.getInputProps('from')} data-testid="reason-from" />
            <DateField label="По" {...form.getInputProps('to')} data-testid="reason-to" />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4}>
              Пропуски «н» станут
            </Text>
            <SegmentedControl
              value={code}
              onChange={(v) => form.setFieldValue('code', v === 'у' ? 'у' : 'б')}
              data={[
                { value: 'б', label: 'б — по болезни' },
                { value: 'у', label: 'у — по уважительной причине' },
              ]}
              data-testid="reason-code"
            />
          </div>
          <Textarea
            label="Основание"
            placeholder="Справка из поликлиники № …, заявление родителей от …"
            {...form.getInputProps('reason')}
            autosize
            minRows={2}
            data-testid="reason-text"
          />
          {refused && (
            <Alert color="red" variant="light" title={refused.title} data-testid="reason-error">
              {refused.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button onClick={() => submit()} loading={save.isPending} data-testid="reason-save">
              Изменить пропуски
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
