import { keepingRules } from "../src/contracts/service-rules.js";
import { registry, type ErrorNameOf, type Operation, type OperationById, type OperationId, type Shape, type StructureShape } from "../src/index.js";
import { Factory, checkAccount, checkRegion, type EntityDefinition, type FactoryDefinition, type Invariant, type Sequence } from "./core/factory.js";
import { accountOf } from "./core/values.js";
import { completeLists, generate, stateTraits, statesOf, type Refinement } from "./core/generic.js";
import { hints } from "./hints.js";
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
export { preload } from "../src/contracts/registry.js";
import { checkSeed, RandomSource, type Gen } from "./core/random.js";

/** Options of a factory set. */
export interface FactoriesOptions {
  /** Seed of the set: builds without their own seed take the next number of a sequence derived from it. */
  readonly seed?: number;
  /** The AWS account every build's ARNs, buckets and keys name (twelve digits); by default one the seed gives. */
  readonly account?: string;
  /** The region every build's ARNs and endpoints name (Device Farm's are always us-west-2); by default us-east-1. */
  readonly region?: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a definition of any entity */
type AnyDefinition = FactoryDefinition<any, any, any>;
type AnyFactory = Factory<any, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The entities we build: the top-level ones first, so an operation finds its entity before a nested shape. */
const entities: readonly EntityDefinition<any, any, any>[] = [glueSession, deadlineSession, testGridSession, remoteAccessSession];

/** The entities of one service (its shapes only are read). */
const entitiesOf = (service: string) => entities.filter((e) => e.service === service);

/**
 * Hand-tuned structures that other entities hold, by service, and the parameters they are built with there: the
 * generic factory builds them so wherever they sit (a Device Farm job's device is a device of the catalogue, its
 * maker, model and platform together; one in five of a private fleet).
 */
const nestedEntities: readonly (readonly [service: string, definition: AnyDefinition, params: (gen: Gen) => object])[] = [
  ["deviceFarm", deviceFactory, (gen) => ({ ...deviceFactory.defaults, fleet: gen.bool("$fleet", 0.2) ? "PRIVATE" : "PUBLIC" })],
];

/** The hand-tuned factories, by the structure each builds: the generic factory hands those structures to them. */
const refinementTables = new Map<string, ReadonlyMap<Shape, Refinement>>();
function refinements(service: string): ReadonlyMap<Shape, Refinement> {
  let table = refinementTables.get(service);
  if (!table) {
    const own: [Shape, Refinement][] = entitiesOf(service).map((e) => [e.shape as Shape, (gen) => e.generate(gen, e.defaults)]);
    const nested: [Shape, Refinement][] = nestedEntities.filter(([s]) => s === service).map(([, d, params]) => [d.shape as Shape, (gen) => d.generate(gen, params(gen))]);
    refinementTables.set(service, (table = new Map([...own, ...nested])));
  }
  return table;
}

/** The region of builds that name none: the SDK's usual default in examples. */
const DEFAULT_REGION = "us-east-1";

/** How many structures one generated value holds at most: deep, wide models (Glue's job graphs) stay readable. */
const STRUCTURE_BUDGET = 150;

/**
 * A factory definition for any structure of an operation, built by the generic factory; `without`
 * names a member left out (a list operation's page tokens).
 */
function genericDefinition(op: Operation, name: string, shape: () => StructureShape, without?: string): AnyDefinition {
  const serviceHints = hints[op.service.id] ?? {};
  const context = (states?: Record<string, string>) => ({ service: op.service, hints: serviceHints, refinements: refinements(op.service.id), budget: STRUCTURE_BUDGET, states });
  let traits: Record<string, { states: Record<string, string> }> | undefined;
  return {
    name,
    get shape() {
      return shape();
    },
    timestampFormat: op.protocol.defaultTimestampFormat,
    defaults: {},
    // A trait per state of the output's entity (`.with("failed")`), read from the state hints.
    get traits() {
      return (traits ??= stateTraits(shape(), serviceHints));
    },
    generate: (gen, params: { states?: Record<string, string> }) => {
      const s = shape();
      const value = generate(s, gen, s.name, "", 0, context(params.states)) as Record<string, unknown>;
      if (without !== undefined) delete value[without];
      return value;
    },
    // A state set by an override is the state the value is built in: its rules hold (a FAILED run has its error and end).
    fromOverrides: (overrides: unknown) => {
      const states = statesOf(shape(), overrides, serviceHints);
      return Object.keys(states).length ? { states } : {};
    },
    complete: (gen, overrides, params: { states?: Record<string, string> }) => completeLists(shape(), overrides, gen, context(params.states)),
  };
}

function outputDefinition(id: OperationId): AnyDefinition {
  const op = registry.get(id);
  const output = op.response.shape as StructureShape;
  const exact = entitiesOf(op.service.id).find((e) => e.shape === output);
  if (exact) return { ...exact, name: `${id} response` };
  // Outputs that are one hand-tuned entity (GetSession's `Session`) keep that factory's traits.
  if (Object.keys(output.members).length > 1) return outputOf(op, output);
  for (const [member, shape] of Object.entries(output.members)) {
    const entity = entitiesOf(op.service.id).find((e) => e.shape === shape);
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
  return outputOf(op, output);
}

/** A generic output; a list operation's output is one complete page (no next token: a paginator stops). */
function outputOf(op: Operation, output: StructureShape): AnyDefinition {
  return genericDefinition(op, `${op.id} response`, () => output, op.paginated?.outputToken);
}

/**
 * A set of seeded factories with its own sequence: the same seed and the same calls give the same
 * objects on every machine. Create one per test file (or per test) rather than sharing one.
 * @example const factories = createFactories({ seed: 42 }); factories.glue.session.with("ready").build()
 */
export function createFactories(options: FactoriesOptions = {}) {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError("[aws-sdk-contracts] createFactories takes an options object: { seed?: number, account?: string, region?: string }.");
  const unknown = Object.keys(options).filter((k) => !["seed", "account", "region"].includes(k));
  if (unknown.length) throw new TypeError(`[aws-sdk-contracts] Unknown createFactories option ${unknown.map((k) => `"${k}"`).join(", ")}; known: seed, account, region.`);
  const seed = options.seed === undefined ? 1 : checkSeed(options.seed, "createFactories");
  const where = { account: checkAccount(options.account, "createFactories") ?? accountOf(seed), region: checkRegion(options.region, "createFactories") ?? DEFAULT_REGION };
  let counter = 0;
  const sequence: Sequence = { seed, next: () => counter++, source: new RandomSource(), where };
  const make = <S extends StructureShape, P extends object, T extends string>(definition: FactoryDefinition<S, P, T>) => new Factory(definition, sequence);
  const outputs = new Map<string, AnyFactory>();
  const inputs = new Map<string, AnyFactory>();
  const errors = new Map<string, AnyFactory>();
  return {
    /** The AWS account every build names (twelve digits). */
    account: where.account,
    /** The region every build names (Device Farm's builds say us-west-2 whatever it is). */
    region: where.region,
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
      if (!factory) outputs.set(id, (factory = new Factory(outputDefinition(id), sequence)));
      return factory;
    },
    /**
     * The factory of an operation's input: a request the service accepts (every constraint met).
     * @example await client.send(new GetJobRunCommand(factories.input("glue:GetJobRun").build()))
     */
    input<Id extends OperationId>(id: Id): Factory<OperationById<Id>["request"]["shape"], object, string> {
      let factory = inputs.get(id);
      if (!factory) {
        const op = registry.get(id);
        // A generated request asks for the first page: a page token is only valid when the service gave it.
        const generic = genericDefinition(op, `${id} request`, () => op.request.shape as StructureShape, op.paginated?.inputToken);
        // A valid request keeps the service's rules too (a job's capacity given one way only).
        const definition: typeof generic = { ...generic, generate: (gen, params) => keepingRules(id, generic.generate(gen, params) as object) as ReturnType<typeof generic.generate> };
        inputs.set(id, (factory = new Factory(definition, sequence)));
      }
      return factory;
    },
    /**
     * The factory of one of an operation's errors, by name: its members as the SDK exposes them.
     * @example factories.error("glue:GetJobRun", "EntityNotFoundException").build({ Message: "Job run not found." })
     */
    error<Id extends OperationId>(id: Id, name: ErrorNameOf<Id>): Factory<StructureShape, object, string> {
      const key = `${id} ${name}`;
      let factory = errors.get(key);
      if (!factory) {
        const op = registry.get(id);
        const error = op.errors.find((e) => e.name === name);
        if (!error) throw new Error(`[aws-sdk-contracts] ${id} has no error ${JSON.stringify(name)}; its errors are ${op.errors.map((e) => e.name).join(" | ")}.`);
        errors.set(key, (factory = new Factory(genericDefinition(op, `${id} ${name}`, () => error.shape), sequence)));
      }
      return factory;
    },
    /** Whether a factory builds the output of this operation (every registered operation has one). */
    canBuild(id: OperationId): boolean {
      return registry.find(id) !== undefined;
    },
    /** Restarts the sequence, so the next builds repeat the first ones. */
    reset(): void {
      counter = 0;
    },
  };
}

export type Factories = ReturnType<typeof createFactories>;
