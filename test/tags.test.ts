import { CreateJobCommand, GetTagsCommand, GlueClient, TagResourceCommand as GlueTag, UntagResourceCommand as GlueUntag, EntityNotFoundException, DeleteJobCommand } from "@aws-sdk/client-glue";
import { CreateFarmCommand, CreateQueueCommand, DeadlineClient, ListTagsForResourceCommand as DeadlineTags, TagResourceCommand as DeadlineTag, UntagResourceCommand as DeadlineUntag, ResourceNotFoundException } from "@aws-sdk/client-deadline";
import { CreateDevicePoolCommand, CreateProjectCommand, DeviceFarmClient, ListTagsForResourceCommand as DeviceFarmTags, TagResourceCommand as DeviceFarmTag, UntagResourceCommand as DeviceFarmUntag } from "@aws-sdk/client-device-farm";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";

const config = (mock: ReturnType<typeof createAwsMock>) => ({ ...testClientConfig(), requestHandler: mock.requestHandler() });

describe("tags by ARN, on every resource whose ARN the resource model knows", () => {
  test("Glue: a job's tags from CreateJob, TagResource and UntagResource, read by GetTags; a deleted job's ARN is not found", async () => {
    const glue = new GlueClient(config(createAwsMock()));
    await glue.send(new CreateJobCommand({ Name: "nightly", Role: "arn:aws:iam::123456789012:role/GlueJobRole", Command: { Name: "glueetl", ScriptLocation: "s3://code/nightly.py" }, Tags: { team: "data" } }));
    const arn = "arn:aws:glue:us-west-2:123456789012:job/nightly";
    expect((await glue.send(new GetTagsCommand({ ResourceArn: arn }))).Tags).toEqual({ team: "data" });
    await glue.send(new GlueTag({ ResourceArn: arn, TagsToAdd: { cost: "etl", team: "platform" } }));
    await glue.send(new GlueUntag({ ResourceArn: arn, TagsToRemove: ["cost"] }));
    expect((await glue.send(new GetTagsCommand({ ResourceArn: arn }))).Tags).toEqual({ team: "platform" });
    await glue.send(new DeleteJobCommand({ JobName: "nightly" }));
    await expect(glue.send(new GetTagsCommand({ ResourceArn: arn }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  test("Deadline: a queue's ARN from the model's template (farm/{farmId}/queue/{queueId})", async () => {
    const deadline = new DeadlineClient(config(createAwsMock()));
    const { farmId } = await deadline.send(new CreateFarmCommand({ displayName: "Render farm", tags: { site: "lyon" } }));
    const { queueId } = await deadline.send(new CreateQueueCommand({ farmId, displayName: "Shots" }));
    const farmArn = `arn:aws:deadline:us-west-2:123456789012:farm/${farmId}`;
    const queueArn = `${farmArn}/queue/${queueId}`;
    expect((await deadline.send(new DeadlineTags({ resourceArn: farmArn }))).tags).toEqual({ site: "lyon" });
    await deadline.send(new DeadlineTag({ resourceArn: queueArn, tags: { show: "moon" } }));
    expect((await deadline.send(new DeadlineTags({ resourceArn: queueArn }))).tags).toEqual({ show: "moon" });
    await deadline.send(new DeadlineUntag({ resourceArn: queueArn, tagKeys: ["show"] }));
    expect((await deadline.send(new DeadlineTags({ resourceArn: queueArn }))).tags).toEqual({});
    await expect(deadline.send(new DeadlineTags({ resourceArn: `${farmArn}/queue/queue-00000000000000000000000000000000` }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  test("Device Farm: tags as a list of Key and Value, on a project and a device pool by their own ARNs", async () => {
    const df = new DeviceFarmClient(config(createAwsMock()));
    const { project } = await df.send(new CreateProjectCommand({ name: "web QA" }));
    const { devicePool } = await df.send(new CreateDevicePoolCommand({ projectArn: project!.arn!, name: "phones", rules: [{ attribute: "PLATFORM", operator: "EQUALS", value: '"ANDROID"' }] }));
    await df.send(new DeviceFarmTag({ ResourceARN: devicePool!.arn!, Tags: [{ Key: "owner", Value: "qa" }] }));
    expect((await df.send(new DeviceFarmTags({ ResourceARN: devicePool!.arn! }))).Tags).toEqual([{ Key: "owner", Value: "qa" }]);
    await df.send(new DeviceFarmUntag({ ResourceARN: devicePool!.arn!, TagKeys: ["owner"] }));
    expect((await df.send(new DeviceFarmTags({ ResourceARN: devicePool!.arn! }))).Tags).toEqual([]);
    await df.send(new DeviceFarmTag({ ResourceARN: project!.arn!, Tags: [{ Key: "env", Value: "ci" }] }));
    expect((await df.send(new DeviceFarmTags({ ResourceARN: project!.arn! }))).Tags).toEqual([{ Key: "env", Value: "ci" }]);
  });
});
