// A user's project has its ORM in its own node_modules: give a copied fixture one, of links to the packages this
// repository installed, so the models load the project's copy as they would in the user's project.
import { mkdirSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { root } from './runner.js'

export function linkPackages(projectDir: string, packages: readonly string[]): void {
  for (const name of packages) {
    const link = join(projectDir, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(join(root, 'node_modules', name), link, 'dir')
  }
}
