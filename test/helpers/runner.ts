// Runs the built action the way a GitHub runner does (a separate Node 24 process, INPUT_* variables, and
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files), and the CLI as a process.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const node24 = process.env.NODE24_BIN ?? process.execPath

export interface ProcessResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface ActionRun extends ProcessResult {
  readonly outputs: Record<string, string>
  readonly summary: string
  /** What the main step saved for the post step (GITHUB_STATE). */
  readonly stateFile: string
  /** Every byte the run showed anyone (the runner consumes `::add-mask::` commands and never shows them):
   *  for asserting that secrets appear nowhere. */
  readonly everything: string
}

/** Defaults of action.yml, which the runner passes as INPUT_* like any other value. */
export function actionDefaults(actionYml = join(root, 'action.yml')): Record<string, string> {
  const text = readFileSync(actionYml, 'utf8')
  const inputs = text.slice(text.indexOf('\ninputs:'), text.indexOf('\noutputs:'))
  const defaults: Record<string, string> = {}
  let current: string | undefined
  for (const line of inputs.split('\n')) {
    const name = /^ {2}([\w-]+):\s*$/.exec(line)
    if (name) current = name[1]
    const value = /^ {4}default:\s*(.*)$/.exec(line)
    if (value && current) defaults[current] = value[1]!.replace(/^"(.*)"$/, '$1')
  }
  return defaults
}

export function spawnProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Environment without anything that could point the tool at a database by accident. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(INPUT_|GITHUB_|DATABASE_URL$|SHADOW_DATABASE_URL$|DB_(HOST|PORT|NAME|USER|PASS)$|PG[A-Z]+$)/.test(key)) continue
    env[key] = value
  }
  return { ...env, ...extra }
}

export async function runAction(options: {
  cwd: string
  inputs?: Record<string, string>
  env?: NodeJS.ProcessEnv
  entry?: 'index' | 'post'
  stateFile?: string
  /** Where the action's checkout is (action.yml + dist/); this repository by default. */
  actionDir?: string
}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'db-migrate-runner-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  const stateFile = options.stateFile ?? join(dir, 'state')
  for (const file of [outputFile, summaryFile]) writeFileSync(file, '')
  if (!options.stateFile) writeFileSync(stateFile, '')
  const inputs = { ...actionDefaults(), ...options.inputs }
  const env = cleanEnv({
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.cwd,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: join(dir, 'state-written'),
    RUNNER_TEMP: dir,
    ...options.env,
  })
  writeFileSync(env.GITHUB_STATE!, '')
  if (options.stateFile) Object.assign(env, stateVariables(readFileSync(stateFile, 'utf8')))
  const result = await spawnProcess(node24, [join(options.actionDir ?? root, 'dist', `${options.entry ?? 'index'}.js`)], { cwd: options.cwd, env })
  const written = readFileSync(env.GITHUB_STATE!, 'utf8')
  if (!options.stateFile) writeFileSync(stateFile, written)
  const outputs = parseCommandFile(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  return { ...result, outputs, summary, stateFile, everything: [shown(result.stdout), result.stderr, summary, JSON.stringify(outputs), written].join('\n') }
}

function shown(stdout: string): string {
  return stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')
}

/** The runner turns the state file into STATE_* variables for the post step. */
function stateVariables(text: string): Record<string, string> {
  return Object.fromEntries(Object.entries(parseCommandFile(text)).map(([k, v]) => [`STATE_${k}`, v]))
}

/** Parses GITHUB_OUTPUT / GITHUB_STATE files: `name<<DELIM\nvalue\nDELIM` or `name=value` lines. */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const value: string[] = []
      while (++i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i]!)
      result[heredoc[1]!] = value.join('\n')
    } else if (line.includes('=')) {
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return result
}

export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; node?: string }): Promise<ProcessResult> {
  return spawnProcess(options.node ?? process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: options.cwd, env: cleanEnv(options.env) })
}
