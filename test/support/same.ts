/**
 * Types compared the way the SDK means them: the SDK marks a required member `T | undefined` (a server
 * may still omit it) where a contract says `T`, so `undefined` is set aside on both sides, deeply;
 * optional members stay optional. What remains must be the same type.
 */
export type Stripped<T> = T extends Date | Uint8Array
  ? T
  : T extends readonly (infer E)[]
    ? Stripped<Exclude<E, undefined>>[]
    : T extends object
      ? { [K in keyof T]: Stripped<Exclude<T[K], undefined>> }
      : T;

/** An SDK command's output as the contract decodes it: without `$metadata`. */
export type Body<T> = Stripped<Omit<T, "$metadata">>;
