/**
 * Whop's amount convention, declared once: decimal major units written as JSON numbers (`10.5` is
 * $10.50), rounded to ISO 4217's digits per currency (`@whop/sdk` 0.0.42 types `initial_price`,
 * `unit_price` and `total` as `number`; CONTRACT.md W7). Every conversion in this package goes through it.
 */
import { majorUnits } from '@billbridge/core';

export const WHOP_AMOUNTS = majorUnits({ encoding: 'number' });
