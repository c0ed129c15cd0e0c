import { enableCompileCache } from '../compile-cache.js'

enableCompileCache()
// imported only now, so that Node reads the action's code from its compile cache
const { run } = await import('./main.js')
await run()
