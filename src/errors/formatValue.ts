/** Render a user-supplied value for an error message: short, and faithful for numbers (NaN, -0, Infinity). */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `array(length ${value.length})`;
  if (value instanceof Float64Array) return `Float64Array(length ${value.length})`;
  return typeof value;
}
