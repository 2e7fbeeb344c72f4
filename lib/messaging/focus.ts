/** Session-storage key of the case a badge click asked the side panel to show. */
export const FOCUS_KEY = 'focusCase';

/** How long a badge click stays the panel's focus (the panel may take a moment to open). */
export const FOCUS_FRESH_MS = 30_000;
