// "Đi đến mục": the cards this person sees on the page, as a list of links at its top. A
// board member's page holds some twenty cards, about 38,000 px on a phone, with the
// nominations last; this is the way to any of them without scrolling past the others.
// Refilled after sign-in, once every card has loaded and hidden what the person may not see.
import { $, el } from './dom.mjs';
import { rememberPlace } from './places.mjs';

// The panels (create, detail) open from their buttons and are not places to go to.
const NOT_LISTED = new Set(['create', 'detail']);

function goTo(card, heading) {
  rememberPlace({ card: card.id });  // Back returns to the list of cards (places.mjs)
  card.scrollIntoView({ block: 'start' });
  // The heading takes the focus, so a keyboard or a screen reader goes on from there.
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  $('card-menu').querySelector('details').open = false;
}

export function fillCardMenu() {
  const items = [];
  for (const card of document.querySelectorAll('#workspace > section.card')) {
    if (card.hidden || NOT_LISTED.has(card.id)) continue;
    const heading = $(card.getAttribute('aria-labelledby') || '');
    const name = heading ? heading.textContent.trim() : '';
    if (!name) continue;
    items.push(el('li', {}, el('a', {
      href: `#${card.id}`,
      onclick: (event) => {
        event.preventDefault();  // the address keeps no fragment: a fragment is a sign-in link's
        goTo(card, heading);
      },
    }, name)));
  }
  $('card-menu-list').replaceChildren(...items);
  // A page of a few cards needs no contents.
  $('card-menu').hidden = items.length < 4;
}

export function clearCardMenu() {
  $('card-menu-list').replaceChildren();
  $('card-menu').hidden = true;
}
