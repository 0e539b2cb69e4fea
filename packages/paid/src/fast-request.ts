/**
 * Hand-written readers of Paid's create request (wire.ts: PaidCreateOrderRequest and its parts), which
 * `fromProvider` reads when given a request, for the plainly valid case: each answers exactly what its zod
 * schema outputs, or undefined whenever unsure, and the caller then falls back to the schema, which owns
 * every error message. Paid's objects strip unknown keys: readers count only the known keys present and
 * copy only the fields the schema keeps.
 */
import { fastRead } from '@billbridge/core';
import {
  BILLING_TYPE_SET,
  CADENCE_SET,
  CHARGE_TYPE_SET,
  CREATE_LINE_KEYS,
  CREATE_REQUEST_KEYS,
  CREATION_STATE_SET,
  CREDIT_BENEFIT_KEYS,
  countPresent,
  DURATION_UNIT_SET,
  FREQUENCY_OVERRIDE_KEYS,
  FREQUENCY_SET,
  GRANT_TIMING_SET,
  jsonObject,
  LINE_ATTRIBUTE_KEYS,
  list,
  need,
  nonEmpty,
  num,
  orNull,
  PRICE_POINTS_KEYS,
  PRICING_KEYS,
  PRICING_MODEL_SET,
  RECIPIENT_SET,
  readString,
  SIGNAL_TYPE_SET,
  TIER_BILLING_TYPE_SET,
  TIER_KEYS,
  whole,
} from './fast-fields';
import type {
  PaidBillingFrequencyOverride,
  PaidCreateOrderLine,
  PaidCreateOrderRequest,
  PaidLineAttribute,
  PaidPricing,
  PaidTier,
} from './wire';

const { asPlainObject, bool, nested, oneOf, parsed, str } = fastRead;
type Output = fastRead.Output;

export function readPaidTier(value: unknown): PaidTier | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { flatAmount, index, lowerBound, number, tierBillingType, unitAmount, upperBound } = input;
  const used =
    num(flatAmount) +
    whole(index) +
    num(lowerBound) +
    num(number) +
    oneOf(tierBillingType, TIER_BILLING_TYPE_SET) +
    num(unitAmount) +
    num(upperBound);
  if (used !== countPresent(input, TIER_KEYS)) return undefined;
  const out: Output = {};
  if (flatAmount !== undefined) out.flatAmount = flatAmount;
  if (index !== undefined) out.index = index;
  if (lowerBound !== undefined) out.lowerBound = lowerBound;
  if (number !== undefined) out.number = number;
  if (tierBillingType !== undefined) out.tierBillingType = tierBillingType;
  if (unitAmount !== undefined) out.unitAmount = unitAmount;
  if (upperBound !== undefined) out.upperBound = upperBound;
  return out as PaidTier;
}

function readPricePoints(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { currency, unitPrice, minQuantity, includedQuantity } = input;
  const tiers = list(input.tiers, readPaidTier);
  const used =
    str(currency) + need(num(unitPrice)) + num(minQuantity) + num(includedQuantity) + parsed(tiers);
  if (used !== countPresent(input, PRICE_POINTS_KEYS)) return undefined;
  const out: Output = {};
  if (currency !== undefined) out.currency = currency;
  out.unitPrice = unitPrice;
  if (minQuantity !== undefined) out.minQuantity = minQuantity;
  if (includedQuantity !== undefined) out.includedQuantity = includedQuantity;
  if (tiers !== undefined) out.tiers = tiers;
  return out;
}

