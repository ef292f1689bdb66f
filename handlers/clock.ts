import { REFERENCE_DATE } from "../factories/core/random.js";

/** What the mock reads the time from: `Date` itself, a fake timer's `Date.now`, or its own manual clock. */
export interface Clock {
  now(): number;
}

/** A clock that moves only when told: the mock's own unless you give it another. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: Date | number = REFERENCE_DATE) {
    this.#now = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  /**
   * Moves the clock forward; resources whose states last a while move on with it.
   * @example mock.clock.advance(30_000) // a Glue session is READY about 25 s after CreateSession
   */
  advance(ms: number): void {
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new TypeError(`[aws-sdk-contracts] clock.advance takes a number of milliseconds, 0 or more; got ${String(ms)}.`);
    this.#now += ms;
  }
}

/** One state of a lifecycle: it lasts `polls` reads of the resource, or `ms` on the clock (the last one lasts). */
export interface Phase<S extends string = string> {
  readonly state: S;
  readonly polls: number;
  readonly ms: number;
}

/**
 * Where a resource is in its lifecycle. With the mock's own clock a phase ends after its polls or once
 * the test advances the clock past it; with a clock the test gives, only time moves it.
 */
export class Progress<S extends string = string> {
  #phases: readonly Phase<S>[];
  #start: number;
  #polls = 0;
  #index = 0;
  /** When each phase was entered, as the clock read then. */
  readonly #entered: number[];

  constructor(
    phases: readonly Phase<S>[],
    readonly clock: Clock,
    /** True when only the clock moves phases (a clock the test owns). */
    readonly timeOnly: boolean,
  ) {
    this.#phases = phases;
    this.#start = clock.now();
    this.#entered = [this.#start];
  }

  /** The state now; a poll (a read of the resource) counts toward the phase's polls. */
  state(poll = false): S {
    const now = this.clock.now();
    let byTime = 0;
    let end = this.#start;
    for (let i = 0; i < this.#phases.length - 1; i++) {
      end += this.#phases[i]!.ms;
      if (now >= end) byTime = i + 1;
      else break;
    }
    let byPolls = 0;
    if (!this.timeOnly) {
      let polls = 0;
      for (let i = 0; i < this.#phases.length - 1; i++) {
        polls += this.#phases[i]!.polls;
        if (this.#polls >= polls) byPolls = i + 1;
        else break;
      }
    }
    const index = Math.max(this.#index, byTime, byPolls);
    for (let i = this.#index + 1; i <= index; i++) {
      // Entered when its predecessor's time ran out. Polls run ahead of the clock: the mock's own
      // clock then moves to that moment, so timestamps read as the service's real durations.
      const timed = Math.max(this.#entered[i - 1]! + this.#phases[i - 1]!.ms, this.#start + this.#phases.slice(0, i).reduce((sum, p) => sum + p.ms, 0));
      this.#entered[i] = timed;
      if (!this.timeOnly && timed > this.clock.now() && this.clock instanceof ManualClock) this.clock.advance(timed - this.clock.now());
    }
    this.#index = index;
    if (poll) this.#polls++;
    return this.#phases[index]!.state;
  }

  /** When the resource entered this state (undefined when it has not). */
  enteredAt(state: S): number | undefined {
    // The latest time it entered the state: a crawler is RUNNING again on every start.
    for (let i = this.#index; i >= 0; i--) if (this.#phases[i]!.state === state) return this.#entered[i];
    return undefined;
  }

  /** Starts a new lifecycle from the current time (a stop, a cancel), keeping when earlier states were entered. */
  then(phases: readonly Phase<S>[]): void {
    const now = this.clock.now();
    // The phases so far are over: they last nothing from here on.
    const done = this.#phases.slice(0, this.#index + 1).map((p) => ({ ...p, polls: 0, ms: 0 }));
    this.#phases = [...done, ...phases];
    this.#entered.length = done.length;
    this.#entered.push(now);
    this.#start = now;
    this.#polls = 0;
    this.#index = done.length;
  }
}
