import { useQuery } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';

export const movementKeys = {
  classes: (date: string, yearId: number | undefined) => ['movement', 'classes', yearId ?? 'current', date] as const,
  register: (params: object) => ['movement', 'register', params] as const,
};

export const useMovementClasses = (date: string, yearId?: number) => useQuery({ queryKey: movementKeys.classes(date, yearId), queryFn: () => invoke(contract.movement.classes, { date, yearId }) });

export const useMovementRegister = (params: { yearId?: number; from?: string; to?: string; classId?: number }) =>
  useQuery({ queryKey: movementKeys.register(params), queryFn: () => invoke(contract.movement.register, params) });
