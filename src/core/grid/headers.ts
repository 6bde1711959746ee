/**
 * Recognising what a column holds from its header text, in the words councils use.
 */
import { type PeriodColumn, parseFiscalQuarter, parseFiscalYear } from '../calendar';
import { type MoneyUnit, unitFromHeader } from '../money/units';
import type { BudgetKind, ColumnRole } from './types';

/** What a header says about its column. */
export interface HeaderMeaning {
  role: ColumnRole;
  budgetKind?: BudgetKind;
  unit?: MoneyUnit;
  period?: PeriodColumn;
  /** A percentage column: figures, but not money, so never added up. */
  percent?: boolean;
}

// `Variance`, `(Under) / Over Spend`, `Over or (under) spend`, `Over/ (Under)` (split over two
// header rows), `Variation to Latest Programme`, `Rephasing`, `Slippage`, `Difference`.
const VARIANCE =
  /\bvariances?\b|\bvar\b|\bvariations?\b|under\)?\s*(?:\/|\bor\b)?\s*\(?\s*over|over\)?\s*(?:\/|\bor\b)?\s*\(?\s*under|\bslippage\b|\bre-?phas(?:ing|ed)\b|\bdifferences?\b|\bdiff\b/;
// `Additions/Reductions to Programme`, `Changes`, `Virements`, `Adjustments`: a change to a budget.
const ADDITIONS =
  /\badditions?\b|\breductions?\b|\bvirements?\b|\badjustments?\b|\bchanges?\s+(?:to|in)\b|\bnew\s+(?:approvals?|schemes?)\b/;
// A programme named by when or how it was approved is a budget, not the scheme's name:
// `Programme as approved Dec 2004`, `Revised Programme`, `Latest Capital Programme`.
const PROGRAMME_BUDGET =
  /\bprogramme\b.*\b(?:approved|agreed)\b|\b(?:approved|original|revised|latest|current|amended|working|agreed|capital)\s+(?:capital\s+)?programme\b/;
const ALL_YEARS =
  /\ball[\s-]*years?\b|\bwhole[\s-]*life\b|\blifetime\b|\btotal\s+(?:scheme|project)\b|\b(?:scheme|project)\s+total\b|\bmulti[\s-]*year\b/;
const FORECAST = /\bforecasts?\b|\bout[\s-]?turn\b|\bprojected\b|\bprojection\b|\banticipated\b/;
const ACTUAL =
  /\bactuals?\b|\bspend\s+to\s+date\b|\bspent\b|\bexpenditure\s+to\s+date\b|\bytd\b|\byear\s+to\s+date\b/;
const REF =
  /^(?:[a-z ]*\s)?(?:ref|reference|code|id)\b\.?|^(?:project|scheme)\s+(?:no|number)\b|^no\.?$|^cost\s+cent(?:re|er)\b/;
const PHASING =
  /\bphas(?:e|es|ing)\b|\bprofil(?:e|ing)\b|\btiming\b|\btimescales?\b|\bdelivery\s+(?:period|date)\b/;
const BUDGET =
  /\bbudgets?\b|\bapproved\b|\bestimates?\b|\ballocations?\b|\bcosts?\b|\bfunding\b|\bprovision\b|\bamount\b|\bvalue\b|\bcapital\b|\bspend\b|\bexpenditure\b|£/;
const AMOUNT_ONLY = /\bamounts?\b|\bvalues?\b/;
const NAMES_A_BUDGET =
  /\bbudgets?\b|\bapproved\b|\bestimates?\b|\ballocations?\b|\bcosts?\b|\bcapital\b|\bfunding\b|\bprovision\b/;
const STATUS = /^(?:status|stage|rag|category|type|group|directorate|service|portfolio)\b/;
const LABEL =
  /\bprojects?\b|\bschemes?\b|\barea\b|\bdescription\b|\bname\b|\bitems?\b|\binvestment\b|\btitle\b|\binitiatives?\b|\bprogramme\b/;
// A fiscal year or quarter inside a header: `2016/17`, `FY19/20`, `2016-17 Q1`, `Q1 2016/17`.
const PERIOD = /(?:q[1-4]\s*)?(?:fy\s*)?(?:\d{4}|\d{2})\s*[/-]\s*\d{2}(?!\d)(?:\s*q[1-4])?/;
// Words that may sit beside a period without changing what the column is.
const PERIOD_FILLER =
  /\b(?:budget|capital|spend|expenditure|phasing|profile|programme|£|m|k|000s?|s)\b|[£'()\u2019]/g;

function periodIn(text: string): { period: PeriodColumn; rest: string } | undefined {
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const label = match[0];
  const rest = (text.slice(0, match.index) + ' ' + text.slice(match.index + label.length)).trim();
  if (/q[1-4]/.test(label)) {
    const quarter = parseFiscalQuarter(label);
    return quarter.ok ? { period: { kind: 'quarter', ...quarter.value }, rest } : undefined;
  }
  const year = parseFiscalYear(label);
  return year.ok ? { period: { kind: 'year', year: year.value }, rest } : undefined;
}

function budgetKind(text: string): BudgetKind | undefined {
  if (/\brevised\b|\bcurrent\b|\blatest\b|\bamended\b|\bworking\b/.test(text)) return 'revised';
  if (/\boriginal\b|\binitial\b/.test(text)) return 'original';
  if (/\bapproved\b/.test(text)) return 'approved';
  return undefined;
}

/**
 * What a column holds, judged from its header text alone.
 *
 * @example
 * readHeader('Revised Budget'); // { role: 'budget', budgetKind: 'revised' }
 * readHeader('Capital £m'); // { role: 'budget', unit: '£m' }
 * readHeader('2016/17 Q1'); // { role: 'period', period: { kind: 'quarter', year: 2016, quarter: 1 } }
 * readHeader('Impact'); // { role: 'text' }
 */
export function readHeader(header: string): HeaderMeaning {
  const text = header
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, 200);
  if (text === '') return { role: 'blank' };
  // Percentages are not money: no check adds them up.
  if (/%|\bper\s*cent\b|\bpercentage\b/.test(text)) return { role: 'text', percent: true };
  // A notes column holds words and footnote marks (`3/4`, `Rephased`), never figures.
  if (/\b(?:notes?|comments?|remarks?|footnotes?|explanations?|reasons?)\s*$/.test(text))
    return { role: 'text' };
  const unit = unitFromHeader(header.slice(0, 200));
  const withUnit = (meaning: HeaderMeaning): HeaderMeaning =>
    unit ? { ...meaning, unit } : meaning;
  if (VARIANCE.test(text)) return withUnit({ role: 'variance' });
  if (ADDITIONS.test(text)) return withUnit({ role: 'additions' });
  if (ALL_YEARS.test(text))
    return withUnit({ role: FORECAST.test(text) ? 'all-years-forecast' : 'all-years-budget' });
  if (FORECAST.test(text)) return withUnit({ role: 'forecast' });
  if (ACTUAL.test(text)) return withUnit({ role: 'actual' });
  if (REF.test(text)) return { role: 'ref' };
  if (PHASING.test(text) && !/\d/.test(text)) return { role: 'phasing' };
  const found = periodIn(text);
  if (found && found.rest.replace(PERIOD_FILLER, '').trim() === '') {
    return withUnit({ role: 'period', period: found.period });
  }
  if (STATUS.test(text)) return { role: 'status' };
  if (PROGRAMME_BUDGET.test(text)) {
    const kind = budgetKind(text);
    return withUnit(kind ? { role: 'budget', budgetKind: kind } : { role: 'budget' });
  }
  // A bare 'Amount' or 'Value' (a revisions log's signed amounts, say) holds figures that add up,
  // but is not a budget: a reduction there is not a negative budget.
  if (AMOUNT_ONLY.test(text) && !NAMES_A_BUDGET.test(text)) return withUnit({ role: 'amount' });
  if (BUDGET.test(text) && !(LABEL.test(text) && !/budget|cost|£|estimate|allocation/.test(text))) {
    const kind = budgetKind(text);
    return withUnit(kind ? { role: 'budget', budgetKind: kind } : { role: 'budget' });
  }
  if (LABEL.test(text)) return { role: 'label' };
  return withUnit({ role: 'text' });
}
