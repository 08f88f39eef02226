import { connect, type Socket } from 'node:net'

/**
 * Sends raw bytes to 127.0.0.1:`port` and resolves with everything the server sent once it closes the connection
 * ('' when it closed without answering). `end: false` leaves our side open, as a slow or stalled client does.
 */
export function rawHttp(port: number, bytes: string, { end = true } = {}): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(answer) : reject(error)))
    socket.on('close', () => resolve(answer))
    if (end) socket.end(bytes, 'latin1')
    else socket.write(bytes, 'latin1')
  })
}

export const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)
