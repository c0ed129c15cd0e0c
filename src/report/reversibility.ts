import type { Irreversible, Reversibility } from '../commands/reversible.js'
import { codeNames, plural } from './format.js'

const problems: Record<Irreversible['problem'], string> = {
  no_down: 'has no down migration',
  empty: 'has a down that undoes nothing',
  partial: 'has a down that does not fully undo its up',
  fails: 'has a down that fails',
}

/** check --reversible, for the CLI. */
export function reversibilityText(r: Reversibility): string {
  if (!r.irreversible.length) return `Reversible: the down of each of ${plural(r.checked.length, 'migration')} undoes its up.`
  return [
    `Not reversible: ${plural(r.irreversible.length, 'migration')} of ${r.checked.length} checked:`,
    ...r.irreversible.flatMap((i) => [
      `  - ${i.migration} ${problems[i.problem]} (${i.file})${i.error ? `: ${i.error}` : ''}`,
      ...i.leftBehind.map((l) => `      ${l}`),
    ]),
  ].join('\n')
}

/** check --reversible, for the job summary and the pull-request comment. */
export function reversibilityMarkdown(r: Reversibility): string {
  if (!r.irreversible.length) return `#### ✅ Reversible\nThe down of each of ${plural(r.checked.length, 'migration')} (${r.checked.map(code).join(', ')}) undoes its up.`
  return [
    `#### ❌ Not reversible: ${plural(r.irreversible.length, 'migration')} of ${r.checked.length} checked`,
    '',
    ...r.irreversible.flatMap((i) => [
      `- ${code(i.migration)} ${problems[i.problem]} (${code(i.file)})${i.error ? `: ${escape(i.error)}` : ''}`,
      ...i.leftBehind.map((l) => `  - ${codeNames(l)}`),
    ]),
  ].join('\n')
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``
}

function escape(text: string): string {
  return text.replace(/([|<>])/g, '\\$1')
}
