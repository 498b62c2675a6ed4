/** The last `size` items pushed, oldest first: the charts' 15 minutes, in constant memory. */
export function createRing<T>(size: number) {
  const items: T[] = [];
  let next = 0;
  return {
    push(item: T): void {
      if (items.length < size) items.push(item);
      else items[next] = item;
      next = (next + 1) % size;
    },
    toArray(): T[] {
      return items.length < size ? [...items] : [...items.slice(next), ...items.slice(0, next)];
    },
  };
}
