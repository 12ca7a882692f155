// What the engine decided for a result, without any words: the same in every locale (used by
// tests/cli/locales.test.mjs and tests/wasm/locales.test.mjs).
export function decisions(result) {
  return {
    content: result.content,
    complete: result.complete,
    stop: result.stop ?? null,
    care: { level: result.care.level, flags: result.care.flags.map((f) => [f.id, f.level, f.sources]) },
    causes: result.causes.map((c) => ({ id: c.id, score: c.score, level: c.level, factors: c.factors.map((f) => [f.id, f.points, f.answers.map((a) => a.item)]) })),
    tips: result.tips.map((t) => [t.id, t.group, t.score, t.sources]),
    plan: result.plan && { unit: result.plan.unit, start: result.plan.start, target: result.plan.target, weeks: result.plan.weeks,
      walkRun: result.plan.walkRun && result.plan.walkRun.weeks, sources: result.plan.sources },
    severity: result.severity,
    sources: result.sources.map((s) => s.id),
  };
}
