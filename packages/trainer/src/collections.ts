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

/** `count` items spread evenly over `list`, in order (`list` itself when it is no longer). */
export function evenly<T>(list: readonly T[], count: number): readonly T[] {
  if (list.length <= count) return list;
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]!);
}
