/** Session-storage key of the case a badge click asked the side panel to show. */
export const FOCUS_KEY = 'focusCase';
