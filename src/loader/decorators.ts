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

export function compileDecorators(source: string, file: string, commonjs: boolean): string {
  let ts: TypeScriptApi
  try {
    ts = createRequire(file)('typescript') as TypeScriptApi
  } catch {
    throw new Error(`${file} uses decorators, whose design types only TypeScript's compiler emits: install typescript in the project (npm install -D typescript)`)
  }
  const config = tsconfigFor(dirname(file))
  const { options } = ts.convertCompilerOptionsFromJson(config?.compilerOptions ?? {}, config?.base ?? dirname(file))
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
  return ts.transpileModule(source, { compilerOptions, fileName: file }).outputText
}
