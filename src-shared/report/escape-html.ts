// Escaping for text placed in HTML element content and in double-quoted attribute values.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** A CSS colour from the label store, accepted only as #rgb/#rrggbb so it cannot break out of a style. */
export function safeHexColor(color: string, fallback = '#f2c94c'): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : fallback;
}