function readCreditBenefit(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const {
    id,
    creditsCurrencyId,
    recipient,
    amount,
    rolloverAmount,
    rolloverDuration,
    rolloverDurationUnit,
    allocationCadence,
    creditGrantTiming,
  } = input;
  const used =
    need(str(id)) +
    str(creditsCurrencyId) +
    oneOf(recipient, RECIPIENT_SET) +
    need(num(amount)) +
    num(rolloverAmount) +
    num(rolloverDuration) +
    oneOf(rolloverDurationUnit, DURATION_UNIT_SET) +
    oneOf(allocationCadence, CADENCE_SET) +
    oneOf(creditGrantTiming, GRANT_TIMING_SET);
  if (used !== countPresent(input, CREDIT_BENEFIT_KEYS)) return undefined;
  const out: Output = { id };
  if (creditsCurrencyId !== undefined) out.creditsCurrencyId = creditsCurrencyId;
  if (recipient !== undefined) out.recipient = recipient;
  out.amount = amount;
  if (rolloverAmount !== undefined) out.rolloverAmount = rolloverAmount;
  if (rolloverDuration !== undefined) out.rolloverDuration = rolloverDuration;
  if (rolloverDurationUnit !== undefined) out.rolloverDurationUnit = rolloverDurationUnit;
  if (allocationCadence !== undefined) out.allocationCadence = allocationCadence;
  if (creditGrantTiming !== undefined) out.creditGrantTiming = creditGrantTiming;
  return out;
}

export function readPaidPricing(value: unknown): PaidPricing | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const {
    eventName,
    chargeType,
    pricingModel,
    billingFrequency,
    billingFrequencyCustomMonths,
    billingType,
    signalType,
    creditsCurrencyId,
    creditCost,
    overageUnitPrice,
    creditRolloverAmount,
  } = input;
  const pricePoints = nested(input.pricePoints, readPricePoints);
  const creditBenefits = list(input.creditBenefits, readCreditBenefit);
  const used =
    str(eventName) +
    need(oneOf(chargeType, CHARGE_TYPE_SET)) +
    need(parsed(pricePoints)) +
    oneOf(pricingModel, PRICING_MODEL_SET) +
    oneOf(billingFrequency, FREQUENCY_SET) +
    whole(billingFrequencyCustomMonths, 1) +
    oneOf(billingType, BILLING_TYPE_SET) +
    oneOf(signalType, SIGNAL_TYPE_SET) +
    str(creditsCurrencyId) +
    num(creditCost) +
    num(overageUnitPrice) +
    num(creditRolloverAmount) +
    parsed(creditBenefits);
  if (used !== countPresent(input, PRICING_KEYS)) return undefined;
  const out: Output = {};
  if (eventName !== undefined) out.eventName = eventName;
  out.chargeType = chargeType;
  out.pricePoints = pricePoints;
  if (pricingModel !== undefined) out.pricingModel = pricingModel;
  if (billingFrequency !== undefined) out.billingFrequency = billingFrequency;
  if (billingFrequencyCustomMonths !== undefined)
    out.billingFrequencyCustomMonths = billingFrequencyCustomMonths;
  if (billingType !== undefined) out.billingType = billingType;
  if (signalType !== undefined) out.signalType = signalType;
  if (creditsCurrencyId !== undefined) out.creditsCurrencyId = creditsCurrencyId;
  if (creditCost !== undefined) out.creditCost = creditCost;
  if (overageUnitPrice !== undefined) out.overageUnitPrice = overageUnitPrice;
  if (creditRolloverAmount !== undefined) out.creditRolloverAmount = creditRolloverAmount;
  if (creditBenefits !== undefined) out.creditBenefits = creditBenefits;
  return out as PaidPricing;
}

export function readPaidLineAttribute(value: unknown): PaidLineAttribute | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { name, quantity } = input;
  const pricing = nested(input.pricing, readPaidPricing);
  const used = need(str(name)) + num(quantity) + need(parsed(pricing));
  if (used !== countPresent(input, LINE_ATTRIBUTE_KEYS)) return undefined;
  const out: Output = { name };
  if (quantity !== undefined) out.quantity = quantity;
  out.pricing = pricing;
  return out as PaidLineAttribute;
}

