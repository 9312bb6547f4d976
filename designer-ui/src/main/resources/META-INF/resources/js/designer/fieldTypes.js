// What the form designer knows about each field type of docs/definitions.md: its palette group, the properties
// its panel edits, and what a new field of the type starts with. No Vue here, so Node tests can import it.

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,47}$/;
export const OPTION_VALUE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
/** A layout row holds 1 to 4 fields side by side (form.schema.json, section rows). */
export const MAX_CELLS = 4;

/** The 27 field types in palette groups, then the layout elements. */
export const PALETTE = [
  { group: 'basic', types: ['text', 'textarea', 'richtext', 'email', 'phone', 'url'] },
  { group: 'number', types: ['integer', 'decimal', 'money', 'percent'] },
  { group: 'date', types: ['date', 'datetime', 'time'] },
  { group: 'choice', types: ['select', 'radio', 'multiselect', 'checkbox', 'switch'] },
  { group: 'people', types: ['user', 'org'] },
  { group: 'relation', types: ['lookup', 'subtable'] },
  { group: 'advanced', types: ['formula', 'serial', 'attachment', 'image', 'region'] },
  { group: 'layout', types: ['row', 'section', 'tabs'] },
];

export const LAYOUT_KINDS = ['row', 'section', 'tabs'];
export const FIELD_TYPES = PALETTE.flatMap(group => group.types).filter(type => !LAYOUT_KINDS.includes(type));

const ENTRY = ['required', 'readOnly'];
const KEYED = [...ENTRY, 'unique', 'default'];

/** The properties the panel shows per type, besides key, labels and the visibility conditions every field has. */
const PROPERTIES = {
  text: [...KEYED, 'maxLength'],
  textarea: [...ENTRY, 'default', 'maxLength'],
  richtext: [...ENTRY, 'maxLength'],
  email: [...KEYED, 'maxLength'],
  phone: [...KEYED, 'maxLength'],
  url: [...KEYED, 'maxLength'],
  integer: [...KEYED, 'min', 'max'],
  decimal: [...KEYED, 'min', 'max', 'precision', 'scale'],
  money: [...KEYED, 'currency', 'min', 'max', 'scale'],
  percent: [...KEYED, 'min', 'max', 'scale'],
  date: KEYED,
  datetime: [...ENTRY, 'unique'],
  time: KEYED,
  select: [...KEYED, 'options'],
  radio: [...KEYED, 'options'],
  multiselect: [...ENTRY, 'options'],
  checkbox: [...ENTRY, 'options'],
  switch: [...ENTRY, 'default'],
  user: [...ENTRY, 'unique'],
  org: [...ENTRY, 'unique'],
  lookup: [...ENTRY, 'unique', 'lookup'],
  subtable: ['required', 'minRows', 'maxRows'],
  formula: ['expression', 'resultType', 'scale'],
  serial: ['pattern', 'unique'],
  attachment: [...ENTRY, 'maxFiles', 'maxSizeMb', 'accept'],
  image: [...ENTRY, 'maxFiles', 'maxSizeMb', 'accept'],
  region: [...ENTRY, 'regionLevel'],
};

export function propertiesOf(type) {
  return PROPERTIES[type] || [];
}

/** Set by the platform, never typed in: a condition can still hide them, but nothing can make them required. */
export function isComputed(type) {
  return type === 'formula' || type === 'serial';
}

/** Sub-tables cannot nest (FormKind): every other type may be a column. */
export function mayBeColumn(type) {
  return FIELD_TYPES.includes(type) && type !== 'subtable';
}

/** Types whose value is a number, so the panel offers number inputs for their default. */
export function isNumeric(type) {
  return ['integer', 'decimal', 'money', 'percent'].includes(type);
}

const STARTERS = {
  select: () => ({ options: sampleOptions() }),
  radio: () => ({ options: sampleOptions() }),
  multiselect: () => ({ options: sampleOptions() }),
  checkbox: () => ({ options: sampleOptions() }),
  money: () => ({ currency: 'CNY' }),
  formula: () => ({ expression: '', resultType: 'number' }),
  serial: () => ({ pattern: 'NO-{yyyy}-{seq:6}' }),
  image: () => ({ maxFiles: 1 }),
};

function sampleOptions() {
  return [1, 2].map(n => ({ value: `option_${n}`, label: { 'zh-CN': `选项${n}`, en: `Option ${n}` } }));
}

/** A new field definition of `type` with the key and labels given; sub-table columns are kept apart by the caller. */
export function newField(type, key, label) {
  return { key, type, label: { ...label }, ...(STARTERS[type] ? STARTERS[type]() : {}) };
}
