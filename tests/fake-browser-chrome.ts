import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Makes WXT's fake browser answer as Chrome does, whichever @webext-core/fake-browser the installed wxt brings.
 * The extension is written against Chrome: a message listener answers through `sendResponse` after returning
 * `true`, and `alarms.getAll()` hands out a fresh array. fake-browser 2.x (wxt 0.21) does both; 1.x (wxt 0.20,
 * the line that supports Node 20) returns the listeners' return values instead, so every request would get
 * `true` for an answer, and hands out its live alarm list, so clearing alarms while walking it skips some.
 */
export function makeFakeBrowserChromeLike(): void {
  const { runtime, alarms } = fakeBrowser;
  const onMessage = runtime.onMessage as unknown as {
    hasListeners(): boolean;
    trigger(message: unknown, sender: object, sendResponse: (reply: unknown) => void): Promise<unknown[]>;
  };
  const sendMessage = async (message: unknown): Promise<unknown> => {
    if (!onMessage.hasListeners()) throw new Error('Could not establish connection. Receiving end does not exist.');
    let sendResponse: (reply: unknown) => void = () => undefined;
    const reply = new Promise<unknown>((resolve) => (sendResponse = resolve));
    const returned = await onMessage.trigger(message, {}, sendResponse);
    return returned.some((r) => r === true) ? await reply : undefined;
  };
  runtime.sendMessage = sendMessage as unknown as typeof runtime.sendMessage;

  const liveGetAll = alarms.getAll.bind(alarms) as () => Promise<unknown[]>;
  alarms.getAll = (async () => [...(await liveGetAll())]) as unknown as typeof alarms.getAll;
}
