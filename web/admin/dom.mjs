// The page's small element builders, one copy shared by every screen. Text always goes in
// as text nodes, never parsed as markup (the dashboard's CSP; tests/deploy/edge_test.sh).

export const $ = (id) => document.getElementById(id);

// el('p', {className: 'x', dataset: {id: 1}}, 'text', child) — text is always a text node.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    // list and form are read-only properties: only their attributes name the element.
    else if (key in node && !key.includes('-') && key !== 'list' && key !== 'form') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Words for screen readers only (the eye reads them from the layout).
export const hiddenText = (text) => el('span', { className: 'visually-hidden' }, text);

export function option(value, label, selected = false) {
  return el('option', { value, selected }, label);
}
