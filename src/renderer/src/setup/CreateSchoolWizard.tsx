import { useState } from 'react';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  PasswordInput,
  SimpleGrid,
  Stack,
  Stepper,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract, type InputOf, type SchoolCalendar, type SchoolProfile } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { fieldErrorsOf, type FieldErrors } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { useChannel } from '../api/useChannel';
import { useChannelForm } from '../api/useChannelForm';
import { calendarToSave } from '../school/calendarEdit';
import { CalendarEditor } from '../school/CalendarEditor';
import { ProfileFields } from '../school/ProfileFields';

const emptyAdmin = { lastName: '', firstName: '', middleName: '', login: '', password: '' };
const emptyProfile: SchoolProfile = { fullName: '', shortName: '', address: '', director: '' };

/** The wizard's values: what its steps show, named where they can be as the channel's input, so errors land on them. */
interface Values {
  profile: SchoolProfile;
  calendar: SchoolCalendar;
  admin: typeof emptyAdmin;
  repeat: string;
}

function toInput({ profile, calendar, admin: a }: Values) {
  return {
    schoolName: profile.fullName,
    shortName: profile.shortName,
    address: profile.address,
    director: profile.director,
    calendar: calendarToSave(calendar),
    admin: {
      login: a.login.trim(),
      password: a.password,
      lastName: a.lastName,
      firstName: a.firstName,
      ...(a.middleName.trim() ? { middleName: a.middleName } : {}),
    },
  };
}

// Which error paths each step owns, so «Далее» stops on the step whose fields are wrong.
const stepPaths = [
  /^(schoolName|shortName|address|director)$/,
  /^calendar\.(year|gradeSchemes|periods)/,
  /^calendar\.holidays/,
  /^(admin\.|repeat$)/,
];

/** «Создать школу»: the school, its year and periods, the holidays, then the administrator. */
export function CreateSchoolWizard({ onCreated }: { onCreated(login: string): void }) {
  const defaults = useChannel(contract.setup.defaults, {}, { staleTime: Infinity });
  if (!defaults.data)
    return (
      <Center py="xl">
        {defaults.error ? describeError(defaults.error).message : <Loader size="sm" aria-label="Загрузка" />}
      </Center>
    );
  return <Wizard calendar={defaults.data.calendar} onCreated={onCreated} />;
}

function Wizard({ calendar, onCreated }: { calendar: SchoolCalendar; onCreated(login: string): void }) {
  const [step, setStep] = useState(0);
  const form = useChannelForm(contract.setup.createSchool, {
    initialValues: { profile: emptyProfile, calendar, admin: emptyAdmin, repeat: '' } satisfies Values,
    toInput,
    check: (v): FieldErrors => (v.admin.password !== v.repeat ? { repeat: 'Пароли не совпадают' } : {}),
  });
  const mutation = useMutation({
    mutationFn: (input: InputOf<typeof contract.setup.createSchool>) => invoke(contract.setup.createSchool, input),
    meta: { ownsErrors: true },
    onSuccess: (_none, input) => onCreated(input.admin.login),
    onError: (e) => form.setErrors(fieldErrorsOf(e)),
  });

  const generalError =
    mutation.error && Object.keys(fieldErrorsOf(mutation.error)).length === 0 ? describeError(mutation.error) : null;

  // The steps up to `upTo` are checked; a refusal of the server stays beside them until the next call.
  const check = (upTo: number): boolean => {
    const found = form.validate().errors;
    if (found['admin.password']) delete found.repeat;
    const relevant = Object.fromEntries(
      Object.entries(found).filter(([path]) => stepPaths.slice(0, upTo + 1).some((re) => re.test(path))),
    );
    form.setErrors({ ...fieldErrorsOf(mutation.error), ...relevant });
    const first = stepPaths.findIndex((re) => Object.keys(relevant).some((p) => re.test(p)));
    if (first >= 0) setStep(first);
    return first < 0;
  };
  const next = () => check(step) && setStep(step + 1);
  const submit = () => check(3) && mutation.mutate(form.getTransformedValues());
  const calendarErrors = Object.entries(form.errors)
    .filter(([p]) => p.startsWith('calendar.'))
    .map(([, m]) => m);

  return (
    <Stack gap="md">
      {generalError && (
        <Alert color="red" variant="light" title={generalError.title} role="alert">
          {generalError.message}
        </Alert>
      )}
      {calendarErrors.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          {[...new Set(calendarErrors)].join('; ')}
        </Alert>
      )}
      <Stepper
        active={step}
        onStepClick={(s) => s < step && setStep(s)}
        size="sm"
        styles={{ content: { paddingTop: 24 } }}
      >
        <Stepper.Step label="Школа">
          <ProfileFields
            value={form.values.profile}
            onChange={(p) => form.setFieldValue('profile', p)}
            errors={form.errors}
            fullNamePath="schoolName"
          />
        </Stepper.Step>
        <Stepper.Step label="Учебный год">
          <CalendarEditor
            value={form.values.calendar}
            onChange={(c) => form.setFieldValue('calendar', c)}
            show="periods"
          />
        </Stepper.Step>
        <Stepper.Step label="Каникулы">
          <CalendarEditor
            value={form.values.calendar}
            onChange={(c) => form.setFieldValue('calendar', c)}
            show="holidays"
          />
        </Stepper.Step>
        <Stepper.Step label="Администратор">
          <Stack gap="sm">
            <SimpleGrid cols={3} spacing="sm">
              <TextInput label="Фамилия" autoComplete="family-name" {...form.getInputProps('admin.lastName')} />
              <TextInput label="Имя" autoComplete="given-name" {...form.getInputProps('admin.firstName')} />
              <TextInput label="Отчество" autoComplete="additional-name" {...form.getInputProps('admin.middleName')} />
            </SimpleGrid>
            <TextInput
              label="Логин администратора"
              description="Латинские буквы, цифры, точка, дефис"
              autoComplete="username"
              {...form.getInputProps('admin.login')}
            />
            <SimpleGrid cols={2} spacing="sm">
              <PasswordInput label="Пароль" autoComplete="new-password" {...form.getInputProps('admin.password')} />
              <PasswordInput label="Пароль ещё раз" autoComplete="new-password" {...form.getInputProps('repeat')} />
            </SimpleGrid>
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
          Назад
        </Button>
        {step < 3 ? (
          <Button onClick={next}>Далее</Button>
        ) : (
          <Button onClick={submit} loading={mutation.isPending}>
            Создать школу
          </Button>
        )}
      </Group>
    </Stack>
  );
}
