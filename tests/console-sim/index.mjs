// Public entry of the console simulator (see README.md).
export { installConsole, CONSOLE_URLS } from './install.mjs';
export { buildConsoleData, pageTruth, DEFAULT_SEED } from './dataset.mjs';
export { XSS_TEXT } from './qianniu-data.mjs';
export { LEGACY_XSS_TEXT } from './legacy-data.mjs';
export { SERVED_HOSTS } from './routes.mjs';
export { isImageHost } from './placeholder.mjs';
