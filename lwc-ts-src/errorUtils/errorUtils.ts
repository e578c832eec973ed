/**
 * Turns whatever an Apex call, a wire or Lightning Data Service rejects with into the
 * sentences a user can act on. The server's own messages win (a validation rule or an Apex
 * refusal says what to fix); anything else — a network failure without a body, a client-side
 * exception meant for developers — shows the component's fallback sentence instead.
 */

interface MessageItem {
  message?: unknown;
}

/** The body of a failed Apex call or UI API request, as far as messages go. */
interface ErrorBody extends MessageItem {
  pageErrors?: MessageItem[];
  fieldErrors?: Record<string, MessageItem[]>;
  output?: {
    errors?: MessageItem[];
    fieldErrors?: Record<string, MessageItem[]>;
  };
}

function textsOf(items: readonly MessageItem[] | undefined): string[] {
  return (items ?? []).map((item) => item?.message).filter((message): message is string => typeof message === 'string');
}

function fieldTexts(fields: Record<string, MessageItem[]> | undefined): string[] {
  return Object.values(fields ?? {}).flatMap((items) => textsOf(items));
}

/** The most specific messages one error carries, from the most detailed part of its body. */
function messagesOfOne(error: unknown): string[] {
  const payload = (error as { body?: unknown } | null | undefined)?.body;
  if (Array.isArray(payload)) {
    // UI API reads answer with a list of errors.
    return textsOf(payload as MessageItem[]);
  }
  if (typeof payload !== 'object' || payload === null) {
    return [];
  }
  const detail = payload as ErrorBody;
  // DML failures name the record or field at fault; the top-level message is generic then.
  const candidates = [
    textsOf(detail.pageErrors),
    fieldTexts(detail.fieldErrors),
    textsOf(detail.output?.errors),
    fieldTexts(detail.output?.fieldErrors),
  ];
  const specific = candidates.find((messages) => messages.length > 0);
  if (specific) {
    return specific;
  }
  return typeof detail.message === 'string' ? [detail.message] : [];
}

/** Every message the server gave for one error or a list of them, blank ones and repeats left out. */
export function serverMessages(error: unknown): string[] {
  const errors: unknown[] = Array.isArray(error) ? error : [error];
  const messages = errors.flatMap((one) => messagesOfOne(one)).map((message) => message.trim());
  return [...new Set(messages.filter((message) => message.length > 0))];
}

/** The server's messages as one sentence, or `fallback` when the server said nothing usable. */
export function errorMessage(error: unknown, fallback: string): string {
  const messages = serverMessages(error);
  return messages.length > 0 ? messages.join(' ') : fallback;
}
