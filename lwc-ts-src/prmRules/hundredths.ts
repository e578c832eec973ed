/**
 * Exact money arithmetic in integer hundredths for the tiers and onboarding rules, so
 * TypeScript rounds exactly as Apex does with `Decimal` (half up, away from zero).
 */

/**
 * Converts an amount to integer hundredths, rounding half up (away from zero), the same
 * as Apex `setScale(2, RoundingMode.HALF_UP)`. `toFixed(6)` removes binary-float noise
 * first (1.005 * 100 is 100.49999999999999 in binary).
 */
export function toHundredths(amount: number): number {
  const sign = amount < 0 ? -1 : 1;
  const hundredths = Math.round(Number((Math.abs(amount) * 100).toFixed(6)));
  return hundredths === 0 ? 0 : sign * hundredths;
}

/** Converts integer hundredths back to an amount with at most 2 decimals. */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/**
 * Exact `numerator / denominator` rounded half up, for non-negative safe integers and a
 * positive denominator: the same as Apex `Decimal.divide(d, 0, RoundingMode.HALF_UP)`.
 * The float quotient is only a first guess, corrected with exact integer products.
 */
export function divideHalfUp(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  while (quotient * denominator > numerator) {
    quotient--;
  }
  while ((quotient + 1) * denominator <= numerator) {
    quotient++;
  }
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}
