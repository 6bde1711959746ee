import { phaseRowByRow, phasingCases, periodHeader } from './phasing';
const cases = phasingCases(10000);
const h = periodHeader();
for (let i = 0; i < 4; i++) phaseRowByRow(cases, h);
