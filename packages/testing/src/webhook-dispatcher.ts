/**
 * Sends a fake's webhook messages to a receiver the way the provider does: signed per attempt, retried
 * on the provider's schedule (scaled for tests), with injectable delays, duplicates, out-of-order
 * delivery and bad signatures.
 */
import type {
  FakeWebhookControl,
  FakeWebhookMessage,
  FakeWebhookOptions,
  FakeWebhooks,
  WebhookAttempt,
  WebhookFaultKind,
} from './webhook-types';

export class WebhookDispatcher<S> implements FakeWebhookControl {
  readonly attempts: WebhookAttempt[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private held: Array<() => void> = [];
  private script: Array<WebhookFaultKind | null>;
  private closed = false;

  constructor(
    private readonly definition: FakeWebhooks<S>,
    private readonly options: FakeWebhookOptions,
    private readonly state: S,
  ) {
    this.script = [...(options.faults?.script ?? [])];
  }

  emit(messages: FakeWebhookMessage[]): void {
    for (const message of messages) {
      const fault = this.script.length > 0 ? (this.script.shift() ?? null) : null;
      if (fault === 'out_of_order') {
        // Held until the next message has gone out, so the receiver sees the later one first.
        this.held.push(() => this.track(this.deliver(message, 'out_of_order')));
        continue;
      }
      this.track(this.deliver(message, fault ?? undefined));
      const released = this.held;
      this.held = [];
      for (const release of released) release();
    }
  }

  markPaid(id: string): boolean {
    const messages = this.definition.markPaid?.(id, this.state);
    if (!messages) return false;
    this.emit(messages);
    return true;
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.held.length > 0) {
      const released = this.held;
      this.held = [];
      for (const release of released) release();
      await Promise.allSettled([...this.pending]);
    }
  }

  close(): void {
    this.closed = true;
    this.held = [];
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise);
    promise.finally(() => this.pending.delete(promise)).catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async deliver(message: FakeWebhookMessage, fault: WebhookFaultKind | undefined): Promise<void> {
    const body = this.definition.encode
      ? this.definition.encode(message, this.options.secret)
      : JSON.stringify(message.payload);
    if (fault === 'delay') await this.sleep(this.options.faults?.delayMs ?? 200);
    const schedule = [0, ...this.definition.retryDelaysMs];
    const scale = this.options.retryScale ?? 1;
    for (let index = 0; index < schedule.length; index++) {
      if (index > 0) await this.sleep(schedule[index]! * scale);
      if (this.closed) return;
      // A bad signature spoils the first attempt only; the provider's retry carries a good one.
      const attemptFault = fault === 'bad_signature' && index > 0 ? undefined : fault;
      const ok = await this.attempt(message, body, index + 1, attemptFault);
      if (ok) {
        if (fault === 'duplicate') await this.attempt(message, body, index + 2, 'duplicate');
        return;
      }
    }
  }

  private async attempt(
    message: FakeWebhookMessage,
    body: string,
    attempt: number,
    fault: WebhookFaultKind | undefined,
  ): Promise<boolean> {
    const now = (this.options.now ?? (() => new Date()))();
    const headers = this.definition.sign({
      message,
      body,
      secret: this.options.secret,
      attempt,
      now,
      ...(this.options.reading !== undefined && { reading: this.options.reading }),
    });
    if (fault === 'bad_signature') {
      const name = this.definition.signatureHeader;
      headers[name] = corruptSignature(headers[name] ?? '');
    }
    const record: WebhookAttempt = {
      messageId: message.id,
      type: message.type,
      attempt,
      delivered: false,
      ...(fault && { fault }),
    };
    this.attempts.push(record);
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      record.status = response.status;
      const delivered = this.definition.delivered ?? ((status: number) => status >= 200 && status < 300);
      record.delivered = delivered(response.status);
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    return record.delivered;
  }
}

/**
 * Changes the first character of the value's trailing signature run (a first base64 character carries
 * real bits, unlike the last one before padding), so it keeps its shape and loses its meaning.
 */
function corruptSignature(value: string): string {
  const match = /([A-Za-z0-9+/_-]{8,})=*$/.exec(value);
  if (!match) return `${value}x`;
  const at = match.index;
  const flipped = value[at] === 'A' ? 'B' : 'A';
  return `${value.slice(0, at)}${flipped}${value.slice(at + 1)}`;
}
