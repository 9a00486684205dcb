/** Response headers in the shape the connector client's pipeline reads (`HttpHeadersLike`). */
import type { HeadersLike } from './httpTypes';

export function headersLike(entries: Iterable<[string, string]>): HeadersLike {
  // Keyed by lower-case name, keeping the name as received for `preserveCase`.
  const map = new Map<string, { name: string; value: string }>();
  for (const [name, value] of entries) map.set(name.toLowerCase(), { name, value });
  const json = (preserveCase?: boolean) =>
    Object.fromEntries(
      [...map.entries()].map(([key, header]) => [preserveCase ? header.name : key, header.value]),
    );
  const headers: HeadersLike = {
    set: (name, value) => {
      map.set(name.toLowerCase(), { name, value: String(value) });
    },
    get: (name) => map.get(name.toLowerCase())?.value,
    contains: (name) => map.has(name.toLowerCase()),
    remove: (name) => map.delete(name.toLowerCase()),
    rawHeaders: () => json(false),
    headersArray: () => [...map.values()].map(({ name, value }) => ({ name, value })),
    headerNames: () => [...map.values()].map(({ name }) => name),
    headerValues: () => [...map.values()].map(({ value }) => value),
    clone: () => headersLike([...map.values()].map(({ name, value }): [string, string] => [name, value])),
    toJson: (options) => json(options?.preserveCase),
  };
  return headers;
}
