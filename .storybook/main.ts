import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages (autodocs) with the argument table from custom-elements.json.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
};
export default config;
