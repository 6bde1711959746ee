/** The link reader lives with the workbook plans (the task pane reads the same links). */
export { linkedCell, type LinkedCell } from '../../workbook';
