// Builds elements from data; text always goes in as text nodes, so nothing from the API is ever parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

export function h(tag, attributes, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

export function svg(tag, attributes, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Announces a change to screen readers through the page's polite live region. */
export function announce(text) {
  const live = document.getElementById('live');
  live.textContent = '';
  requestAnimationFrame(() => { live.textContent = text; });
}
