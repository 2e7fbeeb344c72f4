/** Badge styles, inside the shadow root so the console's CSS and ours never meet. */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; margin: 4px 0; vertical-align: middle; }
.b { all: initial; display: inline-flex; gap: 4px; align-items: center; cursor: pointer; font: 12px/18px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  border-radius: 10px; padding: 1px 8px; border: 1px solid; white-space: nowrap; }
.b:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
.negative { color: #a8071a; background: #fff1f0; border-color: #ffa39e; }
.neutral { color: #ad4e00; background: #fff7e6; border-color: #ffd591; }
.s { font-weight: 600; }
.st { padding: 0 4px; border-radius: 6px; background: rgba(0,0,0,.06); }
.unopened .st { background: #cf1322; color: #fff; }
.a, .d { color: #595959; }
.d:empty, .a:empty { display: none; }
`;
