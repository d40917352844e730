import type { ProtocolMap } from '../../utils/messaging';

/**
 * The few messages the small portal content script sends and answers, in the wire format of
 * @webext-core/messaging (utils/messaging.ts): a request is `{ id, type, data, timestamp }`, an answer
 * `{ res }`. Written out here so the script that runs in every portal frame does not carry the
 * library and its error serialiser; tests/unit/entrypoints/portal-content/wire.test.ts checks it
 * against the library both ways. Handlers here never throw: they answer with a refusal instead.
 */

type Type = keyof ProtocolMap;
type Data<T extends Type> = Parameters<ProtocolMap[T]>[0];
type Reply<T extends Type> = ReturnType<ProtocolMap[T]>;

interface Runtime {
  sendMessage(message: unknown, callback: (response: unknown) => void): void;
  lastError?: unknown;
  onMessage: {
    addListener(listener: RuntimeListener): void;
    removeListener(listener: RuntimeListener): void;
  };
}
type RuntimeListener = (
  message: unknown,
  sender: { id?: string },
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

const runtime = (): Runtime => (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;

let seq = Math.floor(Math.random() * 1e4);

/** Sends a message to the background and resolves with its answer. */
export function sendWire<T extends Type>(type: T, data: Data<T>): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    runtime().sendMessage({ id: seq++, type, data, timestamp: Date.now() }, (response) => {
      const failed = runtime().lastError;
      const answer = response as { res?: Reply<T>; err?: { message?: string } } | undefined;
      if (failed || !answer) reject(new Error('no answer from the background'));
      else if (answer.err) reject(new Error(answer.err.message ?? 'the background refused'));
      else resolve(answer.res as Reply<T>);
    });
  });
}

/** Answers messages of the given types; other types are left to other listeners. Returns a remover. */
export function onWire(
  handlers: { [T in Type]?: (message: { data: Data<T>; sender: { id?: string } }) => Promise<Reply<T>> },
): () => void {
  const listener: RuntimeListener = (message, sender, sendResponse) => {
    const m = message as { type?: unknown; timestamp?: unknown; data?: unknown } | null;
    if (typeof m !== 'object' || m === null || typeof m.type !== 'string' || typeof m.timestamp !== 'number')
      return undefined;
    const handle = handlers[m.type as Type] as
      | ((message: { data: unknown; sender: { id?: string } }) => Promise<unknown>)
      | undefined;
    if (!handle) return undefined;
    handle({ data: m.data, sender }).then((res) => sendResponse({ res }));
    return true;
  };
  runtime().onMessage.addListener(listener);
  return () => runtime().onMessage.removeListener(listener);
}
