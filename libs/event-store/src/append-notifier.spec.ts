import { AppendNotifier } from './append-notifier';

describe('AppendNotifier', () => {
  it('sends one notification at a time and coalesces pokes made meanwhile into exactly one more', async () => {
    let sent = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const release: Array<() => void> = [];
    const notifier = new AppendNotifier(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((r) => release.push(r));
      inFlight--;
      sent++;
    });
    notifier.poke();
    for (let i = 0; i < 50; i++) notifier.poke();
    release.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(release).toHaveLength(1); // the 50 pokes became one follow-up notification
    release.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(sent).toBe(2);
    expect(maxInFlight).toBe(1);
    notifier.poke(); // idle again: a new poke sends at once
    expect(release).toHaveLength(1);
    release.shift()!();
  });

  it('keeps going after a failed notification', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const notifier = new AppendNotifier(
      () => {
        calls++;
        return calls === 1 ? Promise.reject(new Error('connection lost')) : Promise.resolve();
      },
      (e) => errors.push(e),
    );
    notifier.poke();
    await new Promise((r) => setImmediate(r));
    notifier.poke();
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
