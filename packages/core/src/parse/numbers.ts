/** Canonical decimal strings: "1,434" → "1434", "95.50" → "95.5", ".5" → "0.5", "007" → "7". */
export const canonicalNumber = (text: string): string => {
  let value = text.replace(/,/g, '');
  if (value.startsWith('.')) value = `0${value}`;
  let [whole = '0', fraction = ''] = value.split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
};

/** A decimal number with optional thousands commas. */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
