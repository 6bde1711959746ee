/** Re-export: the fixture lives with the fake so benchmarks can build the same programmes. */
export { buildProgramme, QUARTERS } from '../../../tests/support/fake-excel/programmeFixture';
