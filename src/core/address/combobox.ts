import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { shortAddress, type GeocodeResult, type LngLatBounds } from '../../api/geocoder.js';
import { isAbort, type AddressGeocoder } from './geocoder.js';

/** Milliseconds of typing pause before the geocoder is asked. */
const SEARCH_DELAY = 300;
/** Fewer characters than this are not searched: too many matches to be useful. */
const MIN_QUERY = 3;
const SUGGESTIONS = 5;

export interface AddressComboboxIds {
  input: string;
  listbox: string;
  option: (index: number) => string;
  typedOption: string;
}

export interface AddressComboboxOptions {
  /** The geocoder to ask; `undefined` makes the input a plain text field (free text). */
  geocoder(): AddressGeocoder | undefined;
  /** Language of the names, and the city (`viewbox`, bounded) to search in. */
  searchOptions(): { lang?: string; viewbox?: LngLatBounds };
  /** Each edit the resident types, before a search is scheduled. */
  onEdit(text: string): void;
  /** The resident committed what they typed (the input's own `change`: blur or Enter after editing). */
  onCommit?(): void;
  /** Suggestions arrived (at least one): say how many. */
  onSuggestions(count: number): void;
  /** A suggestion was chosen; `address` is its short local name ("174 Park Street"), now in the input. */
  onChoose(result: GeocodeResult, address: string): void;
  /**
   * The address is to be used exactly as typed: nothing matched, the geocoder failed or was too
   * slow (`chosen` false), or the resident picked "Use … as typed" (`chosen` true).
   */
  onTyped(address: string, chosen: boolean): void;
  ids?: Partial<AddressComboboxIds>;
}

/** What the host's template passes to {@link AddressComboboxController.render}. */
export interface AddressComboboxRender {
  /** Space-separated ids for the input's `aria-describedby`. */
  describedBy: string;
  invalid: boolean;
  required: boolean;
  disabled: boolean;
  /** Accessible name of the input when no `<label for>` in the same root names it. */
  ariaLabel?: string;
  /** Accessible name of the list ("Suggested addresses"). */
  listboxLabel: string;
  /** Words of the last option, for what is typed now ("Use “12 Elm Row” as typed"). */
  typedOptionLabel: (typed: string) => string;
}

/**
 * An address input with suggestions from a geocoder, as an ARIA 1.2 combobox (`role=combobox`
 * on the input, `aria-activedescendant` into a `listbox`): ArrowDown/ArrowUp move through the
 * suggestions and then "Use … as typed", Enter chooses, Escape closes, focus leaving closes.
 * Typing asks the geocoder after a pause, and a newer keystroke aborts the older call, so only
 * the latest answer is ever shown. Without a geocoder it is a plain text input (free text).
 *
 * The host owns what a choice means (its value, its messages); this controller owns the words
 * being typed, the list and the keyboard. Strings come from the host, so any widget can use it.
 *
 * ```ts
 * private combobox = new AddressComboboxController(this, { geocoder: () => …, onChoose: (r, address) => …, … });
 * render() { return html`<label for="address">…</label>${this.combobox.render({ … })}`; }
 * ```
 */
