// Vite's query imports and Leaflet's ES build, for TypeScript. One copy for the whole library:
// map widgets import through src/core/map instead of declaring these again.

declare module '*.css?inline' {
  const css: string;
  export default css;
}

declare module '*?url' {
  const url: string;
  export default url;
}

declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
