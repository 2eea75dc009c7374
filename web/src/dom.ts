// Small DOM helpers: every text goes in as text (never as HTML), so names and notes from a
// link or a file cannot run as code.

export function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} is missing from index.html`);
  return e as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/**
 * A wide table's sideways scroll box: reachable by Tab and named, so a keyboard at 200% zoom
 * can scroll it to its last columns (its inputs take the arrow keys for themselves).
 */
export function scrollBox(name: string, child: Node): HTMLElement {
  return attrs(el('div', { className: 'scroll', tabIndex: 0 }, child), { role: 'region', 'aria-label': name });
}

/**
 * Set an element's text only when it differs: writing the same text still replaces the text
 * node, and the browser lays the element out again (on every run of a slider drag).
 */
export function setText(e: Node, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

/**
 * Replace a view's contents, the keyboard focus staying on the control of the same id (a
 * button that started a search is drawn again when it ends).
 */
export function refill(host: HTMLElement, ...children: (Node | string)[]): void {
  const id = host.contains(document.activeElement) ? document.activeElement?.id : '';
  host.replaceChildren(...children);
  if (id) document.getElementById(id)?.focus({ preventScroll: true });
}

/** Set attributes (aria-*, role, data-*) on an element and return it. */
export function attrs<T extends Element>(e: T, values: Record<string, string>): T {
  for (const [k, v] of Object.entries(values)) e.setAttribute(k, v);
  return e;
}

/** A table with a header row and body rows of text cells (the first cell a row header). */
export function table(className: string, head: string[], rows: string[][]): HTMLTableElement {
  return el(
    'table',
    { className },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map(([first, ...rest]) => el('tr', {}, el('th', { scope: 'row' }, first ?? ''), ...rest.map((v) => el('td', {}, v))))),
  );
}

/**
 * Act on a choice in a list: at once when picked with the mouse or from the open list, but
 * not at each arrow key that walks a closed list (Chromium sends `change` for every one, which
 * loaded each preset in turn or added a programme per key): then on Enter, or on leaving it,
 * if the choice is another than the last one acted on.
 */
export function onChoose(select: HTMLSelectElement, act: () => void): void {
  let [keyed, chosen] = [false, select.value];
  const choose = () => select.value !== chosen && (act(), (chosen = select.value));
  select.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') choose();
    // Escape takes back what the arrow keys walked to: leaving the list then changes nothing.
    else if (e.key === 'Escape') select.value = chosen;
    // The `change` a key makes comes before the next task.
    else (keyed = true), setTimeout(() => (keyed = false));
  });
  select.addEventListener('change', () => keyed || choose());
  // After the focus has moved: the view drawn again gives it back to the control it went to.
  select.addEventListener('blur', () => setTimeout(choose));
}
