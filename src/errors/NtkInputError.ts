import { NtkError } from './NtkError.js';
import { formatValue } from './formatValue.js';

/** Bad input: the message reads `parameter=value must be requirement`. */
export class NtkInputError extends NtkError {
  override name = 'NtkInputError';
  readonly parameter: string;
  readonly value: unknown;
  readonly requirement: string;

  constructor(parameter: string, value: unknown, requirement: string) {
    super(`${parameter}=${formatValue(value)} must be ${requirement}`);
    this.parameter = parameter;
    this.value = value;
    this.requirement = requirement;
  }
}
