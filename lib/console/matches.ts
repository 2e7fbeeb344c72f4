/** The console hosts the content scripts run on; which pages are read is decided by pages.ts. */
export const CONSOLE_MATCHES = [
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://rate.taobao.com/*',
  'https://seller-rate.tmall.com/*',
];
