import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/core/define.js';

describe('defineElement', () => {
  it('registers a tag', () => {
    class First extends HTMLElement {}
    defineElement('civic-define-probe-a', First);
    expect(customElements.get('civic-define-probe-a')).to.equal(First);
  });

  it('keeps the first definition when a second copy of the bundle registers the same tag', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement('civic-define-probe-b', First);
    expect(() => defineElement('civic-define-probe-b', Second)).to.not.throw();
    expect(customElements.get('civic-define-probe-b')).to.equal(First);
    expect(() => customElements.define('civic-define-probe-b', class extends HTMLElement {})).to.throw();
  });
});
