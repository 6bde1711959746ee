import { RULES, RULE_IDS } from '../findings';

describe('the rule list', () => {
  it('names each rule once, with a summary and a default severity', () => {
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
    expect(RULE_IDS).toEqual(RULES.map((rule) => rule.id));
    for (const rule of RULES) {
      expect(rule.summary).toMatch(/^[A-Z].{10,}[^.]$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
  });

  it('keeps the released ids (tools and people filter on them)', () => {
    expect(RULE_IDS).toEqual(
      expect.arrayContaining([
        'total-mismatch',
        'variance-mismatch',
        'phasing-mismatch',
        'unphased',
        'duplicate-ref',
      ]),
    );
  });
});
