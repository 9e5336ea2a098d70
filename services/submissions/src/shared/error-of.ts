/** The error a call throws (undefined when it returns), so specs can assert on its class and code. */
export function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}
