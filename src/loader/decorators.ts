// Decorated classes (TypeORM entities, sequelize-typescript models) read the design types that only TypeScript's
// own compiler emits (emitDecoratorMetadata): sucrase and esbuild do not. Such files compile with the project's
// `typescript`, under the project's tsconfig.
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { tsconfigFor } from './tsconfig.js'

interface TypeScriptApi {
  transpileModule(source: string, options: { compilerOptions: object; fileName: string }): { outputText: string }
  convertCompilerOptionsFromJson(options: object, base: string): { options: Record<string, unknown> }
  ModuleKind: Record<string, number>
  ScriptTarget: Record<string, number>
}

/** A line that opens with a decorator: `@Entity()`, `@Column({ ... })`, `@Table`. */
export function hasDecorators(source: string): boolean {
  return /^[ \t]*@[A-Za-z_$][\w$.]*[ \t]*(\(|$)/m.test(source)
}

/**
 * Compiled to an ES module. Decorated classes that import each other (A's property typed B, B's typed A) read a class
 * not yet defined: CommonJS output gives undefined there, an ES module throws, so the design type falls back to undefined.
 */
export function compileDecorators(source: string, file: string, cts: boolean): { code: string; format: 'module' | 'commonjs' } {
  let ts: TypeScriptApi
  try {
    ts = createRequire(file)('typescript') as TypeScriptApi
  } catch {
    throw new Error(`${file} uses decorators, whose design types only TypeScript's compiler emits: install typescript in the project (npm install -D typescript)`)
  }
  const config = tsconfigFor(dirname(file))
  const { options } = ts.convertCompilerOptionsFromJson(config?.compilerOptions ?? {}, config?.base ?? dirname(file))
  const commonjs = cts
  const compilerOptions = {
    ...options,
    // what decorator libraries need, unless the project's tsconfig says otherwise
    experimentalDecorators: options.experimentalDecorators ?? true,
    emitDecoratorMetadata: options.emitDecoratorMetadata ?? true,
    module: commonjs ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    noEmit: false,
    verbatimModuleSyntax: false,
  }
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: file })
  const code = outputText.replace(/(__metadata\("design:(?:type|paramtypes|returntype)", )(.+)\)(,?)$/gm,
    (_all, head: string, value: string, comma: string) => `${head}(() => { try { return ${value} } catch { return undefined } })())${comma}`)
  return { code, format: commonjs ? 'commonjs' : 'module' }
}
