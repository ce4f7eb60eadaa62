// Lookups in records keyed by ids from the data. A topic may be called `constructor`, a
// region `__proto__` or `toString`: reading `record[id]` would then find Object.prototype's
// members. Only the record's own keys count.

/** The record's own value for `key`, or undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A record without a prototype, so any string is an ordinary key. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
