// Root-absolute on purpose: the library build keeps every bare `leaflet/…` import external for
// bundler users, and a bare `leaflet/…?inline` would leave a Vite-only import in dist. This path
// is read at build time (Vite, Storybook, the test runner's plugin) and inlined as text.
import leafletCss from 'leaflet/dist/leaflet.css?inline';

/**
 * Leaflet's own CSS plus the fixes a civic map needs, as text. A `<link>` in the page does not
 * reach a shadow root, so a widget either lists `unsafeCSS(leafletCssText)` in its `static styles`
 * (when it always shows a map) or lets `createMap({ root })` adopt it when the map first opens
 * (when the map is optional). Plain text, not a Lit `css` result, so the map chunk needs nothing
 * from the bundle that loaded it: the one-file build's map chunk is self-contained. Importing this module pulls ~15 kB of CSS into the importer's chunk:
 * widgets whose map is optional must reach it only through `loadMapKit()`.
 *
 * Fixes: attribution links underlined on an opaque background (axe: link-in-text-block and
 * contrast over tiles), the house focus ring on the map and its controls, the host page's font,
 * and system colours in forced-colors mode.
 */
export const leafletCssText: string = `${leafletCss}

  .leaflet-container {
    font: inherit;
    font-size: var(--_civic-font-size-s, 0.875rem);
  }

  .leaflet-container .leaflet-control-attribution {
    background: var(--_civic-surface, #ffffff);
    color: var(--_civic-on-surface, #0b0c0c);
    font-size: 0.75rem;
    line-height: 1.4;
  }

  .leaflet-container .leaflet-control-attribution a {
    color: var(--_civic-primary, #005ea2);
    text-decoration: underline;
  }

  .leaflet-container:focus-visible,
  .leaflet-container a:focus-visible {
    outline: var(--_civic-focus-width, 3px) solid var(--_civic-focus, #ffdd00);
    outline-offset: 0;
    box-shadow: inset 0 0 0 3px var(--_civic-focus-text, #0b0c0c);
  }

  .leaflet-container .leaflet-bar a {
    color: var(--_civic-on-surface, #0b0c0c);
  }

  @media (forced-colors: active) {
    .leaflet-container .leaflet-control-attribution,
    .leaflet-container .leaflet-bar a {
      background: Canvas;
      color: CanvasText;
      border-color: CanvasText;
    }
    .leaflet-container .leaflet-control-attribution a {
      color: LinkText;
    }
  }
`;
