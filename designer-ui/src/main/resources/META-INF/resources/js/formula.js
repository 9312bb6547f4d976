// The platform's formula language in the browser, for live feedback while a form is filled in or designed.
// The server (engine-form, io.mosaic.form.formula) is the authority; this module follows it rule for rule, and
// engine-form/src/test/resources/formula/vectors.json is run against both to prove they agree. Nothing here
// evaluates text as code: a tokenizer, a recursive-descent parser and a tree walk over the record's own values.

export const MAX_LENGTH = 4000;
export const MAX_DEPTH = 64;

/** Numbers are integers scaled by 10^10, rounded half away from zero after each operation (as BigDecimal HALF_UP). */
const SCALE = 10;
const ONE = 10n ** BigInt(SCALE);

/** A formula that cannot be read or computed; `code` and `position` match the server's FormulaException. */
export class FormulaError extends Error {
  constructor(code, position, detail) {
    super(`${detail} (at character ${position + 1})`);
    this.name = 'FormulaError';
    this.code = code;
    this.position = position;
    this.detail = detail;
  }
}

/** An exact decimal number; `toString()` gives its plain text (e.g. "12.5"), `toNumber()` a JavaScript number. */
export class Decimal {
  constructor(units) {
    this.units = units;
  }

  static parse(text) {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!match || (match[2] === '' && !match[3])) throw new TypeError(`Not a number: ${text}`);
    const digits = BigInt((match[2] || '0') + (match[3] || ''));
    const exponent = Number(match[4] || 0) - (match[3] || '').length + SCALE;
    const units = exponent >= 0 ? digits * 10n ** BigInt(exponent) : divideRounded(digits, 10n ** BigInt(-exponent));
    return new Decimal(match[1] === '-' ? -units : units);
  }

  static of(integer) {
    return new Decimal(BigInt(integer) * ONE);
  }

  toString() {
    const negative = this.units < 0n;
    const abs = negative ? -this.units : this.units;
    const fraction = (abs % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
    return `${negative ? '-' : ''}${abs / ONE}${fraction ? `.${fraction}` : ''}`;
  }

  toNumber() {
    return Number(this.toString());
  }

  valueOf() {
    return this.toNumber();
  }

  toJSON() {
    return this.toString();
  }
}

/** A calendar date without time or zone; `toString()` gives ISO `yyyy-MM-dd`. */
export class FormulaDate {
  constructor(year, month, day) {
    this.year = year;
    this.month = month;
    this.day = day;
  }

  /** The date an ISO `yyyy-MM-dd` text names, or null if it is not one (2026-02-30 is not). */
  static parse(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    return new FormulaDate(year, month, day);
  }

