import { contract, type InputOf } from '../../../shared/contract';
import { useChannel } from '../api/useChannel';

export const useMovementClasses = (date: string, yearId?: number) =>
  useChannel(contract.movement.classes, { date, yearId });

export const useMovementRegister = (params: InputOf<typeof contract.movement.register>) =>
  useChannel(contract.movement.register, params);
