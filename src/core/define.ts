/**
 * Registers a custom element unless the tag is already taken. Two copies of the bundle on
 * one CMS page (a theme and a plugin each adding the script tag) must not throw
 * "already been used with this registry": the first definition wins and the page works.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  if (registry.get(tag)) return;
  registry.define(tag, ctor);
}
