import { parseConfig, type Config, type RawSettings } from '../../src/config/config.js'
import type { Project } from '../generate/project.js'

/** The Config a command would run from for `project`, built the way the front ends build it. */
export function projectConfig(project: Project, command: 'upgrade' | 'check', settings: RawSettings = {}): Config {
  return parseConfig({
    settings: { command, migrations: project.migrationsDir, models: project.modelsPath, ...settings },
    env: {},
    cwd: project.dir,
  })
}
