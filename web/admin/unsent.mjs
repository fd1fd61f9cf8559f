// What a person was typing when their sign-in ended. A session ends after 8 hours without
// use (or when the board revokes it); the page only learns it when "Lưu" or "Gửi" is pressed,
// signs out and clears every screen, and a teacher who wrote a report's text on a phone would
// lose it. The boxes typed into are kept in this browser instead, and after the next sign-in
// *as the same person* each goes back into the box of the same id: when that box is empty,
// or holds what it held when the person began typing (a report part's text as last saved:
// the typing would have replaced it had the session not ended). A box someone else has
// changed since keeps their text. Kept for a day at most; "Đăng xuất" throws them away.
const KEY = 'thidua.unsent';
const kKeepMs = 24 * 3600 * 1000;
const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'number']);

function isTextBox(node) {
  return node instanceof HTMLTextAreaElement
    || (node instanceof HTMLInputElement && TEXT_TYPES.has(node.type));
}

// Marks the boxes a person types into (a screen filling a box from the services does not),
// with what the box held when they came to it.
export function watchTyping() {
  document.addEventListener('focusin', (event) => {
    const box = event.target;
    if (isTextBox(box) && !box.dataset.typed) box.dataset.base = box.value;
  }, true);
  document.addEventListener('input', (event) => {
    if (event.isTrusted && isTextBox(event.target)) event.target.dataset.typed = 'true';
  }, true);
}

// Before the screens are cleared: what `subject` (GET /me's staff id) typed into the
// workspace and did not clear again. Returns how many boxes were kept.
export function keepUnsent(subject) {
  const boxes = {};
  for (const box of document.querySelectorAll('#workspace [data-typed]')) {
    if (isTextBox(box) && box.id && box.value.trim()) {
      boxes[box.id] = { value: box.value, base: box.dataset.base || '' };
    }
  }
  const count = Object.keys(boxes).length;
  if (!subject || count === 0) return 0;
  try {
    localStorage.setItem(KEY, JSON.stringify({ subject, at: Date.now(), boxes }));
    return count;
  } catch {
    return 0;  // storage full or refused (a private window): nothing kept, as before
  }
}

export function dropUnsent() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing could have been kept either.
  }
}

// After sign-in, once every screen is drawn: the kept text back in its boxes, for the same
// person only, and then forgotten. Each box gets an input event, so its counter, preview or
// autosave sees it as typed. Returns how many boxes got their text back.
export function restoreUnsent(subject) {
  let kept = null;
  try {
    kept = JSON.parse(localStorage.getItem(KEY) || 'null');
  } catch {
    kept = null;
  }
  dropUnsent();
  if (!kept || kept.subject !== subject || !(Date.now() - kept.at < kKeepMs)) return 0;
  let restored = 0;
  for (const [id, entry] of Object.entries(kept.boxes || {})) {
    const { value, base } = entry || {};
    const box = document.getElementById(id);
    if (!isTextBox(box) || !box.closest('#workspace') || typeof value !== 'string' || box.value === value
      || (box.value !== '' && box.value !== base)) {
      continue;
    }
    box.dataset.base = box.value;
    box.value = value;
    box.dataset.typed = 'true';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    restored += 1;
  }
  return restored;
}
