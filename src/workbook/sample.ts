/**
 * The example programme a new user sees: the 2016 council ICT investment programme from
 * `samples/investment-programme-2016.csv`, embedded so it works in the browser bundle.
 */

/** The CSV as published (Status, Area for investment, Capital £m, Impact, Phase). */
export const SAMPLE_PROGRAMME_CSV =
  'Status,Area for investment,Capital £m,Impact,Phase\nDelivered or in progress,Compliance,2.6,PSN Compliance Achieved; new AV rolled out and key services patched,2016/17 Q1\nDelivered or in progress,Service management,1.1,Reduction in time to log and process IT calls; improved asset management,2016/17 Q2-4\nDelivered or in progress,Technology refresh,3.9,Updating technical platforms including a new collaboration platform,2016/17 Q1-4\nDelivered or in progress,Business transformation,0.6,"Greater amount of time being customer-facing, less need to travel back to the office",2016/17 Q1\nPlanned,Ongoing service stability,1.3,Improve ICT service availability and business continuity/ disaster recovery,2016/17 Q3-4\nFuture plans,Ongoing service stability,10.0,"Better performing Contact Centre; better WIFI access; better value network contracts",2017-20\nFuture plans,Technology and Internet of things,2.0,e.g. enable remote meetings; reduce carbon footprint,2017-20\nFuture plans,Technology refresh,10.0,N-1 compliance; desktop upgrade; mobile contract and rolling refresh,2017/18 Q4 - 2019/20 Q1\nFuture plans,Business transformation aligned to business strategy,10.0,Potential for business transformation enhanced through technical innovation,TBC\n';

/** One scheme of the sample, read from the CSV. */
export interface SampleScheme {
  status: string;
  scheme: string;
  /** Capital budget in £m, as printed. */
  capitalMillions: number;
  impact: string;
  phasing: string;
}

/** Reads one CSV line with quoted fields ("a, b" stays one field; "" is a quote). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * The sample's schemes, in order.
 *
 * @example
 * sampleSchemes()[0]; // { status: 'Delivered or in progress', scheme: 'Compliance', capitalMillions: 2.6, ... }
 */
export function sampleSchemes(): SampleScheme[] {
  const lines = SAMPLE_PROGRAMME_CSV.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(1).map((line) => {
    const [status, scheme, capital, impact, phasing] = splitCsvLine(line);
    return { status, scheme, capitalMillions: Number(capital), impact, phasing };
  });
}

/** Area, budget holder and funding source for each sample scheme (not in the published table). */
export function sampleDetails(scheme: string): {
  area: string;
  budgetHolder: string;
  fundingSource: string;
} {
  if (/transformation/i.test(scheme))
    return {
      area: 'Transformation',
      budgetHolder: 'Head of Transformation',
      fundingSource: 'Capital receipts',
    };
  if (/technology/i.test(scheme))
    return {
      area: 'Technology',
      budgetHolder: 'Head of ICT',
      fundingSource: 'Prudential borrowing',
    };
  return {
    area: 'ICT infrastructure',
    budgetHolder: 'Head of ICT',
    fundingSource: 'Prudential borrowing',
  };
}
