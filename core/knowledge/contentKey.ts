/**
 * Locale files key per-code content as `c` plus the code with underscores (`4.4.316` → `c4_4_316`):
 * dots would read as key paths.
 */

/** `4.4.316` → `4_4_316`, at the type level. */
type Underscored<Code extends string> = Code extends `${infer Head}.${infer Tail}`
  ? `${Head}_${Underscored<Tail>}`
  : Code;

export type ContentKey<Code extends string> = `c${Underscored<Code>}`;

// The string operation is what `Underscored` spells out for the compiler.
export const contentKey = <Code extends string>(code: Code): ContentKey<Code> =>
  `c${code.replaceAll('.', '_')}` as ContentKey<Code>;
