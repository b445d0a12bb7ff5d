// The filter builder's model and its translation to the rstore `where` tree (PROTOCOL §3.1).

export const OPERATORS = [
  'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'like', 'notLike', 'ilike', 'notIlike',
  'inArray', 'notInArray', 'between', 'notBetween', 'isNull', 'isNotNull',
  'arrayContains', 'arrayContained', 'arrayOverlaps',
]
const NO_VALUE = new Set(['isNull', 'isNotNull'])
const TWO_VALUES = new Set(['between', 'notBetween'])
const LIST = new Set(['inArray', 'notInArray', 'arrayContained', 'arrayOverlaps'])

export const arity = operator => (NO_VALUE.has(operator) ? 0 : TWO_VALUES.has(operator) ? 2 : LIST.has(operator) ? 'list' : 1)

let ids = 0
export const condition = field => ({ id: ++ids, kind: 'condition', not: false, field, operator: 'eq', value: '', value2: '' })
export const group = (operator = 'and') => ({ id: ++ids, kind: 'group', not: false, operator, children: [] })

/** A text typed into the builder as the field's JSON type. */
export function typed(text, column) {
  const value = String(text).trim()
  switch (column?.type) {
    case 'number': {
      const n = Number(value)
      return value === '' || Number.isNaN(n) ? value : n
    }
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value
    case 'json':
      try {
        return JSON.parse(value)
      } catch {
        return value
      }
    default:
      return String(text)
  }
}

/** The where tree of a builder node (undefined for an empty one). */
export function toWhere(node, columns) {
  let where
  if (node.kind === 'group') {
    const conditions = node.children.map(child => toWhere(child, columns)).filter(Boolean)
    if (conditions.length === 0) {
      return undefined
    }
    where = { operator: node.operator, conditions }
  } else {
    const column = columns[node.field]
    const n = arity(node.operator)
    where = { operator: node.operator, field: node.field }
    if (n === 1) {
      where.value = typed(node.value, column)
    } else if (n === 2) {
      where.value1 = typed(node.value, column)
      where.value2 = typed(node.value2, column)
    } else if (n === 'list') {
      where.value = String(node.value).split(',').filter(s => s.trim() !== '').map(s => typed(s, column))
    }
  }
  return node.not ? { operator: 'not', condition: where } : where
}
