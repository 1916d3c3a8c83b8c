import { ContextRoot } from '@lit/context';

const ROOT_FLAG = Symbol.for('civic-elements:context-root');

/**
 * Lets widgets find a `<civic-hall>` that upgrades after them (script order, lazy loading):
 * a ContextRoot keeps unanswered requests and replays them when a provider appears.
 * Attached once per document, whichever bundle copy gets here first.
 */
export function ensureContextRoot(doc: Document = document): void {
  const holder = doc as Document & { [ROOT_FLAG]?: ContextRoot };
  if (holder[ROOT_FLAG]) return;
  const root = new ContextRoot();
  root.attach(doc.documentElement);
  holder[ROOT_FLAG] = root;
}
