/** Appends `value` to the list under `key`, creating it: grouping in linear time (no array copies per item). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Appends every item of `items` to `target`: `push(...items)` overflows the call stack past ~100k items. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
