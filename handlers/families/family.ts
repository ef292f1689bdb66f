/** What a family answers an operation with: an output (SDK-shaped), or one of the operation's modelled errors. */
export type Answer =
  | {
      readonly output: unknown;
      /** The stored entity the output holds, unchanged since it was last answered: its wire body is encoded once. */
      readonly entity?: object;
    }
  | {
      readonly error: string;
      readonly members: Record<string, unknown>;
      /** The error says a resource does not exist: with `unknownIds: "generate"` the mock answers with a generated one instead. */
      readonly missing?: true;
    };

/**
 * A family of stateful resources (Glue interactive sessions, …): it answers the operations it keeps
 * state for, and returns undefined for the rest, which the mock answers as usual.
 */
export interface Family {
  /** The registry's id of the service whose operations it answers. */
  readonly service: string;
  /** The names of the operations it keeps state for. */
  readonly operations: readonly string[];
  /** `operation` is the operation's name in its service; `input` the request, validated against its contract. */
  answer(operation: string, input: Record<string, unknown>): Answer | undefined;
  /** Loads what answering this request needs and cannot be loaded synchronously here (a parser, in a browser). */
  prepare?(operation: string, input: Record<string, unknown>): Promise<void> | undefined;
  reset(): void;
}
