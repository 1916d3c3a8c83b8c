/**
 * What `lit` is to the banner in the autoloader's build (scripts/build.mjs, the banner's world):
 * only `css`, as plain text. The banner is built without Lit, so a page with only the banner
 * never loads it; it reads the theme's and its own rules as `cssText`, which Lit's `css` gives
 * too (tests, bundler users). Any other import of `lit` in the banner's world fails that build.
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
