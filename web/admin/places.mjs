// The phone's Back button. The dashboard is one page, so without this Back leaves it, and a
// teacher who opened a nomination or jumped to a card from "Đi đến mục" lands on Zalo or a
// blank tab. Each place a person goes to (a card, a nomination's detail, the form for a new
// one) is an entry of the browser's history instead, so Back returns to where they were.
// The address stays as it is (no fragment: a fragment is a sign-in link's), and the browser
// puts the scroll position of each entry back by itself.
//
// A place: { card: '<section id>' }, { panel: 'detail', id: <nomination id> } or
// { panel: 'create' }; null is the page as it was opened.
const KEY = 'thidua';

export function currentPlace() {
  return (history.state && history.state[KEY]) || null;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// A new entry for `place`, unless it is where the person already is. `replace` puts it in
// place of the current entry (the form for a new nomination, once the nomination exists).
export function rememberPlace(place, { replace = false } = {}) {
  if (same(currentPlace(), place)) return;
  const address = location.pathname + location.search;
  if (replace) history.replaceState({ [KEY]: place }, '', address);
  else history.pushState({ [KEY]: place }, '', address);
}

// Leaves `place` the way Back would when it is the current entry (a panel's "Đóng" button),
// so Back afterwards does not open it again; false when it is not, and the caller closes it.
export function leavePlace(place) {
  if (!same(currentPlace(), place)) return false;
  history.back();
  return true;
}

// `onPlace(place)` after Back or Forward led to an entry of this page.
export function watchPlaces(onPlace) {
  window.addEventListener('popstate', (event) => onPlace((event.state && event.state[KEY]) || null));
}