  /** Days since 1970-01-01 (Howard Hinnant's days_from_civil), so no Date object or time zone is involved. */
  epochDay() {
    const y = this.month <= 2 ? this.year - 1 : this.year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (this.month + (this.month > 2 ? -3 : 9)) + 2) / 5) + this.day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  compareTo(other) {
    return Math.sign(this.epochDay() - other.epochDay());
  }

  toString() {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}-${String(this.day).padStart(2, '0')}`;
  }

  toJSON() {
    return this.toString();
  }
}

function daysInMonth(year, month) {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function divideRounded(dividend, divisor) {
  const negative = (dividend < 0n) !== (divisor < 0n);
  const n = dividend < 0n ? -dividend : dividend;
  const d = divisor < 0n ? -divisor : divisor;
  let quotient = n / d;
  if ((n % d) * 2n >= d) quotient += 1n;
  return negative ? -quotient : quotient;
}

const ZERO = new Decimal(0n);

/** A sub-table column's values; only aggregates and CONCAT accept one. */
class Column {
  constructor(values) {
    this.values = values;
  }
}

const COLUMN_MISUSE = 'A sub-table column is a list of values; use it inside SUM, AVG, COUNT, MIN, MAX or CONCAT';

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

const isRecord = value => value !== null && typeof value === 'object' && !Array.isArray(value)
  && !(value instanceof Decimal) && !(value instanceof FormulaDate);

/**
 * A context over a record as nested plain objects, resolving paths like the server's FormulaContext.of:
 * `amount`, then `dealer.credit_limit` as that key if present or the `credit_limit` of the object at `dealer`
 * (blank when the lookup is blank), `lines.amount` as the `amount` of each row of the array at `lines`.
 * Only own properties count, so `__proto__` or `constructor` are unknown names like any other.
 * `today` is an ISO date text, a FormulaDate or a Date (its local date); the browser's date if not given.
 */
export function contextOf(values, today) {
  const head = path => path.slice(0, path.indexOf('.'));
  const rest = path => path.slice(path.indexOf('.') + 1);
  return {
    has(path) {
      if (hasOwn(values, path)) return true;
      if (!path.includes('.') || !hasOwn(values, head(path))) return false;
      const value = values[head(path)];
      return value === null || value === undefined || Array.isArray(value) || (isRecord(value) && hasOwn(value, rest(path)));
    },
    value(path) {
      if (hasOwn(values, path)) return values[path];
      const value = values[head(path)];
      if (Array.isArray(value)) return value.map(row => (isRecord(row) && hasOwn(row, rest(path)) ? row[rest(path)] : null));
      if (isRecord(value)) return value[rest(path)];
      return null;
    },
    today() {
      if (today instanceof FormulaDate) return today;
      if (typeof today === 'string') return FormulaDate.parse(today);
      const now = today instanceof Date ? today : new Date();
      return new FormulaDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
    },
  };
}

// ---- values ----

function fromContext(value, path, node) {
  if (Array.isArray(value)) return new Column(value.map(element => scalarFromContext(element, path, node)));
  return scalarFromContext(value, path, node);
}

function scalarFromContext(value, path, node) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || value instanceof FormulaDate || value instanceof Decimal) return value;
  if (typeof value === 'string') return value === '' ? null : (FormulaDate.parse(value) || value);
  if (typeof value === 'bigint') return new Decimal(value * ONE);
  if (typeof value === 'number' && Number.isFinite(value)) return Decimal.parse(String(value));
  throw fail(node, 'type', `'${path}' holds a value a formula cannot use`);
}

/** The kind of a result: 'blank', 'text', 'number', 'boolean' or 'date'. */
export function typeOf(value) {
  if (value === null) return 'blank';
  if (value instanceof Decimal) return 'number';
  if (value instanceof FormulaDate) return 'date';
  return typeof value === 'boolean' ? 'boolean' : 'text';
}

function text(value) {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function typeName(value) {
  if (value === null) return 'blank';
  if (typeof value === 'string') return 'text';
  if (value instanceof Decimal) return 'a number';
  if (typeof value === 'boolean') return 'TRUE/FALSE';
  if (value instanceof FormulaDate) return 'a date';
  return 'a sub-table column';
}

function fail(node, code, detail) {
  return new FormulaError(code, node.position, detail);
}

// ---- evaluation ----

function evaluateNode(node, scope) {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'reference':
      if (!scope.context.has(node.path)) throw fail(node, 'unknown_reference', `'${node.path}' is not a field of this form`);
      return fromContext(scope.context.value(node.path), node.path, node);
    case 'negation':
      return new Decimal(-number(scalar(node.operand, scope), node, '-').units);
    case 'binary':
      return applyOperator(node, scalar(node.left, scope), scalar(node.right, scope));
    case 'call':
      return FUNCTIONS[node.name].apply(node, scope);
    default:
      throw new Error(`Unknown node ${node.kind}`);
  }
}

function scalar(node, scope) {
  const value = evaluateNode(node, scope);
  if (value instanceof Column) throw fail(node, 'type', COLUMN_MISUSE);
  return value;
}

function number(value, node, operation) {
  if (value === null) return ZERO;
  if (value instanceof Decimal) return value;
  throw fail(node, 'type', `${operation} needs numbers, not ${typeName(value)}`);
}

function divide(dividend, divisor, node) {
  if (divisor.units === 0n) throw fail(node, 'division_by_zero', 'Division by zero');
  return new Decimal(divideRounded(dividend.units * ONE, divisor.units));
}

function applyOperator(node, left, right) {
  const op = node.operator;
  switch (op) {
    case '&': return text(left) + text(right);
    case '+': return new Decimal(number(left, node, op).units + number(right, node, op).units);
    case '-': return new Decimal(number(left, node, op).units - number(right, node, op).units);
    case '*': return new Decimal(divideRounded(number(left, node, op).units * number(right, node, op).units, ONE));
    case '/': return divide(number(left, node, op), number(right, node, op), node);
    case '=': return equal(left, right, node);
    case '<>': return !equal(left, right, node);
    case '<': return compare(left, right, node) < 0;
    case '<=': return compare(left, right, node) <= 0;
    case '>': return compare(left, right, node) > 0;
    case '>=': return compare(left, right, node) >= 0;
    default: throw new Error(`Unknown operator ${op}`);
  }
}

/** A blank equals only a blank, zero, empty text or FALSE; a date is never equal to a blank. */
function equal(left, right, node) {
  if ((left === null) !== (right === null) && (left instanceof FormulaDate || right instanceof FormulaDate)) return false;
  return compare(left, right, node) === 0;
}

function kindOf(value) {
  if (value instanceof Decimal) return 'number';
  if (value instanceof FormulaDate) return 'date';
  return typeof value;
}

/** Orders two values of one kind; a blank stands for the other side's zero, ISO text meets a date as a date. */
function compare(left, right, node) {
  if (left === null && right === null) return 0;
  let a = left === null ? zeroLike(right, node) : left;
  let b = right === null ? zeroLike(left, node) : right;
  if (a instanceof FormulaDate && typeof b === 'string' && FormulaDate.parse(b)) b = FormulaDate.parse(b);
  else if (b instanceof FormulaDate && typeof a === 'string' && FormulaDate.parse(a)) a = FormulaDate.parse(a);
  if (kindOf(a) !== kindOf(b)) throw fail(node, 'type', `Cannot compare ${typeName(a)} with ${typeName(b)}`);
  if (a instanceof Decimal) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
  if (a instanceof FormulaDate) return a.compareTo(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function zeroLike(other, node) {
  if (other instanceof Decimal) return ZERO;
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  throw fail(node, 'type', `Cannot order a blank against ${typeName(other)}; test it with ISBLANK first`);
}

function condition(call, index, scope) {
  const value = scalar(call.args[index], scope);
  if (value === null || typeof value === 'boolean') return value === true;
  throw fail(call, 'type', `${call.name} needs TRUE or FALSE, not ${typeName(value)}`);
}

function numberArgument(call, index, scope) {
  return number(scalar(call.args[index], scope), call, call.name);
}

function dateArgument(call, index, scope) {
  const value = scalar(call.args[index], scope);
  if (value === null || value instanceof FormulaDate) return value;
  const date = typeof value === 'string' ? FormulaDate.parse(value) : null;
  if (!date) throw fail(call, 'type', `${call.name} needs a date, not ${typeName(value)}`);
  return date;
}

function flatten(call, scope) {
  const values = [];
  for (const arg of call.args) {
    const value = evaluateNode(arg, scope);
    if (value instanceof Column) values.push(...value.values.filter(v => v !== null));
    else if (value !== null) values.push(value);
  }
  return values;
}

function numbers(call, scope) {
  return flatten(call, scope).map(value => {
    if (!(value instanceof Decimal)) throw fail(call, 'type', `${call.name} needs numbers, not ${typeName(value)}`);
    return value;
  });
}

function extreme(call, scope, pickFirst) {
  return numbers(call, scope).reduce((best, n) => (best === null || pickFirst(n.units, best.units) ? n : best), null) || ZERO;
}

/** Months from start to end as java.time counts them: a month is complete once the end's day reaches the start's. */
function monthsBetween(start, end) {
  const packed = date => (date.year * 12 + date.month - 1) * 32 + date.day;
  return Math.trunc((packed(end) - packed(start)) / 32);
}

const MANY = Infinity;

const FUNCTIONS = {
  IF: { min: 2, max: 3, apply: (call, scope) => {
    if (condition(call, 0, scope)) return scalar(call.args[1], scope);
    return call.args.length === 3 ? scalar(call.args[2], scope) : null;
  } },
  IFS: { min: 2, max: MANY, pairs: true, apply: (call, scope) => {
    for (let i = 0; i < call.args.length; i += 2) {
      if (condition(call, i, scope)) return scalar(call.args[i + 1], scope);
    }
    throw fail(call, 'no_match', 'No condition of the IFS holds');
  } },
  AND: { min: 1, max: MANY, apply: (call, scope) => call.args.every((_, i) => condition(call, i, scope)) },
  OR: { min: 1, max: MANY, apply: (call, scope) => call.args.some((_, i) => condition(call, i, scope)) },
  NOT: { min: 1, max: 1, apply: (call, scope) => !condition(call, 0, scope) },
  ROUND: { min: 1, max: 2, apply: (call, scope) => {
    const value = numberArgument(call, 0, scope);
    let places = 0;
    if (call.args.length === 2) {
      const given = numberArgument(call, 1, scope);
      if (given.units % ONE !== 0n || given.units > BigInt(SCALE) * ONE || given.units < -BigInt(SCALE) * ONE) {
        throw fail(call, 'invalid_argument', `ROUND takes a whole number of places from -10 to 10, not ${given}`);
      }
      places = Number(given.units / ONE);
    }
    const step = 10n ** BigInt(SCALE - places);
    return new Decimal(divideRounded(value.units, step) * step);
  } },
  ABS: { min: 1, max: 1, apply: (call, scope) => {
    const value = numberArgument(call, 0, scope);
    return value.units < 0n ? new Decimal(-value.units) : value;
  } },
  SUM: { min: 1, max: MANY, apply: (call, scope) => new Decimal(numbers(call, scope).reduce((sum, n) => sum + n.units, 0n)) },
  AVG: { min: 1, max: MANY, apply: (call, scope) => {
    const values = numbers(call, scope);
    return divide(new Decimal(values.reduce((sum, n) => sum + n.units, 0n)), Decimal.of(values.length), call);
  } },
  COUNT: { min: 1, max: MANY, apply: (call, scope) => Decimal.of(flatten(call, scope).length) },
  MIN: { min: 1, max: MANY, apply: (call, scope) => extreme(call, scope, (a, b) => a < b) },
  MAX: { min: 1, max: MANY, apply: (call, scope) => extreme(call, scope, (a, b) => a > b) },
  TODAY: { min: 0, max: 0, apply: (call, scope) => scope.today() },
  DATEDIF: { min: 3, max: 3, apply: (call, scope) => {
    const start = dateArgument(call, 0, scope);
    const end = dateArgument(call, 1, scope);
    const unit = scalar(call.args[2], scope);
    const key = typeof unit === 'string' ? unit.toLowerCase() : null;
    if (!['d', 'm', 'y'].includes(key)) {
      throw fail(call, 'invalid_argument',
        `DATEDIF counts in "d", "m" or "y", not ${typeof unit === 'string' ? `"${unit}"` : typeName(unit)}`);
    }
    if (start === null || end === null) return null;
    if (start.compareTo(end) > 0) throw fail(call, 'invalid_argument', 'DATEDIF needs a start date no later than its end date');
    if (key === 'd') return Decimal.of(end.epochDay() - start.epochDay());
    const months = monthsBetween(start, end);
    return Decimal.of(key === 'm' ? months : Math.trunc(months / 12));
  } },
  CONCAT: { min: 1, max: MANY, apply: (call, scope) => call.args.map(arg => {
    const value = evaluateNode(arg, scope);
    return value instanceof Column ? value.values.map(text).join('') : text(value);
  }).join('') },
  LEN: { min: 1, max: 1, apply: (call, scope) => Decimal.of([...text(scalar(call.args[0], scope))].length) },
  UPPER: { min: 1, max: 1, apply: (call, scope) => text(scalar(call.args[0], scope)).toUpperCase() },
  LOWER: { min: 1, max: 1, apply: (call, scope) => text(scalar(call.args[0], scope)).toLowerCase() },
  ISBLANK: { min: 1, max: 1, apply: (call, scope) => scalar(call.args[0], scope) === null },
  // Another form's record by its key fields; the browser's contexts reach no other form, so blank unless one has match.
  LOOKUP: { min: 4, max: MANY, pairs: true, apply: (call, scope) => {
    const keys = {};
    for (let i = 2; i < call.args.length; i += 2) {
      const value = scalar(call.args[i + 1], scope);
      if (value === null) return null;
      keys[call.args[i].value] = value;
    }
    const [form, field] = [call.args[0].value, call.args[1].value];
    const found = typeof scope.context.match === 'function' ? scope.context.match(form, field, keys) : null;
    const value = fromContext(found, `${form}.${field}`, call);
    if (value instanceof Column) throw fail(call, 'type', `LOOKUP reads one value, not the sub-table column ${field}`);
    return value;
  } },
};

const KEY = /^[a-z][a-z0-9_]{0,47}$/;

/** LOOKUP's form, field and key fields are keys written as text, as in io.mosaic.form.formula.Parser. */
function checkLookup(args) {
  const key = (arg, what) => {
    if (arg.kind === 'literal' && typeof arg.value === 'string' && KEY.test(arg.value)) return;
    throw new FormulaError('syntax', arg.position, `LOOKUP's ${what} must be a key written as text, such as "price_list"`);
  };
  key(args[0], 'form');
  key(args[1], 'field');
  for (let i = 2; i < args.length; i += 2) key(args[i], `key field ${i / 2}`);
}

