// A fixture project's node_modules as `npm install` would leave it for the packages it names: links to this
// repository's installed copies, so the project resolves its own sequelize, pg or umzug from its own folder.
import { mkdirSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { root } from './runner.js'

export function linkPackages(project: string, names: readonly string[]): void {
  for (const name of names) {
    const target = join(project, 'node_modules', name)
    mkdirSync(dirname(target), { recursive: true })
    symlinkSync(join(root, 'node_modules', name), target, 'dir')
  }
}
