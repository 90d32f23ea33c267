/**
 * One shared, frozen list of names per distinct set of indices. A sweep flags the same few sets
 * of out-of-range features on thousands of rows; each row gets the batch's one list for its set
 * instead of building its own. A trie over ascending indices, so a lookup allocates nothing.
 */
export class NameLists {
  private readonly root: TrieNode = { next: new Map(), names: Object.freeze([]) };
  private readonly path: number[] = [];

  constructor(private readonly names: readonly string[]) {}

  /** The names of the union of two disjoint ascending index lists, in index order. */
  union(a: readonly number[], b: readonly number[]): readonly string[] {
    let node = this.root;
    this.path.length = 0;
    let i = 0;
    let k = 0;
    while (i < a.length || k < b.length) {
      const index = k >= b.length || (i < a.length && a[i]! < b[k]!) ? a[i++]! : b[k++]!;
      this.path.push(index);
      let child = node.next.get(index);
      if (!child) {
        child = { next: new Map(), names: undefined };
        node.next.set(index, child);
      }
      node = child;
    }
    return (node.names ??= Object.freeze(this.path.map((index) => this.names[index]!)));
  }
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  names: readonly string[] | undefined;
}
