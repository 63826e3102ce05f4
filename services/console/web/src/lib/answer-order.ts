/**
 * The order of the answers to one GET asked more than once (a load, a reload, the looks of a
 * page that refreshes itself). Answers can arrive out of order; the read side only moves
 * forward, so an answer to a later question is never older than one to an earlier question.
 * An answer is shown only when no later question has been answered yet: a slow look started
 * before a reload cannot put back what the reload replaced.
 */
export class AnswerOrder {
  private asked = 0;
  private shown = 0;
  /** Questions up to this one are moot (see forget). */
  private moot = 0;

  /** Numbers a question as it is asked. */
  ask(): number {
    this.asked += 1;
    return this.asked;
  }

  /** Whether the answer to question `question` may be shown; if so, it is now the one shown. */
  show(question: number): boolean {
    if (question <= this.shown || question <= this.moot) return false;
    this.shown = question;
    return true;
  }

  /** Whether an answer to a later question is already shown (a failure of this one is moot). */
  overtaken(question: number): boolean {
    return question < this.shown || question <= this.moot;
  }

  /**
   * Makes every question asked so far moot: the question itself changed (another path, query
   * or language), so their answers are never shown and their failures never reported.
   */
  forget(): void {
    this.moot = this.asked;
  }
}