function arityProblem(name, count) {
  const { min, max, pairs } = FUNCTIONS[name];
  if (count >= min && count <= max && (!pairs || count % 2 === 0)) return null;
  const plural = n => `${n} argument${n === 1 ? '' : 's'}`;
  const takes = name === 'LOOKUP' ? 'a form, a field, then pairs of key field and value'
    : pairs ? 'pairs of condition and value'
    : min === max ? plural(min)
      : max === MANY ? `at least ${plural(min)}`
        : `${min} to ${max} arguments`;
  return `${name} takes ${takes}, not ${count}`;
}

// ---- tokenizer and parser (same grammar as io.mosaic.form.formula.Parser) ----

const isDigit = c => c >= '0' && c <= '9';
const isNameStart = c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const nameEnd = (source, i) => {
  while (i < source.length && (isNameStart(source[i]) || isDigit(source[i]))) i++;
  return i;
};

function tokenize(source) {
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (isDigit(c) || (c === '.' && i + 1 < source.length && isDigit(source[i + 1]))) {
      while (i < source.length && isDigit(source[i])) i++;
      if (i < source.length && source[i] === '.') {
        i++;
        while (i < source.length && isDigit(source[i])) i++;
      }
      if (i < source.length && isNameStart(source[i])) {
        throw new FormulaError('syntax', i, `Unexpected '${source[i]}' after the number ${source.slice(start, i)}`);
      }
      tokens.push({ kind: 'number', text: source.slice(start, i), position: start });
    } else if (isNameStart(c)) {
      i = nameEnd(source, i);
      while (i + 1 < source.length && source[i] === '.' && isNameStart(source[i + 1])) i = nameEnd(source, i + 1);
      tokens.push({ kind: 'name', text: source.slice(start, i), position: start });
    } else if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new FormulaError('syntax', start, 'Text that starts here has no closing \'"\'');
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i++];
      }
      tokens.push({ kind: 'string', text: value, position: start });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'open' : c === ')' ? 'close' : 'comma', text: c, position: start });
      i++;
    } else if ('+-*/&=<>'.includes(c)) {
      i++;
      if ((c === '<' && (source[i] === '=' || source[i] === '>')) || (c === '>' && source[i] === '=')) i++;
      tokens.push({ kind: 'operator', text: source.slice(start, i), position: start });
    } else {
      throw new FormulaError('syntax', start, `Unexpected character '${String.fromCodePoint(source.codePointAt(start))}'`);
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

/** Infix operators by precedence level, loosest first; all left-associative. */
const LEVELS = [['=', '<>', '<', '<=', '>', '>='], ['&'], ['+', '-'], ['*', '/']];

function describe(token) {
  if (token.kind === 'end') return 'the end of the formula';
  if (token.kind === 'string') return `text "${token.text}"`;
  return `'${token.text}'`;
}

class Parser {
  constructor(source) {
    this.tokens = tokenize(source);
    if (this.tokens.length === 1) throw new FormulaError('syntax', 0, 'The formula is empty');
    this.next = 0;
    this.depth = 0;
  }

  peek() {
    return this.tokens[this.next];
  }

  accept(kind) {
    if (this.peek().kind !== kind) return false;
    this.next++;
    return true;
  }

  expect(kind, what) {
    if (!this.accept(kind)) {
      const found = this.peek();
      throw new FormulaError('syntax', found.position, `Expected ${what} but found ${describe(found)}`);
    }
  }

  deeper(position) {
    if (++this.depth > MAX_DEPTH) throw new FormulaError('too_deep', position, `A formula may nest at most ${MAX_DEPTH} levels deep`);
  }

  formula() {
    this.deeper(this.peek().position);
    const node = this.binary(0);
    this.depth--;
    return node;
  }

  binary(level) {
    if (level === LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || !LEVELS[level].includes(token.text)) return left;
      this.next++;
      left = { kind: 'binary', operator: token.text, left, right: this.binary(level + 1), position: token.position };
    }
  }

  unary() {
    const token = this.peek();
    if (token.kind === 'operator' && token.text === '-') {
      this.next++;
      this.deeper(token.position);
      const operand = this.unary();
      this.depth--;
      return { kind: 'negation', operand, position: token.position };
    }
    return this.primary();
  }

  primary() {
    const token = this.peek();
    this.next++;
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: Decimal.parse(token.text), position: token.position };
      case 'string':
        return { kind: 'literal', value: token.text, position: token.position };
      case 'open': {
        const inner = this.formula();
        this.expect('close', "')'");
        return inner;
      }
      case 'name':
        return this.peek().kind === 'open' ? this.call(token) : this.name(token);
      default:
        this.next--;
        throw new FormulaError('syntax', token.position, `Unexpected ${describe(token)}`);
    }
  }

  name(token) {
    const upper = token.text.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE', position: token.position };
    if (upper === 'NULL') return { kind: 'literal', value: null, position: token.position };
    return { kind: 'reference', path: token.text, position: token.position };
  }

  call(token) {
    if (token.text.includes('.')) {
      throw new FormulaError('syntax', token.position,
        `'${token.text}' is a field, not a function: only the built-in functions can be called`);
    }
    const name = token.text.toUpperCase();
    if (!hasOwn(FUNCTIONS, name)) throw new FormulaError('unknown_function', token.position, `There is no function ${token.text}`);
    this.next++;
    const args = [];
    if (this.peek().kind !== 'close') {
      do {
        args.push(this.formula());
      } while (this.accept('comma'));
    }
    this.expect('close', "',' or ')'");
    const problem = arityProblem(name, args.length);
    if (problem) throw new FormulaError('arity', token.position, problem);
    if (name === 'LOOKUP') checkLookup(args);
    return { kind: 'call', name, args, position: token.position };
  }
}

