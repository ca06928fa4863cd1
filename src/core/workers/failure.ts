/** What a worker thread sends back of an error: its message (an Error does not cross to the parent whole). */
export function failureText(e: unknown): string {
  return String((e as Error | null | undefined)?.message || e);
}

/** A thread that ended without answering (killed, out of memory); said neutrally: the callers name the task. */
export function endedEarly(code: number): Error {
  return new Error(`работа прервана: поток завершился с кодом ${code}`);
}
