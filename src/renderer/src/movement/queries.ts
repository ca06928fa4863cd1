import { useQuery } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';

export const movementKeys = {
  classes: (date: string) => ['movement', 'classes', date] as const,
  register: (params: object) => ['movement', 'register', params] as const,
};

export const useMovementClasses = (date: string) => useQuery({ queryKey: movementKeys.classes(date), queryFn: () => invoke(contract.movement.classes, { date }) });

export const useMovementRegister = (params: { from?: string; to?: string; classId?: number }) =>
  useQuery({ queryKey: movementKeys.register(params), queryFn: () => invoke(contract.movement.register, params) });