export class AddressComboboxController implements ReactiveController {
  /** What the input shows. */
  query = '';
  suggestions: GeocodeResult[] = [];
  expanded = false;
  activeIndex = -1;
  readonly ids: AddressComboboxIds;
  private timer?: ReturnType<typeof setTimeout>;
  private lookup?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: AddressComboboxOptions,
  ) {
    this.ids = {
      input: 'address',
      listbox: 'address-suggestions',
      option: (i) => `address-option-${i}`,
      typedOption: 'address-option-typed',
      ...options.ids,
    };
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** The input element, once rendered. */
  get input(): HTMLInputElement | null {
    // `renderRoot` exists once the host first connected.
    return this.host.renderRoot?.querySelector<HTMLInputElement>(`#${this.ids.input}`) ?? null;
  }

  /** Whether the list is showing. */
  get open(): boolean {
    return this.expanded && this.suggestions.length > 0;
  }

  /** Shows `text` in the input (a chosen place, a restored value) without searching. */
  show(text: string): void {
    this.cancel();
    this.query = text;
    this.close();
    this.host.requestUpdate();
  }

  /** Empties the input and the list (a form reset). */
  clear(): void {
    this.cancel();
    this.query = '';
    this.suggestions = [];
    this.close();
    this.host.requestUpdate();
  }

  /** Drops a search waiting for the typing pause or on its way: its answer will not be shown. */
  cancel(): void {
    clearTimeout(this.timer);
    this.lookup?.abort();
    this.lookup = undefined;
  }

  close(): void {
    this.expanded = false;
    this.activeIndex = -1;
    this.host.requestUpdate();
  }

  /** The address exactly as typed becomes the answer: the list goes, and the host is told if there are words. */
  private useTyped(chosen: boolean): void {
    this.cancel();
    const typed = this.query.trim();
    this.suggestions = [];
    this.close();
    if (typed) this.options.onTyped(typed, chosen);
  }

  private choose(result: GeocodeResult): void {
    const address = shortAddress(result);
    this.show(address);
    this.options.onChoose(result, address);
  }

  private readonly onInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.host.requestUpdate();
    this.options.onEdit(this.query);
    if (this.options.geocoder()) this.schedule();
  };

  private schedule(): void {
    this.cancel();
    const q = this.query.trim();
    if (q.length < MIN_QUERY) {
      this.suggestions = [];
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.search(q), SEARCH_DELAY);
  }

  private async search(q: string): Promise<void> {
    const geocoder = this.options.geocoder();
    if (!geocoder) return;
    const lookup = new AbortController();
    this.lookup = lookup;
    let results: GeocodeResult[];
    try {
      const { lang, viewbox } = this.options.searchOptions();
      results = await geocoder.search(q, {
        limit: SUGGESTIONS,
        ...(lang ? { lang } : {}),
        ...(viewbox ? { viewbox, bounded: true } : {}),
        signal: lookup.signal,
      });
    } catch (error) {
      // Down, refusing or too slow: the resident is not held up by a geocoder that cannot answer.
      if (!lookup.signal.aborted && !isAbort(error)) this.useTyped(false);
      return;
    }
    // A geocoder that ignores `signal` still answers: a later keystroke made this answer stale.
    if (lookup.signal.aborted) return;
    this.lookup = undefined;
    if (!results.length) {
      this.useTyped(false);
      return;
    }
    this.suggestions = results;
    this.activeIndex = -1;
    // Answers that arrive after the resident moved on wait for ArrowDown instead of popping up.
    const root = this.host.renderRoot as ShadowRoot;
    this.expanded = root.activeElement === this.input;
    this.host.requestUpdate();
    this.options.onSuggestions(results.length);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    // The suggestions, then "Use … as typed".
    const count = this.suggestions.length ? this.suggestions.length + 1 : 0;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        if (!this.expanded) {
          this.expanded = true;
          this.activeIndex = event.altKey ? -1 : 0;
        } else if (!event.altKey) {
          this.activeIndex = (this.activeIndex + 1) % count;
        }
        break;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        this.expanded = true;
        this.activeIndex = this.activeIndex <= 0 ? count - 1 : this.activeIndex - 1;
        break;
      case 'Enter':
        if (this.expanded && this.activeIndex >= 0) {
          event.preventDefault();
          const suggestion = this.suggestions[this.activeIndex];
          if (suggestion) this.choose(suggestion);
          else this.useTyped(true);
        }
        return;
      case 'Escape':
        if (!this.expanded) return;
        event.preventDefault();
        this.close();
        return;
      default:
        return;
    }
    this.host.requestUpdate();
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (!to || !(event.currentTarget as HTMLElement).contains(to)) this.close();
  };

  private renderListbox(r: AddressComboboxRender): TemplateResult {
    const { ids, suggestions } = this;
    return html`<ul
      class="listbox"
      id=${ids.listbox}
      role="listbox"
      aria-label=${r.listboxLabel}
      part="listbox"
      ?hidden=${!this.open}
      @mousedown=${(e: Event) => e.preventDefault()}
    >
      ${suggestions.map(
        (s, i) => html`<li
          class="option"
          id=${ids.option(i)}
          role="option"
          aria-selected=${i === this.activeIndex ? 'true' : 'false'}
          part="option"
          @click=${() => this.choose(s)}
        >
          ${s.displayName}
        </li>`,
      )}
      ${suggestions.length
        ? html`<li
            class="option option--typed"
            id=${ids.typedOption}
            role="option"
            aria-selected=${this.activeIndex === suggestions.length ? 'true' : 'false'}
            part="option"
            @click=${() => this.useTyped(true)}
          >
            ${r.typedOptionLabel(this.query.trim())}
          </li>`
        : nothing}
    </ul>`;
  }

  /** The input and its list. Render it after the label, hint and error that describe it. */
  render(r: AddressComboboxRender): TemplateResult {
    const { ids } = this;
    const geocoder = this.options.geocoder() !== undefined;
    const active =
      this.expanded && this.activeIndex >= 0 ? (this.activeIndex < this.suggestions.length ? ids.option(this.activeIndex) : ids.typedOption) : undefined;
    return html`<div class="combobox" @focusout=${this.onFocusOut}>
      <input
        class=${classMap({ 'civic-input': true, 'civic-input--error': r.invalid })}
        id=${ids.input}
        type="text"
        role=${ifDefined(geocoder ? 'combobox' : undefined)}
        aria-autocomplete=${ifDefined(geocoder ? 'list' : undefined)}
        aria-expanded=${ifDefined(geocoder ? String(this.open) : undefined)}
        aria-controls=${ifDefined(geocoder ? ids.listbox : undefined)}
        aria-activedescendant=${ifDefined(active)}
        aria-label=${ifDefined(r.ariaLabel)}
        aria-describedby=${r.describedBy}
        aria-invalid=${ifDefined(r.invalid ? 'true' : undefined)}
        aria-required=${ifDefined(r.required ? 'true' : undefined)}
        autocomplete=${geocoder ? 'off' : 'street-address'}
        spellcheck="false"
        .value=${live(this.query)}
        ?disabled=${r.disabled}
        part="input"
        @input=${this.onInput}
        @change=${() => this.options.onCommit?.()}
        @keydown=${this.onKeyDown}
      />
      ${geocoder ? this.renderListbox(r) : nothing}
    </div>`;
  }
}
