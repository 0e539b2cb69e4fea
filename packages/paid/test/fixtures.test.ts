import { MissingRequiredFieldError, type Order } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { fromProvider } from '../src/from-provider';
import { toCreateRequest } from '../src/to-provider';
import { PaidCreateOrderRequest, PaidErrorResponse, PaidOrder, PaidOrderLinesResponse } from '../src/wire';
import minimalRequest from './fixtures/create-order-minimal.json';
import createRequest from './fixtures/create-order-request.json';
import errorResponse from './fixtures/error-response.json';
import linesResponse from './fixtures/order-lines-response.json';
import orderResponse from './fixtures/order-response.json';

describe('documented examples', () => {
  it('parse with the wire schemas', () => {
    expect(PaidCreateOrderRequest.safeParse(createRequest).success).toBe(true);
    expect(PaidCreateOrderRequest.safeParse(minimalRequest).success).toBe(true);
    expect(PaidOrder.safeParse(orderResponse).success).toBe(true);
    expect(PaidOrderLinesResponse.safeParse(linesResponse).success).toBe(true);
    expect(PaidErrorResponse.safeParse(errorResponse).success).toBe(true);
  });

  it('maps the SDK example request to a canonical order, and back to the same request', () => {
    const { value, warnings } = fromProvider(createRequest);
    expect(warnings).toEqual([]);
    expect(value).toEqual({
      currency: 'USD',
      customer: { id: 'cus_abc123' },
      name: 'Pro plan',
      status: 'draft',
      startAt: '2025-01-01T00:00:00.000Z',
      billingFrequency: { interval: 'month', count: 4 },
      lines: [
        {
          product: { id: 'prod-id' },
          charges: [
            {
              name: 'Platform fee',
              type: 'recurring',
              quantity: 1,
              unitAmount: 9900,
              pricingModel: 'per_unit',
              recurrence: { interval: 'month', count: 1 },
              billingTiming: 'advance',
            },
          ],
        },
      ],
    });
    const again = toCreateRequest(value as Order);
    expect(again.warnings).toEqual([]);
    expect(again.request).toEqual({ ...createRequest, startDate: '2025-01-01T00:00:00.000Z' });
  });

  it('maps the docs response example, given the currency Paid does not return', () => {
    // The docs' `1.1` amounts are generator placeholders: 1.1 cents is not a whole minor unit, so each is
    // read as 1 cent and reported; the currency, absent from Paid's order, is reported as assumed.
    const { value, warnings } = fromProvider(orderResponse, { currency: 'USD' });
    expect(value).toMatchObject({
      id: 'string',
      provider: 'paid',
      number: '1.1',
      total: 1,
      name: 'string',
      status: 'draft',
      customer: { id: 'string' },
      billingCustomer: { id: 'string' },
      startAt: '2024-01-15T09:30:00.000Z',
      endAt: '2024-01-15T09:30:00.000Z',
      termCount: 1,
      paymentTerms: { name: 'string' },
      purchaseOrder: 'string',
      billingFrequency: { interval: 'month', count: 1 },
      autoPostInvoices: true,
      lines: [],
      providerOptions: {
        paid: { billingContactIds: ['string'], amounts: { orderAmount: 1, billedTax: 1 }, version: 1 },
      },
    });
    expect(warnings[0]).toMatchObject({ code: 'defaulted', path: 'currency' });
    expect(warnings[0]?.message).toMatch(/USD was assumed/);
    expect(warnings.slice(1).map((w) => `${w.code} ${w.path}`)).toEqual([
      'approximated total',
      ...[
        'orderAmount',
        'billedAmountNoTax',
        'billedTax',
        'estimatedTax',
        'pendingBillingAmount',
        'totalBilledAmount',
      ].map((key) => `approximated providerOptions.paid.amounts.${key}`),
    ]);
  });

  it('refuses to guess the currency of a response, and says how to supply it', () => {
    expect(() => fromProvider(orderResponse)).toThrow(MissingRequiredFieldError);
    expect(() => fromProvider(orderResponse)).toThrow(
      /Paid order string carries no currency .*Pass the order's currency/,
    );
    try {
      fromProvider(orderResponse);
    } catch (error) {
      expect(error).toMatchObject({ path: 'currency', option: 'currency' });
    }
  });

  it('joins a response with its read-model lines, saying the pricing is absent', () => {
    const { value, warnings } = fromProvider(
      { ...orderResponse, lines: linesResponse.data },
      { currency: 'USD' },
    );
    expect((value as Order).lines).toEqual([
      {
        product: { id: 'prod-id' },
        name: 'Platform fee',
        startAt: '2024-01-15T09:30:00.000Z',
        charges: [{ name: 'Platform fee', type: 'one_time' }],
      },
    ]);
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'defaulted', path: 'lines[0].charges' }));
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'defaulted', path: 'currency' }));
  });

  it('reads the minimal docs request', () => {
    expect(fromProvider(minimalRequest, { currency: 'EUR' }).value).toEqual({
      currency: 'EUR',
      customer: { id: 'string' },
      lines: [],
    });
  });

  it('reads an overage price in minor units too, and says it is not kept', () => {
    const request = structuredClone(createRequest) as typeof createRequest & Record<string, unknown>;
    const pricing = request.lines[0]!.attributes[0]!.pricing as Record<string, unknown>;
    pricing.overageUnitPrice = 0.5;
    const { warnings } = fromProvider(request);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'unsupported',
        path: 'lines[0].charges[0].overageUnitPrice',
        message: expect.stringContaining('0.5 minor units of USD per unit'),
      }),
    ]);
  });
});
