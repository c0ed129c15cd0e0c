// Words for a difference between any two schemas: the drift words, with the two sides named.
import { explainDrift } from './explain-drift.js'
import type { Operation } from './operation.js'

/** One line for an operation of compare(from, to), naming the sides as `from` and `to` ("the database", "its migrations"). */
export function explainBetween(op: Operation, from: string, to: string): string {
  return explainDrift(op)
    .replace(/ (is|are) in the models but no migration (creates|adds) (it|them)$/, ` $1 in ${to} but not in ${from}`)
    .replace(/ (is|are) created by the migrations but (is )?not in the models$/, ` $1 in ${from} but not in ${to}`)
    .replace(/ in the migrations\b/g, ` in ${from}`)
    .replace(/ in the models\b/g, ` in ${to}`)
}
