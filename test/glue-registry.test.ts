import { CreateRegistryCommand, CreateSchemaCommand, DeleteSchemaCommand, EntityNotFoundException, GetRegistryCommand, GetSchemaCommand, GlueClient, ListSchemasCommand, UpdateRegistryCommand, AlreadyExistsException } from "@aws-sdk/client-glue";
import { describe, expect, test } from "vitest";
import { createAwsMock, testClientConfig } from "../handlers/index.js";

describe("Glue's Schema Registry: registries and schemas named by a name or an ARN, kept as one", () => {
  test("a registry and its schemas, by name or ARN, listed per registry, updated and deleted", async () => {
    const mock = createAwsMock();
    const glue = new GlueClient({ ...testClientConfig({ region: "eu-west-1" }), requestHandler: mock.requestHandler() });
    const created = await glue.send(new CreateRegistryCommand({ RegistryName: "payments", Description: "Payment events", Tags: { team: "payments" } }));
    expect(created).toMatchObject({ RegistryName: "payments", RegistryArn: `arn:aws:glue:eu-west-1:${mock.account}:registry/payments`, Description: "Payment events", Tags: { team: "payments" } });
    await expect(glue.send(new CreateRegistryCommand({ RegistryName: "payments" }))).rejects.toBeInstanceOf(AlreadyExistsException);
    const byArn = await glue.send(new GetRegistryCommand({ RegistryId: { RegistryArn: created.RegistryArn } }));
    expect(byArn).toMatchObject({ RegistryName: "payments", RegistryArn: created.RegistryArn, Description: "Payment events" });
    await glue.send(new UpdateRegistryCommand({ RegistryId: { RegistryName: "payments" }, Description: "Card and wallet payments" }));
    expect((await glue.send(new GetRegistryCommand({ RegistryId: { RegistryName: "payments" } }))).Description).toBe("Card and wallet payments");

    await glue.send(new CreateRegistryCommand({ RegistryName: "orders" }));
    const schema = await glue.send(new CreateSchemaCommand({ RegistryId: { RegistryArn: created.RegistryArn }, SchemaName: "card-authorized", DataFormat: "AVRO", Compatibility: "BACKWARD", SchemaDefinition: '{"type":"record","name":"CardAuthorized","fields":[{"name":"id","type":"string"}]}' }));
    expect(schema).toMatchObject({ RegistryName: "payments", SchemaName: "card-authorized", SchemaArn: `arn:aws:glue:eu-west-1:${mock.account}:schema/payments/card-authorized`, DataFormat: "AVRO", Compatibility: "BACKWARD" });
    await glue.send(new CreateSchemaCommand({ RegistryId: { RegistryName: "orders" }, SchemaName: "order-placed", DataFormat: "JSON", SchemaDefinition: "{}" }));
    const got = await glue.send(new GetSchemaCommand({ SchemaId: { SchemaArn: schema.SchemaArn } }));
    expect(got).toMatchObject({ SchemaName: "card-authorized", RegistryName: "payments", DataFormat: "AVRO" });
    expect((await glue.send(new GetSchemaCommand({ SchemaId: { RegistryName: "payments", SchemaName: "card-authorized" } }))).SchemaArn).toBe(schema.SchemaArn);
    expect((await glue.send(new ListSchemasCommand({ RegistryId: { RegistryName: "payments" } }))).Schemas!.map((s) => s.SchemaName)).toEqual(["card-authorized"]);
    expect((await glue.send(new ListSchemasCommand({}))).Schemas!.map((s) => s.SchemaName).sort()).toEqual(["card-authorized", "order-placed"]);
    expect(await glue.send(new DeleteSchemaCommand({ SchemaId: { SchemaArn: schema.SchemaArn } }))).toMatchObject({ SchemaArn: schema.SchemaArn, SchemaName: "card-authorized", Status: "DELETING" });
    await expect(glue.send(new GetSchemaCommand({ SchemaId: { SchemaArn: schema.SchemaArn } }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });
});
