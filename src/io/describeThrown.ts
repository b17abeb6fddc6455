/** One line describing a thrown value: `Name: first line of the message` for errors, `String(value)` otherwise. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message.split('\n')[0] ?? ''}`;
  return String(thrown);
}