function collectReferences(node, into) {
  if (node.kind === 'reference') into.add(node.path);
  else if (node.kind === 'negation') collectReferences(node.operand, into);
  else if (node.kind === 'binary') {
    collectReferences(node.left, into);
    collectReferences(node.right, into);
  } else if (node.kind === 'call') node.args.forEach(arg => collectReferences(arg, into));
}

/**
 * Reads a formula. Throws FormulaError (syntax, too_long, too_deep, unknown_function, arity).
 * The result's `evaluate(context)` gives null (blank), a string, a boolean, a Decimal or a FormulaDate, or throws
 * FormulaError (unknown_reference, type, division_by_zero, invalid_argument, no_match); `references()` lists the
 * paths it reads in order of first use.
 */
export function parse(source) {
  if (typeof source !== 'string') throw new FormulaError('syntax', 0, 'The formula is empty');
  if (source.length > MAX_LENGTH) {
    throw new FormulaError('too_long', MAX_LENGTH, `A formula may be at most ${MAX_LENGTH} characters long`);
  }
  const parser = new Parser(source);
  const root = parser.formula();
  const trailing = parser.peek();
  if (trailing.kind !== 'end') throw new FormulaError('syntax', trailing.position, `Unexpected ${describe(trailing)}`);
  const references = new Set();
  collectReferences(root, references);
  return Object.freeze({
    text: source,
    references: () => [...references],
    evaluate(context) {
      let today;
      const scope = { context, today: () => (today ??= context.today()) };
      return scalar(root, scope);
    },
  });
}

/** Parses and evaluates in one go over a record's values (see contextOf). */
export function evaluate(source, values, today) {
  return parse(source).evaluate(contextOf(values, today));
}
