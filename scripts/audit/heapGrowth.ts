/**
 * How far the audit's heaps grow between full garbage collections. A program that allocates
 * as fast as a streaming audit does lets V8 grow its heap to about three times what survived
 * the last full collection: at ten million records that was over a gigabyte of garbage in
 * waiting (2.5 GB of memory on one thread, 3.9 GB on two). Growth of half the live data keeps
 * the peak near one and a half times it; the extra marking runs concurrently, on the core the
 * threads leave free between reads, and cost no wall-clock time at one million records.
 * The setting is the process's, for every thread and the rest of its life: a `prm audit`
 * process runs one audit.
 */
import { setFlagsFromString } from 'node:v8';

/** Heap growth past the live data before the next full collection, in percent. */
export const AUDIT_HEAP_GROWING_PERCENT = 50;

let applied = false;

/** Asks V8 for the audit's heap growth; once per process. */
export function limitHeapGrowth(): void {
  if (!applied) {
    setFlagsFromString(`--heap-growing-percent=${AUDIT_HEAP_GROWING_PERCENT}`);
    applied = true;
  }
}
