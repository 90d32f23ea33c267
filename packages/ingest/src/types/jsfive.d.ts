// jsfive ships no type declarations; this covers the part hlsest uses.
declare module 'jsfive' {
  export class Dataset {
    readonly value: ArrayLike<number> | unknown;
    readonly shape: readonly number[];
    readonly attrs: Record<string, unknown>;
  }
  export class Group {
    readonly keys: readonly string[];
    readonly attrs: Record<string, unknown>;
    get(path: string): Group | Dataset;
  }
  export class File extends Group {
    constructor(buffer: ArrayBuffer, filename?: string);
  }
}
