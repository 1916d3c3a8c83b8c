/**
 * What `lit` is to the widgets built without Lit in the autoloader's build (scripts/build.mjs,
 * the Lit-free world: the alert banner, the service list): only `css`, as plain text. A page
 * with only those widgets never loads Lit; they read the theme's and their own rules as
 * `cssText`, which Lit's `css` gives too (tests, bundler users). Any other import of `lit` in
 * that world fails that build.
 */
export interface CssText {
  readonly cssText: string;
}

export const css = (strings: TemplateStringsArray, ...values: Array<CssText | number>): CssText => ({
  cssText: strings.reduce((text, part, i) => {
    const value = values[i - 1]!;
    return text + (typeof value === 'number' ? value : value.cssText) + part;
  }),
});
