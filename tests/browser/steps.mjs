// The bits of a browser test's run: its steps, each passed or failed on its own, the checks
// and waits inside them, and the summary line "browser: N passed, M failed" that CTest reads.
// system.mjs exports them all again, with the system they run against.

export const STEP_TIMEOUT_MS = 15000;

const results = [];

export function summaryAndExit(code) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(code ?? (failed > 0 || passed === 0 ? 1 : 0));
}

// A failure outside any step (the system did not come up, say): counted, and said.
export function failed(name) {
  console.log(`FAIL - ${name}`);
  results.push({ name, ok: false });
}

export function passed(name) {
  results.push({ name, ok: true });
  console.log(`ok   - ${name}`);
}

export async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    const text = String((error && error.stack) || error).split('\n').slice(0, 8).join('\n       ');
    console.log(`FAIL - ${name}\n       ${text}`);
  }
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export async function eventually(fn, message, timeout = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = `got ${JSON.stringify(value)}`;
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) throw new Error(`${message} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
