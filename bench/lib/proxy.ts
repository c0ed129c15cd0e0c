import { createConnection, createServer, type Server } from 'node:net'

/** When a process first reached the server through the proxy, in performance.now() time. */
export interface FirstContact {
  connectedAt: number | null
  /** The first Query or Parse message after the start-up packet. */
  firstQueryAt: number | null
  /** Query and Parse messages clients sent: one per statement sent, whatever the protocol. */
  queries: number
}

/**
 * A TCP proxy in front of a PostgreSQL server that notes when the first connection arrives, when a client sends its
 * first query (the first 'Q' or 'P' message after the start-up packet), and how many queries pass, so a process can
 * be measured from outside it.
 */
export async function contactProxy(target: { host: string; port: number }): Promise<{ port: number; contact: FirstContact; reset(): void; close(): Promise<void> }> {
  const contact: FirstContact = { connectedAt: null, firstQueryAt: null, queries: 0 }
  const server: Server = createServer((socket) => {
    contact.connectedAt ??= performance.now()
    const upstream = createConnection(target)
    let buffered: Buffer = Buffer.alloc(0)
    let startupSeen = false
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk
      // start-up packet: Int32 length, no type byte; then typed messages: Byte1 type, Int32 length
      for (;;) {
        if (!startupSeen) {
          if (buffered.length < 8) break
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
        if (type === 'Q' || type === 'P') contact.firstQueryAt ??= performance.now()
        const length = buffered.readInt32BE(1)
        if (buffered.length < length + 1) break
        if (type === 'Q' || type === 'P') contact.queries++
        buffered = buffered.subarray(length + 1)
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
      contact.queries = 0
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
