import { createConnection, createServer, type Server } from 'node:net'

/** When a process first reached the server through the proxy, in performance.now() time. */
export interface FirstContact {
  connectedAt: number | null
  /** The first Query or Parse message after the start-up packet. */
  firstQueryAt: number | null
}

/**
 * A TCP proxy in front of a PostgreSQL server that notes when the first connection arrives and when its client sends
 * its first query (the first 'Q' or 'P' message after the start-up packet), so a process's time to first query can be
 * measured from outside it.
 */
export async function contactProxy(target: { host: string; port: number }): Promise<{ port: number; contact: FirstContact; reset(): void; close(): Promise<void> }> {
  const contact: FirstContact = { connectedAt: null, firstQueryAt: null }
  const server: Server = createServer((socket) => {
    contact.connectedAt ??= performance.now()
    const upstream = createConnection(target)
    let buffered = Buffer.alloc(0)
    let startupSeen = false
    socket.on('data', (chunk: Buffer) => {
      if (contact.firstQueryAt === null) {
        buffered = Buffer.concat([buffered, chunk])
        // start-up packet: Int32 length, no type byte; then typed messages: Byte1 type, Int32 length
        for (;;) {
          if (!startupSeen) {
            if (buffered.length < 4) break
            const length = buffered.readInt32BE(0)
            if (buffered.length < length) break
            const code = buffered.readInt32BE(4)
            buffered = buffered.subarray(length)
            // an SSLRequest or GSSENCRequest comes before the real start-up packet
            if (code !== 80877103 && code !== 80877104) startupSeen = true
            continue
          }
          if (buffered.length < 5) break
          const type = String.fromCharCode(buffered[0]!)
          if (type === 'Q' || type === 'P') {
            contact.firstQueryAt ??= performance.now()
            break
          }
          const length = buffered.readInt32BE(1)
          if (buffered.length < length + 1) break
          buffered = buffered.subarray(length + 1)
        }
      }
      upstream.write(chunk)
    })
    upstream.on('data', (chunk) => socket.write(chunk))
    const close = () => {
      socket.destroy()
      upstream.destroy()
    }
    socket.on('close', close)
    upstream.on('close', close)
    socket.on('error', close)
    upstream.on('error', close)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('proxy has no port')
  return {
    port: address.port,
    contact,
    reset: () => {
      contact.connectedAt = null
      contact.firstQueryAt = null
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
