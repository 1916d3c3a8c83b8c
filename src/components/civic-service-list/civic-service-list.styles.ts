import { css } from 'lit';

export const serviceListStyles = css`
  :host {
    display: block;
    --civic-service-list-gap: var(--_civic-space-m);
    --civic-service-list-columns: var(--civic-service-list-column-width, 16rem);
  }
  .title {
    font-size: var(--civic-font-size-l, 1.375rem);
    margin-block: 0 var(--_civic-space-s);
  }
  .count {
    color: var(--_civic-muted);
    margin-block: 0 var(--civic-service-list-gap);
  }
  .group + .group {
    margin-block-start: var(--civic-service-list-gap);
  }
  .group-title {
    font-size: var(--civic-font-size-m, 1.125rem);
    margin-block: 0 var(--_civic-space-s);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_civic-space-s) var(--civic-service-list-gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--civic-service-list-columns)), 1fr));
  }
  li {
    border-inline-start: 4px solid var(--_civic-primary);
    padding-inline-start: var(--_civic-space-s);
  }
  .name {
    font-weight: 700;
  }
  .description {
    margin: var(--_civic-space-xs) 0 0;
    color: var(--_civic-muted);
  }
`;
