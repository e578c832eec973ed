/** tldts's flat suffix trie (its generated data module ships without typings). */
declare module 'tldts/dist/cjs/src/data/trie' {
  export const nodeFlags: Uint8Array;
  export const edgeStart: Uint32Array;
  export const edgeLength: Uint8Array;
  export const edgeChild: Uint32Array;
  export const labelText: string;
  export const rulesRoot: number;
  export const exceptionsRoot: number;
}
