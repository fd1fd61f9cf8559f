// A box that holds at most `maxLength` characters says so as it fills, and says when a paste
// was cut to fit, instead of dropping the end unseen (a 5,000-character paste into a report
// box kept 4,000 and said nothing). One listener for every such box of the page, present or
// drawn later; the note goes just after the box.
import { el } from './dom.mjs';

// The note appears once nine tenths of the room are used.
const SHOW_FROM = 0.9;

function noteFor(box) {
  const id = `${box.id || 'o'}-length`;
  let note = document.getElementById(id);
  if (!note) {
    note = el('p', { className: 'hint length-hint', id, 'aria-live': 'polite' });
    box.after(note);
  }
  return note;
}

function limited(target) {
  return (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)
    && target.maxLength > 0 && target.id;
}

const count = (n) => n.toLocaleString('vi-VN');

function update(box, cut) {
  const left = box.maxLength - box.value.length;
  if (!cut && box.value.length < box.maxLength * SHOW_FROM) {
    const old = document.getElementById(`${box.id}-length`);
    if (old) old.textContent = '';
    return;
  }
  noteFor(box).textContent = cut
    ? `Ô này giữ tối đa ${count(box.maxLength)} ký tự: phần cuối của đoạn vừa dán (${count(cut)} ký tự) không được giữ.`
    : `Còn ${count(left)} ký tự (tối đa ${count(box.maxLength)}).`;
}

export function watchLengths(root = document) {
  root.addEventListener('input', (event) => {
    if (limited(event.target)) update(event.target, 0);
  });
  root.addEventListener('paste', (event) => {
    const box = event.target;
    if (!limited(box)) return;
    const pasted = (event.clipboardData && event.clipboardData.getData('text')) || '';
    const room = box.maxLength - (box.value.length - (box.selectionEnd - box.selectionStart));
    const cut = pasted.length - room;
    // After the paste has landed, so the note follows the value the box kept.
    if (cut > 0) setTimeout(() => update(box, cut));
  });
}
