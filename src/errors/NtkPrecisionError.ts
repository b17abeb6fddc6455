import { NtkError } from './NtkError.js';

/** An arbitrary-precision evaluation could not guarantee the digits asked for. */
export class NtkPrecisionError extends NtkError {
  override name = 'NtkPrecisionError';
  readonly digits: number;

  constructor(detail: string, digits: number) {
    super(`precision lost (${digits} digits requested): ${detail}`);
    this.digits = digits;
  }
}
