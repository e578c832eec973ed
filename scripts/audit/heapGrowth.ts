/**
 * How far the audit's heaps grow between full garbage collections. A program that allocates
 * as fast as a streaming audit does lets V8 grow its heap to about three times what survived
 * the last full collection (at a million records: old space up to 590 MB over 180 MB live).
 * Growth of half the live data keeps the peak near one and a half times it: at a million
 * records on two threads 675 MB instead of 1,189 MB, in the same wall-clock time, the extra
 * marking running concurrently. The setting is the process's, for every thread and the rest
 * of its life: a `prm audit` process runs one audit. When the pass ends the audit also asks
 * for one full collection (`collectGarbageNow`).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

/**
 * A full garbage collection now. Between the pass and the findings becoming objects, the checks'
 * indexes (hundreds of megabytes of typed arrays at ten million records) are garbage, but V8
 * would free them only when the growing findings made it collect: both at once were the
 * audit's peak memory.
 */
export function collectGarbageNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
