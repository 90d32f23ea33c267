// jsfive ships no type declarations; this covers the part hlsest uses.
declare module 'jsfive' {
  export class File {
    constructor(buffer: ArrayBuffer, filename?: string);
    readonly attrs: Record<string, unknown>;
  }
}
