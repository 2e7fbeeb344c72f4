/** Badge styles, inside the shadow root so the console's CSS and ours never meet. */
export const BADGE_CSS = `
:host { all: initial; display: block; max-width: 100%; margin: 4px 0; }
/* Wraps inside narrow console columns instead of spilling over the review text. */
.b { all: initial; box-sizing: border-box; display: inline-flex; flex-wrap: wrap; gap: 2px 4px; align-items: center; max-width: 100%;
  cursor: pointer; font: 12px/18px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  border-radius: 8px; padding: 2px 6px; border: 1px solid; }
.b > span { white-space: nowrap; }
.b:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
.negative { color: #a8071a; background: #fff1f0; border-color: #ffa39e; }
.neutral { color: #ad4e00; background: #fff7e6; border-color: #ffd591; }
.s { font-weight: 600; }
.st { padding: 0 4px; border-radius: 6px; background: rgba(0,0,0,.06); }
.unopened .st { background: #cf1322; color: #fff; }
.a, .d { color: #595959; }
.o { padding: 0 4px; border-radius: 6px; background: #cf1322; color: #fff; font-weight: 600; }
.d:empty, .a:empty, .o:empty { display: none; }
`;
