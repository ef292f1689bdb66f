import { registry, type OperationById, type OperationId, type StructureShape } from "../src/index.js";
import { Factory, type FactoryDefinition, type Invariant, type Sequence } from "./core/factory.js";
import { deadlineHostProperties, deadlineLogConfiguration, deadlineSession } from "./deadline.js";
import {
  cpuFactory,
  deviceFactory,
  deviceInstanceFactory,
  deviceMinutesFactory,
  deviceProxyFactory,
  endpointsFactory,
  instanceProfileFactory,
  remoteAccessSession,
  resolutionFactory,
  testGridSession,
  vpcConfigFactory,
} from "./device-farm.js";
import { glueSession } from "./glue.js";

export { Factory } from "./core/factory.js";
export type { BuildOptions, FactoryDefinition, Invariant } from "./core/factory.js";
export { REFERENCE_DATE } from "./core/random.js";
import { checkSeed, RandomSource } from "./core/random.js";

/** Options of a factory set. */
export interface FactoriesOptions {
  /** Seed of the set: builds without their own seed take the next number of a sequence derived from it. */
  readonly seed?: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a definition of any entity */
type AnyDefinition = FactoryDefinition<any, any, any>;
type AnyFactory = Factory<any, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The entities we build: the top-level ones first, so an operation finds its entity before a nested shape. */
const entities: readonly AnyDefinition[] = [glueSession, deadlineSession, testGridSession, remoteAccessSession];

function outputDefinition(id: OperationId): AnyDefinition | undefined {
  const op = registry.get(id);
  const output = op.response.shape as StructureShape;
  const exact = entities.find((e) => e.shape === output);
  if (exact) return { ...exact, name: `${id} response` };
  for (const [member, shape] of Object.entries(output.members)) {
    const entity = entities.find((e) => e.shape === shape);
    if (!entity) continue;
    return {
      name: `${id} response`,
      shape: output,
      timestampFormat: op.protocol.defaultTimestampFormat,
      defaults: entity.defaults,
      traits: entity.traits,
      generate: (gen, params) => ({ [member]: entity.generate(gen, params) }),
      ...(entity.fromOverrides
        ? {
            fromOverrides: (o: unknown) => {
              const inner = (o as Record<string, unknown>)[member];
              return inner ? entity.fromOverrides!(inner) : {};
            },
          }
        : {}),
      invariants: ((entity.invariants ?? []) as readonly Invariant<unknown>[]).map((inv) => ({
        name: inv.name,
        check: (value: unknown) => {
          const inner = (value as Record<string, unknown>)[member];
          return inner === undefined ? undefined : inv.check(inner);
        },
      })),
    };
  }
  return undefined;
}

/**
 * A set of seeded factories with its own sequence: the same seed and the same calls give the same
 * objects on every machine. Create one per test file (or per test) rather than sharing one.
 * @example const factories = createFactories({ seed: 42 }); factories.glue.session.with("ready").build()
 */
export function createFactories(options: FactoriesOptions = {}) {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError("[aws-sdk-contracts] createFactories takes an options object: { seed?: number }.");
  const unknown = Object.keys(options).filter((k) => k !== "seed");
  if (unknown.length) throw new TypeError(`[aws-sdk-contracts] Unknown createFactories option ${unknown.map((k) => `"${k}"`).join(", ")}; known: seed.`);
  const seed = options.seed === undefined ? 1 : checkSeed(options.seed, "createFactories");
  let counter = 0;
  const sequence: Sequence = { seed, next: () => counter++, source: new RandomSource() };
  const make = <S extends StructureShape, P extends object, T extends string>(definition: FactoryDefinition<S, P, T>) => new Factory(definition, sequence);
  const outputs = new Map<string, AnyFactory>();
  return {
    glue: { session: make(glueSession) },
    deadline: { session: make(deadlineSession), hostProperties: make(deadlineHostProperties), logConfiguration: make(deadlineLogConfiguration) },
    deviceFarm: {
      testGridSession: make(testGridSession),
      remoteAccessSession: make(remoteAccessSession),
      device: make(deviceFactory),
      deviceInstance: make(deviceInstanceFactory),
      instanceProfile: make(instanceProfileFactory),
      cpu: make(cpuFactory),
      resolution: make(resolutionFactory),
      deviceMinutes: make(deviceMinutesFactory),
      vpcConfig: make(vpcConfigFactory),
      deviceProxy: make(deviceProxyFactory),
      endpoints: make(endpointsFactory),
    },
    /**
     * The factory of a whole operation output, derived from the registry.
     * @example factories.operation("glue:GetSession").with("failed").wire()
     */
    operation<Id extends OperationId>(id: Id): Factory<OperationById<Id>["response"]["shape"], object, string> {
      let factory = outputs.get(id);
      if (!factory) {
        const definition = outputDefinition(id);
        if (!definition) throw new Error(`[aws-sdk-contracts] No factory builds the output of ${id}.`);
        factory = new Factory(definition, sequence);
        outputs.set(id, factory);
      }
      return factory;
    },
    /** Whether a factory builds the output of this operation. */
    canBuild(id: OperationId): boolean {
      return outputs.has(id) || outputDefinition(id) !== undefined;
    },
    /** Restarts the sequence, so the next builds repeat the first ones. */
    reset(): void {
      counter = 0;
    },
  };
}

export type Factories = ReturnType<typeof createFactories>;
