// Server-side rendering helpers. Review text is untrusted: every interpolated value is escaped.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @param {unknown} value @returns {string} */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * Tagged template that escapes every interpolation unless it is wrapped with raw().
 * Arrays are joined, so lists of raw() fragments can be interpolated directly.
 */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return raw(out);
}

function render(v) {
  if (Array.isArray(v)) return v.map(render).join('');
  if (v instanceof Raw) return v.value;
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v);
}

class Raw {
  constructor(value) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

/** Marks a string as already-safe HTML (only for markup built here, never for data). */
export function raw(value) {
  return new Raw(String(value));
}

/** Inline a client script safely: a literal "</script" inside it would end the element early. */
export function inlineScript(source) {
  return raw(`<script>${String(source).replace(/<\/script/gi, '<\\/script')}</script>`);
}

/** JSON that can sit inside a <script> element. */
export function scriptJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
