// Test data for the designer's preview: a plausible value for every field a user would type in, within the
// field's own limits, so that formulas and conditions have something to work on. References to other records
// (user, org, lookup), files and computed fields are left blank.

function number(field, wanted) {
  let value = wanted;
  if (field.min !== undefined) value = Math.max(value, field.min);
  if (field.max !== undefined) value = Math.min(value, field.max);
  return value;
}

function isoDate(today) {
  return today.toISOString().slice(0, 10);
}

const label = (field, n, locale) => `${field.label[locale] || field.key}${n > 1 ? ` ${n}` : ''}`;

const MAKERS = {
  text: label,
  textarea: label,
  richtext: (field, n, locale) => `<p>${label(field, n, locale)}</p>`,
  email: () => 'someone@example.com',
  phone: () => '+86 138 0013 8000',
  url: () => 'https://example.com',
  integer: (field, n) => number(field, 2 + n),
  decimal: (field, n) => number(field, 12.5 * n),
  money: (field, n) => number(field, 99.5 * n),
  percent: field => number(field, 10),
  date: (field, n, locale, today) => isoDate(today),
  datetime: (field, n, locale, today) => `${isoDate(today)}T09:30:00+08:00`,
  time: () => '09:30',
  select: field => field.options?.[0]?.value ?? null,
  radio: field => field.options?.[0]?.value ?? null,
  multiselect: field => (field.options?.length ? [field.options[0].value] : []),
  checkbox: field => (field.options?.length ? [field.options[0].value] : []),
  switch: () => true,
};

function valuesOf(fields, n, locale, today) {
  const record = {};
  for (const field of fields) {
    if (field.type === 'subtable') {
      record[field.key] = [1, 2].map(row => valuesOf(field.columns || [], row, locale, today));
    } else if (MAKERS[field.type] && !field.readOnly) {
      record[field.key] = MAKERS[field.type](field, n, locale, today);
    }
  }
  return record;
}

/** A record for `definition` with sample values (labels in `locale`), two rows per sub-table. */
export function sampleRecord(definition, locale, today = new Date()) {
  return valuesOf(definition.fields || [], 1, locale, today);
}
