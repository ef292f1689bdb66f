import { faker } from "@faker-js/faker";
import { fake, setFaker } from "zod-schema-faker/v4";
import { createFactories, type Factory } from "../factories/index.js";
import { buildSchema } from "../src/contracts/build.js";
import { registry } from "../src/index.js";
import { benchRounds, fmt, measure, table } from "./harness.js";

/** Builds per second for each factory, next to zod-schema-faker generating from the same contract. */
export function benchFactories(): string {
  setFaker(faker);
  faker.seed(1);
  const factories = createFactories({ seed: 1 });
  const subjects: [string, Factory<any, any, any>][] = [
    ["glue Session", factories.glue.session],
    ["deadline GetSession", factories.deadline.session],
    ["deviceFarm TestGridSession", factories.deviceFarm.testGridSession],
    ["deviceFarm RemoteAccessSession", factories.deviceFarm.remoteAccessSession],
    ...registry.operations.filter((op) => factories.operation(op.id).traitNames.length > 0 || op.id === "glue:GetJobRun").map((op) => [`${op.id} output`, factories.operation(op.id)] as [string, Factory<any, any, any>]),
  ];
  // `BENCH_ONLY=<regular expression>` measures only the factories whose names it matches.
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  const rows = subjects.filter(([name]) => !only || only.test(name)).map(([name, factory]) => {
    // zod-schema-faker cannot generate through the pipe that guards `__proto__` map keys: it gets the
    // same schema without that guard.
    const schema = buildSchema(factory.contract.shape, { level: "sdk", reportDrift: true, defaultTimestampFormat: factory.contract.defaultTimestampFormat, protoGuard: false });
    const [ours, theirs] = measure([
      { name: "ours", run: (i) => factory.build(undefined, { seed: i }) },
      { name: "zod-schema-faker", run: () => fake(schema) },
    ]);
    // Both sides' outputs, checked strictly against the contract: 200 builds each.
    const share = (make: (i: number) => unknown) => {
      let valid = 0;
      for (let i = 0; i < 200; i++) if (factory.contract.validate(make(i), { level: "sdk", strict: true }).ok) valid++;
      return `${((valid / 200) * 100).toFixed(0)}%`;
    };
    return [name, fmt(ours!.opsPerSecond), fmt(theirs!.opsPerSecond), `${(ours!.opsPerSecond / theirs!.opsPerSecond).toFixed(2)}x`, share((i) => factory.build(undefined, { seed: i })), share(() => fake(schema))];
  });
  return table(
    `Factories: builds per second (median of ${benchRounds(5)} alternating rounds), and the share of outputs that pass the contract strictly`,
    ["factory", "ours/s", "zod-schema-faker/s", "ratio", "ours valid", "zsf valid"],
    rows,
  );
}
