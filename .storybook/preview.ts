import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import type { ArgTypes } from 'storybook/internal/types';
// Written by `npm run analyze` (and `npm run build`) from the elements' JSDoc: the docs pages,
// their tables and the attribute controls all come from it, so they cannot drift from the code.
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);

type Control = NonNullable<ArgTypes[string]['control']>;

/** A control that fits the attribute's declared type (`boolean`, `number`, `'map' | 'list'`, text). */
function controlFor(typeText: string): { control: Control; options?: string[] } {
  const parts = typeText.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined');
  if (parts.length === 1 && parts[0] === 'boolean') return { control: { type: 'boolean' } };
  if (parts.length === 1 && parts[0] === 'number') return { control: { type: 'number' } };
  const literals = parts.map((p) => /^'([^']*)'$/.exec(p)?.[1]);
  if (literals.length > 1 && literals.every((l) => l !== undefined)) return { control: { type: 'select' }, options: literals as string[] };
  return { control: { type: 'text' } };
}

interface ManifestItem {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface ManifestDeclaration {
  tagName?: string;
  description?: string;
  attributes?: ManifestItem[];
  members?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssProperties?: ManifestItem[];
  cssParts?: ManifestItem[];
}

const declarations = (manifest as { modules: Array<{ declarations?: ManifestDeclaration[] }> }).modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d): d is ManifestDeclaration & { tagName: string } => Boolean(d.tagName));

/**
 * The docs table of an element, from its manifest entry. Keys carry the category, so a part and an
 * attribute of the same name (`label`) both show. Only attributes get a control: they are what a
 * web team writes in the CMS; public properties, events, slots, parts and custom properties are
 * listed without one; private and protected members are not listed.
 */
function extractArgTypes(tag: string): ArgTypes | null {
  const d = declarations.find((x) => x.tagName === tag);
  if (!d) return null;
  const out: ArgTypes = {};
  const add = (key: string, item: ManifestItem, category: string, control: ReturnType<typeof controlFor> | { control: false }) => {
    out[key] = {
      name: item.name,
      description: item.description ?? '',
      ...control,
      table: {
        category,
        ...(item.type?.text ? { type: { summary: item.type.text } } : {}),
        ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
      },
    };
  };
  for (const a of d.attributes ?? []) add(a.name, a, 'attributes', controlFor(a.type?.text ?? 'string'));
  for (const m of d.members ?? []) {
    if (m.kind !== 'field' || m.privacy === 'private' || m.privacy === 'protected' || m.static) continue;
    add(`property:${m.name}`, m, 'properties', { control: false });
  }
  for (const e of d.events ?? []) add(`event:${e.name}`, e, 'events', { control: false });
  for (const slot of d.slots ?? []) add(`slot:${slot.name}`, { ...slot, name: slot.name || '(default)' }, 'slots', { control: false });
  for (const c of d.cssProperties ?? []) add(`css:${c.name}`, c, 'css custom properties', { control: false });
  for (const part of d.cssParts ?? []) add(`part:${part.name}`, part, 'css shadow parts', { control: false });
  return out;
}

const extractComponentDescription = (tag: string) => declarations.find((x) => x.tagName === tag)?.description;

/**
 * Applies the attribute controls to the story's element: a control the reader changes sets (or,
 * for `false` and an emptied field, removes) that attribute on the rendered widget, whatever the
 * story's own markup says. Untouched controls leave the story as written.
 */
const applyAttributeControls: Decorator = (story, context) => {
  const tag = typeof context.component === 'string' ? context.component : undefined;
  const attributes = Object.entries(context.argTypes)
    .filter(([, argType]) => argType.table?.category === 'attributes')
    .map(([name]) => name);
  const apply = (wrapper: Element | undefined) => {
    const el = tag ? wrapper?.querySelector(tag) : undefined;
    if (!el) return;
    for (const name of attributes) {
      const value: unknown = context.args[name];
      if (value === undefined) continue;
      if (value === false || value === '' || value === null) el.removeAttribute(name);
      else el.setAttribute(name, value === true ? '' : String(value));
    }
  };
  return html`<div class="story-root" ${ref(apply)}>${story()}</div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [applyAttributeControls],
  parameters: {
    docs: { extractArgTypes, extractComponentDescription },
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
  },
};
export default preview;
