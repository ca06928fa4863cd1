import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { contract, type ClassWeek } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { checkAgainst, fieldErrorsOf } from '../api/fieldErrors';
import { useSetReason } from './queries';

export interface ReasonStart {
  studentId: number | null;
  from: string;
  to: string;
}

/** A medical note or a parents' statement: the student's «н» over a range of days become «б» or «у». */
export function ReasonDialog({ week, start, onClose }: { week: ClassWeek; start: ReasonStart; onClose(): void }) {
  const [studentId, setStudentId] = useState<string | null>(start.studentId ? String(start.studentId) : null);
  const [from, setFrom] = useState(start.from);
  const [to, setTo] = useState(start.to);
  const [code, setCode] = useState<'б' | 'у'>('б');
  const [reason, setReason] = useState('');
  const [shownErrors, setShownErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<number | null>(null);
  const save = useSetReason();

  const submit = () => {
    const input = { classId: week.classId, studentId: Number(studentId ?? 0), from, to, code, reason };
    const errors = checkAgainst(contract.attendance.setReason.input, input);
    if (!studentId) errors.studentId = 'Выберите ученика';
    setShownErrors(errors);
    if (Object.keys(errors).length) return;
    save.mutate(input, { onSuccess: (r) => setDone(r.changed), onError: (e) => setShownErrors(fieldErrorsOf(e)) });
  };
  const refused = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? describeError(save.error) : null;

  return (
    <Modal opened onClose={onClose} title="Причина пропусков" size="md" data-testid="reason-dialog">
      {done !== null ? (
        <Stack>
          <Text data-testid="reason-result">
            {done > 0 ? `Изменено пропусков: ${done}. Учителя-предметники увидят «${code}» в своих журналах.` : 'В эти дни у ученика нет пропусков «н»: менять нечего.'}
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
            value={studentId}
            onChange={setStudentId}
            searchable
            error={shownErrors.studentId}
            data-testid="reason-student"
          />
          <Group grow>
            <TextInput type="date" label="С" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={shownErrors.from} data-testid="reason-from" />
            <TextInput type="date" label="По" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={shownErrors.to} data-testid="reason-to" />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4}>
              Пропуски «н» станут
            </Text>
            <SegmentedControl
              value={code}
              onChange={(v) => setCode(v as 'б' | 'у')}
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
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={shownErrors.reason}
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
            <Button onClick={submit} loading={save.isPending} data-testid="reason-save">
              Изменить пропуски
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
