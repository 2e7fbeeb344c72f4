import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeFakeBrowserChromeLike } from './fake-browser-chrome';

// Tests assert what the agent sees, not how fast: findBy*/waitFor wait up to 10 s (Testing Library's default is
// 1 s), which a correct test on a busy 2-core machine meets; a wrong one still fails, only later.
configure({ asyncUtilTimeout: 10_000 });

makeFakeBrowserChromeLike();

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
