/**
 * The panel's colour theme. DevTools tells extension panels its theme through `devtools.panels.themeName`
 * (Chrome: 'default' or 'dark'; Firefox: 'light' or 'dark'); a panel opened as a page follows the system (prefers-color-scheme) unless `?theme=` says
 * otherwise. The choice lands on `<html data-theme>`, which the CSS reads alongside the media query.
 */

/** A theme to force, or undefined to follow the system. */
export type Theme = 'light' | 'dark' | undefined;

/** The theme from `?theme=light|dark`, else from the DevTools theme name ('dark' → dark, 'default' and 'light' → light). */
export function chooseTheme(search: string, devtoolsThemeName: unknown): Theme {
  const param = new URLSearchParams(search).get('theme');
  if (param === 'light' || param === 'dark') return param;
  if (devtoolsThemeName === 'dark') return 'dark';
  if (devtoolsThemeName === 'default' || devtoolsThemeName === 'light') return 'light';
  return undefined;
}

/** Sets or removes `data-theme` on the root element. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}

/** The part of `window.matchMedia` {@link followTheme} uses. */
export type MatchMedia = (query: string) => { matches: boolean; addEventListener(type: 'change', listener: () => void): void };

/**
 * Applies `theme`, or, when it is undefined, the system's colour scheme, kept up to date when the system changes.
 * Does nothing else.
 */
export function followTheme(root: HTMLElement, theme: Theme, matchMedia: MatchMedia): void {
  if (theme) {
    applyTheme(root, theme);
    return;
  }
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const apply = () => applyTheme(root, dark.matches ? 'dark' : 'light');
  apply();
  dark.addEventListener('change', apply);
}
