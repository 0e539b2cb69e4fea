/**
 * Flowglad's webhook bodies are references (`{ id, object }`), so normalising one needs reads: the
 * payment (`GET /api/v1/payments/{id}`, which @flowglad/node 0.29.0 types as `{ payment }`) for its
 * status and `invoiceId`, then the invoice through the billbridge client.
 */
import { WebhookPayloadError } from '@billbridge/core';
import {
  createFlowgladClient,
  type FlowgladClientConfig,
  type FlowgladResult,
  flowgladTransport,
} from './client';

export interface FlowgladPayment {
  id: string;
  status: string;
  invoiceId: string | null;
  livemode?: boolean;
  chargeDate?: number;
  [field: string]: unknown;
}

export interface FlowgladWebhookResolver {
  payment(id: string): Promise<FlowgladPayment>;
  invoice(id: string): Promise<FlowgladResult>;
}

export function createFlowgladResolver(config: FlowgladClientConfig): FlowgladWebhookResolver {
  const client = createFlowgladClient(config);
  const transport = flowgladTransport(config);
  return {
    async payment(id) {
      const response = await transport.request({
        method: 'GET',
        path: `/api/v1/payments/${encodeURIComponent(id)}`,
        operation: 'read',
      });
      const body = response.body as { payment?: FlowgladPayment } | undefined;
      if (!body?.payment || typeof body.payment.id !== 'string') {
        throw new WebhookPayloadError(
          'flowglad',
          'payment',
          `GET /api/v1/payments/${id} answered without a payment`,
        );
      }
      return body.payment;
    },
    invoice: (id) => client.get(id),
  };
}
