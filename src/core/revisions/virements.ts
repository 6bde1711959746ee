/**
 * Virements move budget between schemes, so across the programme they must net to zero.
 */
import { type Decimal, ZERO, add, formatDecimal, isZero } from '../money/decimal';
import type { Finding } from '../findings';
import { revisionFinding, schemeLabel, shownPlaces, signed } from './text';
import type { BudgetRevision, SchemeBudget } from './types';

function netBySchemes(virements: readonly BudgetRevision[]): Map<string, Decimal> {
  const net = new Map<string, Decimal>();
  for (const virement of virements)
    net.set(virement.ref, add(net.get(virement.ref) ?? ZERO, virement.amount));
  return net;
}

function imbalanceMessage(
  net: Map<string, Decimal>,
  names: Map<string, string | undefined>,
  places: number,
): string {
  return [...net.entries()]
    .map(([ref, amount]) => `${schemeLabel(ref, names.get(ref))} ${signed(amount, places)}`)
    .join(', ');
}

/**
 * Checks that virements (+ in, - out) net to zero across the schemes. An imbalance is an error
 * naming each scheme's net virement and the amount left unmatched. When the whole programme nets
 * to zero but one approval reference does not, that is a warning (a reference is probably mistyped).
 *
 * @example
 * checkVirements([
 *   { ref: 'CMS-01', kind: 'virement', amount: fromNumber(-0.15), reference: 'CAB-12', ... },
 *   { ref: 'HR-02', kind: 'virement', amount: fromNumber(0.1), reference: 'CAB-12', ... },
 * ]); // error: 'Virements do not net to zero: CMS-01 -0.15, HR-02 +0.10 leave -0.05 unmatched ...'
 */
export function checkVirements(
  revisions: readonly BudgetRevision[],
  schemes: readonly SchemeBudget[] = [],
): Finding[] {
  const virements = revisions.filter((revision) => revision.kind === 'virement');
  if (virements.length === 0) return [];
  const names = new Map(schemes.map((scheme) => [scheme.ref, scheme.name]));
  const places = shownPlaces(virements.map((v) => v.amount));
  const net = netBySchemes(virements);
  const imbalance = [...net.values()].reduce(add, ZERO);
  if (!isZero(imbalance)) {
    return [
      revisionFinding(
        'error',
        `Virements do not net to zero: ${imbalanceMessage(net, names, places)} leave ${signed(imbalance, places)} unmatched. Each virement out of one scheme needs the same amount into another: record the missing side or correct the amounts`,
        virements[virements.length - 1].source,
        { expected: formatDecimal({ units: 0, scale: places }), actual: signed(imbalance, places) },
      ),
    ];
  }
  const byReference = new Map<string, BudgetRevision[]>();
  for (const virement of virements) {
    const key = virement.reference.trim().toLowerCase();
    byReference.set(key, [...(byReference.get(key) ?? []), virement]);
  }
  const findings: Finding[] = [];
  for (const group of byReference.values()) {
    const groupNet = netBySchemes(group);
    const groupImbalance = [...groupNet.values()].reduce(add, ZERO);
    if (isZero(groupImbalance)) continue;
    const reference = group[0].reference.trim() || '(no reference)';
    findings.push(
      revisionFinding(
        'warning',
        `Virements under reference ${reference} (${imbalanceMessage(groupNet, names, places)}) do not net to zero on their own, though the programme balances: give both sides of each virement the same reference`,
        group[group.length - 1].source,
        {
          expected: formatDecimal({ units: 0, scale: places }),
          actual: signed(groupImbalance, places),
        },
      ),
    );
  }
  return findings;
}
