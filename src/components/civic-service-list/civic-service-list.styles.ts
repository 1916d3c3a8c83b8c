import { css } from 'lit';

export const serviceListStyles = css`
  :host {
    display: block;
    --civic-service-list-gap: var(--civic-space-m, 1rem);
    --civic-service-list-columns: var(--civic-service-list-column-width, 16rem);
  }
  .title {
    font-size: var(--civic-font-size-l, 1.375rem);
    margin-block: 0 var(--civic-space-s, 0.5rem);
  }
  .count {
    color: var(--civic-color-muted, #505a5f);
    margin-block: 0 var(--civic-service-list-gap);
  }
  .group + .group {
    margin-block-start: var(--civic-service-list-gap);
  }
  .group-title {
    font-size: var(--civic-font-size-m, 1.125rem);
    margin-block: 0 var(--civic-space-s, 0.5rem);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--civic-space-s, 0.5rem) var(--civic-service-list-gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--civic-service-list-columns)), 1fr));
  }
  li {
    border-inline-start: 4px solid var(--civic-color-primary, #005ea2);
    padding-inline-start: var(--civic-space-s, 0.5rem);
  }
  .name {
    font-weight: 700;
  }
  .description {
    margin: var(--civic-space-xs, 0.25rem) 0 0;
    color: var(--civic-color-muted, #505a5f);
  }
`;
