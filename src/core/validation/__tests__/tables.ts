/** Tables used by several tests, laid out as councils lay them out. */

/** The DOMAIN.md capital programme table: heading rows and a TOTAL per group. */
export function programmeTable(): unknown[][] {
  return [
    ['Area for investment', 'Capital £m', 'Impact', 'Phase'],
    ['DELIVERED OR IN PROGRESS', '', '', ''],
    ['Compliance', 2.6, 'PSN compliance achieved', '2016/17 Q1'],
    ['Service management', 1.1, 'Reduction in time to log IT calls', '2016/17 Q2-4'],
    ['Technology refresh', 3.9, 'Updating technical platforms', '2016/17 Q1-4'],
    ['Business transformation', 0.6, 'More time customer-facing', '2016/17 Q1'],
    ['PLANNED', '', '', ''],
    ['Ongoing service stability', 1.3, 'Business continuity / disaster recovery', '2016/17 Q3-4'],
    ['TOTAL', 9.5, '', ''],
    ['FUTURE PLANS', '', '', ''],
    ['Ongoing service stability', 10.0, 'Contact centre, WiFi, networks', '2017-20'],
    ['Technology and Internet of things', 2.0, 'Remote meetings, lower carbon', '2017-20'],
    ['Technology refresh', 10.0, 'N-1 compliance', '2017/18 Q4 - 2019/20 Q1'],
    ['Business transformation', 10.0, 'Business cases to be developed', 'TBC'],
    ['TOTAL', 32.0, '', ''],
  ];
}

/** A quarterly monitoring table in £'000, pasted from a PDF: brackets and figures as text. */
export function monitoringTable(): unknown[][] {
  return [
    ['Capital monitoring: Period 8 (November)', '', '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    [
      'Project',
      "Approved Budget £'000",
      "Revised Budget £'000",
      "Forecast £'000",
      "Variance £'000",
      "All Years Budget £'000",
      "All Years Forecast £'000",
    ],
    ['Library refurbishment', 1200, 1250, 1300, '(50)', 2500, 2550],
    ['(includes the lift replacement)', '', '', '', '', '', ''],
    ['Depot roof', 800, 800, 650, '150', 800, 650],
    ['School kitchens', 420, 450, 450, '0', 900, 900],
    ['Sub-total', 2420, 2500, 2400, '100', 4200, 4100],
    ['Case management system', 3100, 4245, 4245, 0, 4245, 4245],
    ['Network refresh', 600, 600, 720, -120, 1200, 1320],
    ['Sub-total', 3700, 4845, 4965, -120, 5445, 5565],
    ['Grand total', 6120, 7345, 7365, -20, 9645, 9665],
  ];
}
