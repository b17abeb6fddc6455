/** Base class of every error ntk-check throws on purpose. A refuted statement is data, never an error. */
export class NtkError extends Error {
  override name = 'NtkError';
}
