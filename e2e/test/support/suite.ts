import { afterAll, beforeAll } from 'vitest';
import { type Browser, openBrowser } from './browser';
import { type Stack, startStack } from './stack';

/**
 * The set-up most browser suites share: before them, the stack (API and web app as processes)
 * is started and a browser opened, and handed to `ready`; after them, the browser is closed and
 * the stack stopped. (A suite's own afterAll, registered after this, runs before it.)
 */
export function withStackAndBrowser(ready: (stack: Stack, browser: Browser) => void | Promise<void>, options: Parameters<typeof startStack>[0] = {}): void {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack(options);
    browser = await openBrowser();
    await ready(stack, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
}
