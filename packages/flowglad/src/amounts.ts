/**
 * Flowglad's amount convention, declared once: Stripe-style minor units over Flowglad's own zero-decimal
 * list (`zeroDecimalCurrencies` in its `src/utils/stripe.ts`, CONTRACT.md F10): the currencies on the
 * list count whole units, every other one hundredths, whatever ISO 4217 says.
 */
import { stripeMinorUnits } from '@billbridge/core';
import { FLOWGLAD_ZERO_DECIMAL } from './enums';

export const FLOWGLAD_AMOUNTS = stripeMinorUnits(FLOWGLAD_ZERO_DECIMAL, 'Flowglad');
