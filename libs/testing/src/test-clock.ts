/** A clock the test moves by hand (structurally a Clock of @talentloop/service-kit). */
export class TestClock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  advanceDays(days: number): void {
    this.advanceMs(days * 86_400_000);
  }

  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
