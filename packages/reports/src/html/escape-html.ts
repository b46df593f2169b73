/** Text made safe inside HTML elements and quoted attributes. */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/gu,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
