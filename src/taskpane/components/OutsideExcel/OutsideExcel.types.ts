/** Props of {@link OutsideExcel}. */
export interface OutsideExcelProps {
  /** The host Office reported (e.g. `Word`), when the pane was opened in another Office app. */
  host?: string;
}
