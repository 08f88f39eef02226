/**
 * Frees the connection of an answer nobody will read (internal).
 * @example await cancelBody(response) // before retrying after a 429
 */
export async function cancelBody(response: Response): Promise<void> {
  // Cancelling an already-consumed or errored body fails harmlessly: there is nothing left to free.
  await response.body?.cancel().catch(() => undefined)
}
