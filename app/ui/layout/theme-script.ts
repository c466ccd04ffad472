/** Where the reader's choice of theme is kept in the browser. */
export const THEME_KEY = 'survey-lens:theme';

export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

/**
 * Runs in <head> before the page paints: the stored choice onto <html data-theme>. Plain
 * statements, no eval; "system" (or no choice, or no storage) leaves the colours to
 * prefers-color-scheme. Keep it in step with readThemeChoice below.
 */
export const THEME_SCRIPT = `(function(){var t='system';try{var s=localStorage.getItem('${THEME_KEY}');if(s==='light'||s==='dark')t=s}catch(e){}document.documentElement.setAttribute('data-theme',t)})()`;

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}