export function readPaidCreateOrderLine(value: unknown): PaidCreateOrderLine | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { productId, name, description, startDate, endDate } = input;
  const attributes = list(input.attributes, readPaidLineAttribute);
  const used =
    need(nonEmpty(productId)) +
    str(name) +
    str(description) +
    str(startDate) +
    str(endDate) +
    parsed(attributes);
  if (used !== countPresent(input, CREATE_LINE_KEYS)) return undefined;
  const out: Output = { productId };
  if (name !== undefined) out.name = name;
  if (description !== undefined) out.description = description;
  if (startDate !== undefined) out.startDate = startDate;
  if (endDate !== undefined) out.endDate = endDate;
  if (attributes !== undefined) out.attributes = attributes;
  return out as PaidCreateOrderLine;
}

export function readPaidFrequencyOverride(value: unknown): PaidBillingFrequencyOverride | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { frequency, customMonths } = input;
  const used = need(oneOf(frequency, FREQUENCY_SET)) + orNull(customMonths, positiveInt);
  if (used !== countPresent(input, FREQUENCY_OVERRIDE_KEYS)) return undefined;
  const out: Output = { frequency };
  if (customMonths !== undefined) out.customMonths = customMonths;
  return out as PaidBillingFrequencyOverride;
}

function positiveInt(value: unknown): number {
  return whole(value, 1);
}

/** `POST /orders/` body (PaidCreateOrderRequest). */
export function readPaidCreateOrderRequest(value: unknown): PaidCreateOrderRequest | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const {
    customerId,
    billingCustomerId,
    name,
    startDate,
    endDate,
    subscriptionTerms,
    creationState,
    billingAnchor,
    paymentTerms,
    externalId,
    metadata,
    currency,
    autoPostInvoices,
    autoSendBillingEmails,
    autoSendPaymentEmails,
    purchaseOrderReference,
  } = input;
  const billingContactIds = list(input.billingContactIds, readString);
  const lines = list(input.lines, readPaidCreateOrderLine);
  const override = nested(input.billingFrequencyOverride, readPaidFrequencyOverride);
  const used =
    need(nonEmpty(customerId)) +
    str(billingCustomerId) +
    parsed(billingContactIds) +
    str(name) +
    str(startDate) +
    str(endDate) +
    whole(subscriptionTerms) +
    oneOf(creationState, CREATION_STATE_SET) +
    whole(billingAnchor, 1, 31) +
    str(paymentTerms) +
    str(externalId) +
    jsonObject(metadata) +
    str(currency) +
    bool(autoPostInvoices) +
    bool(autoSendBillingEmails) +
    bool(autoSendPaymentEmails) +
    parsed(lines) +
    parsed(override) +
    orNull(purchaseOrderReference, str);
  if (used !== countPresent(input, CREATE_REQUEST_KEYS)) return undefined;
  const out: Output = { customerId };
  if (billingCustomerId !== undefined) out.billingCustomerId = billingCustomerId;
  if (billingContactIds !== undefined) out.billingContactIds = billingContactIds;
  if (name !== undefined) out.name = name;
  if (startDate !== undefined) out.startDate = startDate;
  if (endDate !== undefined) out.endDate = endDate;
  if (subscriptionTerms !== undefined) out.subscriptionTerms = subscriptionTerms;
  if (creationState !== undefined) out.creationState = creationState;
  if (billingAnchor !== undefined) out.billingAnchor = billingAnchor;
  if (paymentTerms !== undefined) out.paymentTerms = paymentTerms;
  if (externalId !== undefined) out.externalId = externalId;
  if (metadata !== undefined) out.metadata = metadata;
  if (currency !== undefined) out.currency = currency;
  if (autoPostInvoices !== undefined) out.autoPostInvoices = autoPostInvoices;
  if (autoSendBillingEmails !== undefined) out.autoSendBillingEmails = autoSendBillingEmails;
  if (autoSendPaymentEmails !== undefined) out.autoSendPaymentEmails = autoSendPaymentEmails;
  if (lines !== undefined) out.lines = lines;
  if (override !== undefined) out.billingFrequencyOverride = override;
  if (purchaseOrderReference !== undefined) out.purchaseOrderReference = purchaseOrderReference;
  return out as PaidCreateOrderRequest;
}
