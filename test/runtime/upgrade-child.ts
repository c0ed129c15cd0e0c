// Runs `upgrade` in a process of its own, so a test can kill it halfway: node --import tsx upgrade-child.ts <dir> <url>
import { parseConfig } from '../../src/config/config.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { silentLog } from '../../src/log.js'

const [dir, url] = process.argv.slice(2)
await upgrade(parseConfig({ settings: { migrations: 'migrations' }, env: {}, cwd: dir! }), url!, silentLog)
