// Building page elements from text: attributes set one by one and children appended as nodes or text, so that user
// text never becomes markup.

/** An element with attributes and children; null, undefined and '' children are left out, others become text. */
export function node(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== '')
    .map((child) => (child instanceof Node ? child : String(child))));
  return element;
}
