import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, PasswordInput, SimpleGrid, Stack, Stepper, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract, type SchoolCalendar, type SchoolProfile } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { checkAgainst, fieldErrorsOf, type FieldErrors } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { useChannel } from '../api/useChannel';
import { calendarToSave } from '../school/calendarEdit';
import { CalendarEditor } from '../school/CalendarEditor';
import { ProfileFields } from '../school/ProfileFields';

const emptyAdmin = { lastName: '', firstName: '', middleName: '', login: '', password: '', repeat: '' };
type Admin = typeof emptyAdmin;
const emptyProfile: SchoolProfile = { fullName: '', shortName: '', address: '', director: '' };

function toInput(profile: SchoolProfile, calendar: SchoolCalendar, a: Admin) {
  return {
    schoolName: profile.fullName,
    shortName: profile.shortName,
    address: profile.address,
    director: profile.director,
    calendar: calendarToSave(calendar),
    admin: { login: a.login.trim(), password: a.password, lastName: a.lastName, firstName: a.firstName, ...(a.middleName.trim() ? { middleName: a.middleName } : {}) },
  };
}

// Which error paths each step owns, so «Далее» stops on the step whose fields are wrong.
const stepPaths = [/^(schoolName|shortName|address|director)$/, /^calendar\.(year|gradeSchemes|periods)/, /^calendar\.holidays/, /^(admin\.|repeat$)/];

/** «Создать школу»: the school, its year and periods, the holidays, then the administrator. */
export function CreateSchoolWizard({ onCreated }: { onCreated(login: string): void }) {
  const defaults = useChannel(contract.setup.defaults, {}, { staleTime: Infinity });
  const [step, setStep] = useState(0);
  const [profile, setProfile] = useState(emptyProfile);
  const [edited, setCalendar] = useState<SchoolCalendar | null>(null);
  const [admin, setAdmin] = useState(emptyAdmin);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: (input: ReturnType<typeof toInput>) => invoke(contract.setup.createSchool, input),
    meta: { ownsErrors: true },
    onSuccess: (_none, input) => onCreated(input.admin.login),
  });
  const calendar = edited ?? defaults.data?.calendar;
  if (!calendar) return <Center py="xl">{defaults.error ? describeError(defaults.error).message : <Loader size="sm" aria-label="Загрузка" />}</Center>;

  const serverFieldErrors = fieldErrorsOf(mutation.error);
  const errors: FieldErrors = { ...serverFieldErrors, ...clientErrors };
  const generalError = mutation.error && Object.keys(serverFieldErrors).length === 0 ? describeError(mutation.error) : null;

  const check = (upTo: number): boolean => {
    const found = checkAgainst(contract.setup.createSchool.input, toInput(profile, calendar, admin));
    if (upTo >= 3 && !found['admin.password'] && admin.password !== admin.repeat) found.repeat = 'Пароли не совпадают';
    const relevant = Object.fromEntries(Object.entries(found).filter(([path]) => stepPaths.slice(0, upTo + 1).some((re) => re.test(path))));
    setClientErrors(relevant);
    const first = stepPaths.findIndex((re) => Object.keys(relevant).some((p) => re.test(p)));
    if (first >= 0) setStep(first);
    return first < 0;
  };
  const next = () => check(step) && setStep(step + 1);
  const submit = () => check(3) && mutation.mutate(toInput(profile, calendar, admin));
  const adminField = (key: keyof Admin, path: string) => ({
    value: admin[key],
    error: errors[path],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setAdmin((a) => ({ ...a, [key]: value }));
    },
  });
  const calendarErrors = Object.entries(errors).filter(([p]) => p.startsWith('calendar.')).map(([, m]) => m);

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
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" styles={{ content: { paddingTop: 24 } }}>
        <Stepper.Step label="Школа">
          <ProfileFields value={profile} onChange={setProfile} errors={errors} fullNamePath="schoolName" />
        </Stepper.Step>
        <Stepper.Step label="Учебный год">
          <CalendarEditor value={calendar} onChange={setCalendar} show="periods" />
        </Stepper.Step>
        <Stepper.Step label="Каникулы">
          <CalendarEditor value={calendar} onChange={setCalendar} show="holidays" />
        </Stepper.Step>
        <Stepper.Step label="Администратор">
          <Stack gap="sm">
            <SimpleGrid cols={3} spacing="sm">
              <TextInput label="Фамилия" autoComplete="family-name" {...adminField('lastName', 'admin.lastName')} />
              <TextInput label="Имя" autoComplete="given-name" {...adminField('firstName', 'admin.firstName')} />
              <TextInput label="Отчество" autoComplete="additional-name" {...adminField('middleName', 'admin.middleName')} />
            </SimpleGrid>
            <TextInput label="Логин администратора" description="Латинские буквы, цифры, точка, дефис" autoComplete="username" {...adminField('login', 'admin.login')} />
            <SimpleGrid cols={2} spacing="sm">
              <PasswordInput label="Пароль" autoComplete="new-password" {...adminField('password', 'admin.password')} />
              <PasswordInput label="Пароль ещё раз" autoComplete="new-password" {...adminField('repeat', 'repeat')} />
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
