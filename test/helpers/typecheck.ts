// The real TypeScript compiler, run on files as `tsc --noEmit` would: every diagnostic as one line.
import { dirname, relative } from 'node:path'
import ts from 'typescript'
import { root } from './runner.js'

/** Type-checks `files` with the tsconfig.json at `project` (this repository's by default); returns the errors. */
export function typecheck(files: readonly string[], project = `${root}tsconfig.json`, overrides: ts.CompilerOptions = {}): string[] {
  const read = ts.readConfigFile(project, ts.sys.readFile)
  if (read.error) return [ts.flattenDiagnosticMessageText(read.error.messageText, '\n')]
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(project))
  const program = ts.createProgram([...files], { ...parsed.options, ...overrides, noEmit: true })
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ')
    if (!d.file || d.start === undefined) return `TS${d.code}: ${text}`
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
    return `${relative(dirname(project), d.file.fileName)}:${line + 1}:${character + 1} TS${d.code}: ${text}`
  })
}
