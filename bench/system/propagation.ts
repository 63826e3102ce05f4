/**
 * Submit → approval inbox: goals are submitted on a fixed schedule (open loop) and, for each,
 * the time from the 2xx answer of the submit to the first inbox answer (GET
 * /approval-requests/inbox as the goal's manager) that lists it. A few pollers share the
 * managers that have goals not yet seen, oldest-polled first, each manager at most every
 * `pollMs`: the polling load stays bounded (≤ `pollers` requests in flight) however far the
 * inbox lags, and each figure comes with its resolution: the time since the previous poll of
 * that manager was sent (the goal was not listed then).
 */
import type { Client } from '../../scripts/demo/http';
import { employeeCaller, managerCaller, type SeededGoal } from './seed';

export interface PropagationResult {
  readonly submitted: number;
  readonly refused: number;
  readonly seen: number;
  readonly latenciesMs: number[];
  /** Per seen goal: how late the figure may be (since the manager's previous poll was sent). */
  readonly resolutionsMs: number[];
  readonly polls: number;
  readonly pollRoundTripsMs: number[];
  readonly seconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const measurePropagation = async (
  api: Client,
  goals: readonly SeededGoal[],
  {
    rate,
    pollMs,
    pollers = 4,
    timeoutMs = 30_000,
  }: { rate: number; pollMs: number; pollers?: number; timeoutMs?: number },
): Promise<PropagationResult> => {
  /** Per goal: when its submit answered 2xx; when the inbox first listed it, and resolution. */
  const answeredAt = new Map<string, number>();
  const seen = new Map<string, { at: number; resolution: number }>();
  /** Per manager: goals submitted (or being submitted) and not yet seen in the inbox. */
  const outstanding = new Map<string, Set<string>>();
  const lastPollSent = new Map<string, number>();
  const polling = new Set<string>();
  const pollRoundTripsMs: number[] = [];
  let polls = 0;
  let refused = 0;
  let submitting = true;

  /** The waiting manager polled longest ago (and not within pollMs), if any. */
  const nextManager = (now: number): string | undefined => {
    let best: string | undefined;
    let bestAt = Infinity;
    for (const [managerId, waiting] of outstanding) {
      if (waiting.size === 0 || polling.has(managerId)) continue;
      const at = lastPollSent.get(managerId) ?? -Infinity;
      if (now - at >= pollMs && at < bestAt) [best, bestAt] = [managerId, at];
    }
    return best;
  };

  const pollLoop = async (deadline: () => number) => {
    while (performance.now() < deadline()) {
      const managerId = nextManager(performance.now());
      if (!managerId) {
        if (!submitting && [...outstanding.values()].every((waiting) => waiting.size === 0)) return;
        await sleep(1);
        continue;
      }
      polling.add(managerId);
      const previous = lastPollSent.get(managerId);
      const sent = performance.now();
      lastPollSent.set(managerId, sent);
      const response = await api.raw(
        'approval',
        'GET',
        '/approval-requests/inbox',
        managerCaller(managerId),
      );
      const items = response.ok ? ((await response.json()) as { goalId: string }[]) : [];
      const answered = performance.now();
      polling.delete(managerId);
      polls++;
      pollRoundTripsMs.push(answered - sent);
      const waiting = outstanding.get(managerId)!;
      for (const { goalId } of items)
        if (waiting.delete(goalId) && !seen.has(goalId))
          seen.set(goalId, { at: answered, resolution: answered - (previous ?? sent) });
    }
  };

  const submit = async ({ goalId, employeeId, managerId }: SeededGoal) => {
    let waiting = outstanding.get(managerId);
    if (!waiting) outstanding.set(managerId, (waiting = new Set()));
    waiting.add(goalId);
    const response = await api.raw(
      'planning',
      'POST',
      `/goals/${goalId}/submit`,
      employeeCaller(employeeId),
    );
    await response.arrayBuffer();
    if (response.ok) answeredAt.set(goalId, performance.now());
    else {
      refused++;
      waiting.delete(goalId);
    }
  };

  const started = performance.now();
  let stopAt = Infinity;
  const loops = Array.from({ length: pollers }, () => pollLoop(() => stopAt));
  const submits: Promise<void>[] = [];
  for (const [index, goal] of goals.entries()) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    submits.push(submit(goal));
  }
  await Promise.all(submits);
  submitting = false;
  const seconds = (performance.now() - started) / 1000;
  stopAt = performance.now() + timeoutMs;
  await Promise.all(loops);

  const figures = [...answeredAt]
    .filter(([goalId]) => seen.has(goalId))
    .map(([goalId, answered]) => {
      const { at, resolution } = seen.get(goalId)!;
      // The inbox may list a goal before the submit's answer reaches the client: that is 0.
      return {
        latency: Math.max(0, at - answered),
        resolution: Math.min(resolution, at - answered),
      };
    });
  return {
    submitted: answeredAt.size,
    refused,
    seen: figures.length,
    latenciesMs: figures.map((figure) => figure.latency).sort((a, b) => a - b),
    resolutionsMs: figures.map((figure) => Math.max(0, figure.resolution)).sort((a, b) => a - b),
    polls,
    pollRoundTripsMs: pollRoundTripsMs.sort((a, b) => a - b),
    seconds,
  };
};
