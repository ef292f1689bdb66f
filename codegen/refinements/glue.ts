import type { Refinements } from "../refine.js";
import type { ResourceRefinements } from "../resources.js";

/** Hand knowledge of Glue the model and the SDK do not carry, each with its reason. */
export const refinements: Refinements = {};

/**
 * A workflow run is named by its workflow's `Name` and its `RunId` (`GetWorkflowRun`), so its identifiers do not
 * say that the workflow is its parent; `StartWorkflowRun` takes the workflow's `Name` (Glue API reference, Workflows).
 */
export const resources: ResourceRefinements = {
  // An ML task run belongs to its transform; it is started by one of four operations and cancelled by another
  // (Glue API reference, "Machine learning API": StartMLEvaluationTaskRun … CancelMLTaskRun).
  parents: { WorkflowRun: "Workflow", MLTaskRun: "MLTransform" },
  creates: { MLTaskRun: ["StartMLEvaluationTaskRun", "StartMLLabelingSetGenerationTaskRun", "StartImportLabelsTaskRun", "StartExportLabelsTaskRun"] },
  operations: { MLTaskRun: { stop: "CancelMLTaskRun" } },
  // "Specifying AWS Glue resource ARNs" (Glue developer guide): the resources Glue names by ARN, and so tags.
  arns: {
    Database: "database/{Name}",
    Table: "table/{DatabaseName}/{Name}",
    UserDefinedFunction: "userDefinedFunction/{DatabaseName}/{FunctionName}",
    Connection: "connection/{Name}",
    Crawler: "crawler/{Name}",
    Job: "job/{JobName}",
    Trigger: "trigger/{Name}",
    DevEndpoint: "devEndpoint/{EndpointName}",
    MLTransform: "mlTransform/{TransformId}",
    Workflow: "workflow/{Name}",
    Blueprint: "blueprint/{Name}",
    Session: "session/{Id}",
    DataQualityRuleset: "dataQualityRuleset/{Name}",
    CustomEntityType: "customEntityType/{Name}",
    UsageProfile: "usageProfile/{Name}",
  },
};
