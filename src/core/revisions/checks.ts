/**
 * Every revision check over a programme, as one rule (`revision-mismatch`).
 */
import type { Finding } from '../findings';
import { checkRevisionEntries } from './entries';
import { revisedBudgetOf } from './revised';
import { checkStatedPercent, checkStatedRevised } from './stated';
import { revisionFinding, schemeLabel } from './text';
import { checkVirements } from './virements';
import type { BudgetRevision, SchemeBudget } from './types';

/**
 * Runs every revision check: each entry (re-profiles keep the all-years total, additions are
 * positive), each scheme's stated revised budget and stated percentage change, virements netting
 * to zero across schemes, and revisions whose Ref matches no scheme. Findings are values, in the
 * order: entries, schemes, virements.
 *
 * @example
 * checkRevisions([{ ref: 'CMS-01', originalBudget: fromNumber(3.1), statedRevised: fromNumber(4.245), statedChangePercent: 36.9 }], revisions);
 * // [] when the revisions are +0.420, +0.875 and a virement of -0.150 matched by +0.150 elsewhere
 */
export function checkRevisions(
  schemes: readonly SchemeBudget[],
  revisions: readonly BudgetRevision[],
): Finding[] {
  const findings = checkRevisionEntries(revisions);
  const known = new Set(schemes.map((scheme) => scheme.ref));
  for (const revision of revisions) {
    if (known.has(revision.ref)) continue;
    findings.push(
      revisionFinding(
        'warning',
        `A ${revision.kind} (reference ${revision.reference.trim() || 'none'}) is recorded for scheme ${revision.ref}, which is not in the programme: correct its Ref to one in the Programme table`,
        revision.source,
      ),
    );
  }
  for (const scheme of schemes) {
    findings.push(...checkStatedRevised(scheme, revisions));
    if (scheme.statedChangePercent === undefined) continue;
    const revised =
      scheme.statedRevised ??
      revisedBudgetOf(
        scheme.originalBudget,
        revisions.filter((r) => r.ref === scheme.ref),
      );
    findings.push(
      ...checkStatedPercent(scheme.originalBudget, revised, scheme.statedChangePercent, {
        decimals: scheme.percentDecimals,
        scheme: schemeLabel(scheme.ref, scheme.name),
        source: scheme.percentSource,
      }),
    );
  }
  findings.push(...checkVirements(revisions, schemes));
  return findings;
}
