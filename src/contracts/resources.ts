/**
 * A resource of a service, as `npm run codegen` writes it (`src/contracts/<service>/resources.json`,
 * reported in `models/RESOURCES.md`): identifiers, parent, lifecycle operations, where the entity sits
 * in their inputs and outputs, and the errors they model. Read on first use, per service.
 */
export interface Resource {
  readonly name: string;
  readonly source: "model" | "inferred";
  readonly identifiers: readonly string[];
  readonly parent?: string;
  readonly operations: Readonly<Partial<Record<"create" | "read" | "update" | "delete" | "list" | "listNames" | "batchRead" | "batchDelete" | "start" | "stop", string>>>;
  /** Other operations that create it, named otherwise (Glue's `StartMLEvaluationTaskRun`). */
  readonly creates?: readonly string[];
  /** The entity's structure, and the member holding it by operation (`""`: the output is the entity). */
  readonly entity?: { readonly shape: string; readonly outputs: Readonly<Record<string, string>>; readonly inputs: Readonly<Record<string, string>> };
  readonly errors: { readonly notFound?: string; readonly alreadyExists?: string; readonly conflict?: string };
  /** Its ARN after `arn:<partition>:<service>:<region>:<account>:`, identifiers in braces (`farm/{farmId}`; `{arn}`: the identifier is the ARN). */
  readonly arn?: string;
}
