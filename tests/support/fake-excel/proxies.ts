/**
 * Proxy objects with Office.js's shape: Workbook, Worksheet, Range, RangeAreas, Table and friends.
 * Writes apply to the model at once (queue order is kept, so this matches Excel after the sync);
 * reads need load() and a sync(), and throw PropertyNotLoaded otherwise, as Office.js does.
 */
import { cellName, parseRect, quoteSheet, type Rect, rectAddress, splitSheet } from './address';
import { type FakeContextCore, type Loadable, payloadBytes } from './context';
import { FakeOfficeError } from './errors';
import {
  type CellValue,
  type FakeCell,
  type FakeChart,
  type FakeCalculationMode,
  FakeSheet,
  type FakeTable,
  FakeWorkbookModel,
  formattingAllowed,
  sheetNameProblem,
  tableNameProblem,
} from './model';

/**
 * Largest range whose cell properties (values, text, formulas, number formats) a get returns.
 * "On all platforms, a range is limited to five million cells for get operations", and past it
 * `Range.values` "doesn't always throw an error. In some cases, Range.values returns null":
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 * (office-js #6781, #4783). The stand-in always returns null (the quieter, stricter case).
 */
export const GET_CELL_LIMIT = 5_000_000;

type LoadSpec = string | string[] | Record<string, unknown> | undefined;

function loadNames(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadNames(s));
  const select = (spec as { select?: unknown }).select;
  if (typeof select === 'string' || Array.isArray(select))
    return loadNames(select as string | string[]);
  return Object.keys(spec);
}

/** Base of every proxy: load() records a value now, sync() reveals it. */
abstract class ClientObject implements Loadable {
  private readonly loaded = new Map<string, unknown>();
  private readonly pending = new Map<string, unknown>();

  constructor(protected readonly ctx: FakeContextCore) {}

  /** The current value of a loadable property, read from the model. */
  protected abstract readProperty(name: string): unknown;

  load(spec?: LoadSpec): this {
    this.ctx.queue();
    for (const name of loadNames(spec)) {
      const slash = name.indexOf('/');
      if (slash > 0 && name.startsWith('items/')) {
        this.pending.set('items', this.readProperty('items'));
        continue;
      }
      if (slash > 0) {
        const child = (this as unknown as Record<string, unknown>)[name.slice(0, slash)];
        if (child instanceof ClientObject) child.load(name.slice(slash + 1));
        continue;
      }
      this.pending.set(name, this.readProperty(name));
    }
    this.ctx.addLoad(this);
    return this;
  }

  pendingBytes(): number {
    let total = 0;
    for (const value of this.pending.values())
      total +=
        value instanceof ClientObject || (Array.isArray(value) && value[0] instanceof ClientObject)
          ? 16
          : payloadBytes(value);
    return total;
  }

  commitLoads(): void {
    for (const [name, value] of this.pending) this.loaded.set(name, value);
    this.pending.clear();
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) {
      // Thrown at the read, in the pane (not at a sync): OfficeExtension.ErrorCodes.propertyNotLoaded,
      // https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `${this.constructor.name.replace(/Proxy$/, '')}.${name}`,
        `call load('${name}') and await context.sync() before reading '${name}'`,
      );
    }
    return this.loaded.get(name) as T;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** What `values` shows for a cell. Formulas are not evaluated: their value reads as 0. */
function cellValue(cell: FakeCell | undefined): CellValue {
  if (!cell) return '';
  if (cell.isFormula) return 0;
  return cell.content;
}

function cellFormula(cell: FakeCell | undefined): CellValue {
  if (!cell) return '';
  return cell.content;
}

function grid<T>(rect: Rect, read: (row: number, column: number) => T): T[][] {
  const rows: T[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < rect.columns; c++) row.push(read(rect.top + r, rect.left + c));
    rows.push(row);
  }
  return rows;
}

/** Applies a scalar to every cell, or a 2-D array cell by cell (its shape must match, as in Excel). */
function forEachInput(
  rect: Rect,
  input: unknown,
  what: string,
  apply: (row: number, column: number, value: unknown) => void,
): void {
  if (!Array.isArray(input)) {
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.columns; c++) apply(rect.top + r, rect.left + c, input);
    return;
  }
  if (
    input.length !== rect.rows ||
    input.some((row) => !Array.isArray(row) || row.length !== rect.columns)
  ) {
    // "The dimensions of the array must match the range" (Range.values, formulas, numberFormat:
    // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
    // a mismatch is InvalidArgument at the sync.
    throw new FakeOfficeError(
      'InvalidArgument',
      `Range.${what}`,
      `${what} of ${input.length}x${Array.isArray(input[0]) ? input[0].length : '?'} does not fit range ${rectAddress(rect)} (${rect.rows}x${rect.columns})`,
    );
  }
  for (let r = 0; r < rect.rows; r++)
    for (let c = 0; c < rect.columns; c++) apply(rect.top + r, rect.left + c, input[r][c]);
}

/** Locked cells of a protected sheet refuse new contents (Worksheet.protection, ExcelApi 1.2). */
function assertWritable(sheet: FakeSheet, row: number, column: number): void {
  if (sheet.protection.protected && (sheet.get(row, column)?.locked ?? true)) {
    throw new FakeOfficeError(
      'AccessDenied',
      'Range.values',
      `cell ${sheet.name}!${cellName(row, column)} is locked on a protected sheet`,
    );
  }
}

/**
 * Formats (fill, font, number format, conditional formats) of any cell, locked or not, are
 * refused on a protected sheet unless it was protected with `allowFormatCells: true`
 * (WorksheetProtectionOptions; see {@link formattingAllowed}).
 */
function assertFormattable(sheet: FakeSheet, where: string): void {
  if (!formattingAllowed(sheet.protection)) {
    throw new FakeOfficeError(
      'AccessDenied',
      where,
      `sheet '${sheet.name}' is protected without allowFormatCells`,
    );
  }
}

/**
 * An unqualified this-row structured reference (`[@Col]`, `[@[Col name]]`, `[[#This Row],[Col]]`)
 * names "the cells in the same row as the formula" of the table the formula is in
 * (https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e),
 * so outside a table it is not a valid formula. The Office.js reference says nothing of it; the
 * stand-in refuses it (InvalidArgument) and Diagnostics checks table formulas in real Excel.
 */
const UNQUALIFIED_THIS_ROW = /(^|[^\p{L}\p{N}_.\]\\])\[(@|\[#This Row\])/iu;

function insideTableBody(
  sheet: FakeSheet,
  row: number,
  column: number,
  tables: FakeTable[],
): boolean {
  return tables.some(
    (t) =>
      t.sheet === sheet &&
      row > t.top &&
      row <= t.top + t.bodyRows &&
      column >= t.left &&
      column < t.left + t.columns.length,
  );
}

const PLAIN_NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*$/i;

/**
 * "Total number of characters that a cell can contain: 32,767 characters" (Excel specifications
 * and limits: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * What Office.js does with more is not documented; the stand-in takes the stricter reading and
 * refuses the write (a quote prefix is not part of the text and does not count).
 */
export const CELL_CHARACTER_LIMIT = 32767;

function writeContent(
  sheet: FakeSheet,
  row: number,
  column: number,
  value: unknown,
  model?: FakeWorkbookModel,
): void {
  // null leaves the cell as it is: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
  if (value === null || value === undefined) return;
  if (
    typeof value === 'string' &&
    value.length - (value.startsWith("'") ? 1 : 0) > CELL_CHARACTER_LIMIT
  )
    throw new FakeOfficeError(
      'InvalidArgument',
      'Range.values',
      `${sheet.name}!${cellName(row, column)}: ${value.length} characters, more than a cell holds (${CELL_CHARACTER_LIMIT})`,
    );
  assertWritable(sheet, row, column);
  const existing = sheet.get(row, column);
  if (typeof value === 'string' && existing?.numberFormat === '@') {
    // A cell formatted as Text keeps what is entered as text, exactly: no formula, no number,
    // and (documentation silent, so the stricter reading) a leading apostrophe is kept as a
    // character rather than taken as a quote prefix. "Format numbers as text":
    // https://support.microsoft.com/office/format-numbers-as-text-583160db-9c7c-4b8e-8b6e-7b2ab4b7a3a7
    const cell = sheet.touch(row, column);
    const prefixed = value.startsWith("'") && model?.keepApostropheInTextCells !== true;
    cell.content = prefixed ? value.slice(1) : value;
    cell.isFormula = false;
    cell.quotePrefix = prefixed;
    return;
  }
  if (
    typeof value === 'string' &&
    value.startsWith('=') &&
    model?.refuseThisRowOutsideTable === true &&
    UNQUALIFIED_THIS_ROW.test(value) &&
    !insideTableBody(sheet, row, column, model?.tables ?? [])
  ) {
    throw new FakeOfficeError(
      'InvalidArgument',
      'Range.formulas',
      `${sheet.name}!${cellName(row, column)}: '${value.slice(0, 60)}' uses a this-row table reference outside a table`,
    );
  }
  if (model?.calculationMode === 'Manual') model.staleFormulas = true;
  const cell = sheet.touch(row, column);
  if (
    typeof value === 'string' &&
    value.length > 1 &&
    /^[=+\-@]/.test(value) &&
    !PLAIN_NUMBER.test(value)
  ) {
    // Excel runs what is typed with a leading = + - or @ as a formula (`+A1` is `=+A1`).
    cell.content = value.startsWith('=') ? value : `=${value}`;
    cell.isFormula = true;
    cell.quotePrefix = false;
  } else if (typeof value === 'string' && cell.numberFormat !== '@' && PLAIN_NUMBER.test(value)) {
    // Excel turns text that reads as a number into the number (`007` -> 7).
    cell.content = Number(value);
    cell.isFormula = false;
    cell.quotePrefix = false;
  } else if (
    typeof value === 'string' &&
    cell.numberFormat !== '@' &&
    /^(true|false)$/i.test(value)
  ) {
    cell.content = value.toLowerCase() === 'true';
    cell.isFormula = false;
    cell.quotePrefix = false;
  } else if (typeof value === 'string' && value.startsWith("'")) {
    cell.content = value.slice(1);
    cell.isFormula = false;
    cell.quotePrefix = true;
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    cell.content = value;
    cell.isFormula = false;
    cell.quotePrefix = false;
  } else {
    throw new FakeOfficeError(
      'InvalidArgument',
      'Range.values',
      `cannot write ${typeof value} to a cell`,
    );
  }
}

class FillProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly cells: () => { sheet: FakeSheet; rects: Rect[] },
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    if (name !== 'color') return undefined;
    const { sheet, rects } = this.cells();
    const colors = new Set<string>();
    for (const rect of rects) grid(rect, (r, c) => colors.add(sheet.get(r, c)?.fill ?? '#FFFFFF'));
    return colors.size === 1 ? [...colors][0] : null;
  }
  get color(): string {
    return this.loadedValue('color');
  }
  set color(value: string) {
    this.ctx.queue();
    this.ctx.guard(() => {
      const { sheet, rects } = this.cells();
      assertFormattable(sheet, 'RangeFill.color');
      for (const rect of rects)
        grid(rect, (r, c) => (sheet.touch(r, c).fill = value.toUpperCase()));
    });
  }
  /** Back to No Fill (RangeFill.clear, "Resets the range background"). */
  clear(): void {
    this.ctx.queue();
    this.ctx.guard(() => {
      const { sheet, rects } = this.cells();
      assertFormattable(sheet, 'RangeFill.clear');
      for (const rect of rects)
        grid(rect, (r, c) => {
          const cell = sheet.get(r, c);
          if (cell) delete cell.fill;
        });
    });
  }
}

class FontProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly cells: () => { sheet: FakeSheet; rects: Rect[] },
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    const { sheet, rects } = this.cells();
    const cell = sheet.get(rects[0].top, rects[0].left);
    return name === 'bold'
      ? (cell?.bold ?? false)
      : name === 'color'
        ? (cell?.fontColor ?? '#000000')
        : undefined;
  }
  private each(apply: (cell: FakeCell) => void): void {
    this.ctx.queue();
    this.ctx.guard(() => {
      const { sheet, rects } = this.cells();
      assertFormattable(sheet, 'RangeFont');
      for (const rect of rects) grid(rect, (r, c) => apply(sheet.touch(r, c)));
    });
  }
  set bold(value: boolean) {
    this.each((cell) => (cell.bold = value));
  }
  get bold(): boolean {
    return this.loadedValue('bold');
  }
  set color(value: string) {
    this.each((cell) => (cell.fontColor = value.toUpperCase()));
  }
  get color(): string {
    return this.loadedValue('color');
  }
  set italic(_value: boolean) {
    this.each(() => undefined);
  }
}

class CellProtectionProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly cells: () => { sheet: FakeSheet; rects: Rect[] },
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    if (name !== 'locked') return undefined;
    const { sheet, rects } = this.cells();
    const states = new Set<boolean>();
    for (const rect of rects) grid(rect, (r, c) => states.add(sheet.get(r, c)?.locked ?? true));
    return states.size === 1 ? [...states][0] : null;
  }
  get locked(): boolean {
    return this.loadedValue('locked');
  }
  set locked(value: boolean) {
    this.ctx.queue();
    this.ctx.guard(() => {
      const { sheet, rects } = this.cells();
      // Locking is part of protection: even allowFormatCells does not let cells be unlocked.
      if (sheet.protection.protected)
        throw new FakeOfficeError(
          'AccessDenied',
          'FormatProtection.locked',
          'unprotect the sheet before changing locked cells',
        );
      for (const rect of rects) grid(rect, (r, c) => (sheet.touch(r, c).locked = value));
    });
  }
}

class FormatProxy extends ClientObject {
  readonly fill: FillProxy;
  readonly font: FontProxy;
  readonly protection: CellProtectionProxy;
  constructor(ctx: FakeContextCore, cells: () => { sheet: FakeSheet; rects: Rect[] }) {
    super(ctx);
    this.fill = new FillProxy(ctx, cells);
    this.font = new FontProxy(ctx, cells);
    this.protection = new CellProtectionProxy(ctx, cells);
  }
  protected readProperty(): unknown {
    return undefined;
  }
  autofitColumns(): void {
    this.ctx.queue();
  }
  set columnWidth(_value: number) {
    this.ctx.queue();
  }
  set horizontalAlignment(_value: string) {
    this.ctx.queue();
  }
  set wrapText(_value: boolean) {
    this.ctx.queue();
  }
}

class DataValidationProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly sheet: FakeSheet,
    private readonly rect: () => Rect,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    const rect = this.rect();
    const found = this.sheet.validations.find(
      (v) => v.rect.top === rect.top && v.rect.left === rect.left,
    );
    return name === 'rule' ? found?.rule : undefined;
  }
  get rule(): unknown {
    return this.loadedValue('rule');
  }
  set rule(rule: unknown) {
    this.ctx.queue(payloadBytes(rule));
    this.sheet.validations.push({ rect: this.rect(), rule });
  }
  set errorAlert(_value: unknown) {
    this.ctx.queue();
  }
  set prompt(_value: unknown) {
    this.ctx.queue();
  }
  clear(): void {
    this.ctx.queue();
    const r = this.rect();
    this.sheet.validations = this.sheet.validations.filter(
      (v) =>
        v.rect.top >= r.top + r.rows ||
        v.rect.top + v.rect.rows <= r.top ||
        v.rect.left >= r.left + r.columns ||
        v.rect.left + v.rect.columns <= r.left,
    );
  }
}

/** A conditional format's sub-rule (textComparison, cellValue, custom): format + rule. */
class ConditionalRuleProxy {
  readonly format: { fill: { color: string }; font: { color: string } };
  constructor(ctx: FakeContextCore, record: { fill?: string; fontColor?: string; rule?: unknown }) {
    this.format = {
      fill: {
        set color(value: string) {
          ctx.queue();
          record.fill = value;
        },
        get color(): string {
          return record.fill ?? '';
        },
      },
      font: {
        set color(value: string) {
          ctx.queue();
          record.fontColor = value;
        },
        get color(): string {
          return record.fontColor ?? '';
        },
      },
    };
    Object.defineProperty(this, 'rule', {
      set(value: unknown) {
        ctx.queue(payloadBytes(value));
        record.rule = value;
      },
      get() {
        return record.rule;
      },
    });
  }
}

class ConditionalFormatCollectionProxy {
  constructor(
    private readonly ctx: FakeContextCore,
    private readonly sheet: FakeSheet,
    private readonly rect: () => Rect,
  ) {}
  add(type: string): {
    textComparison: ConditionalRuleProxy;
    cellValue: ConditionalRuleProxy;
    custom: ConditionalRuleProxy & { rule: { formula: string } };
  } {
    this.ctx.queue();
    const record: { rect: Rect; type: string; fill?: string; fontColor?: string; rule?: unknown } =
      { rect: this.rect(), type };
    this.ctx.guard(() => {
      assertFormattable(this.sheet, 'ConditionalFormatCollection.add');
      this.sheet.conditionalFormats.push(record);
    });
    const ruleProxy = new ConditionalRuleProxy(this.ctx, record);
    const ctx = this.ctx;
    const custom = Object.assign(Object.create(ruleProxy) as ConditionalRuleProxy, {
      rule: {
        set formula(value: string) {
          ctx.queue();
          record.rule = { formula: value };
        },
        get formula(): string {
          return (record.rule as { formula?: string } | undefined)?.formula ?? '';
        },
      },
    });
    return { textComparison: ruleProxy, cellValue: ruleProxy, custom };
  }
  clearAll(): void {
    this.ctx.queue();
    this.ctx.guard(() => {
      assertFormattable(this.sheet, 'ConditionalFormatCollection.clearAll');
      const r = this.rect();
      this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter(
        (f) => !(f.rect.top >= r.top && f.rect.left >= r.left && f.rect.top < r.top + r.rows),
      );
    });
  }
}

/** Result of getCellProperties: `value` readable after sync. */
class CellPropertiesResult extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly produce: () => unknown,
  ) {
    super(ctx);
    this.load('value');
  }
  protected readProperty(): unknown {
    return this.produce();
  }
  get value(): unknown[][] {
    return this.loadedValue('value');
  }
}

export class RangeProxy extends ClientObject {
  readonly format: FormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    ctx: FakeContextCore,
    readonly sheetModel: FakeSheet,
    private readonly rectOf: () => Rect | undefined,
    private readonly nullable = false,
  ) {
    super(ctx);
    const cells = () => ({ sheet: this.sheetModel, rects: [this.rect] });
    this.format = new FormatProxy(ctx, cells);
    this.dataValidation = new DataValidationProxy(ctx, sheetModel, () => this.rect);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(
      ctx,
      sheetModel,
      () => this.rect,
    );
  }

  /** The block this proxy points at now (table ranges follow the table as it grows). */
  get rect(): Rect {
    const rect = this.rectOf();
    if (!rect) throw new FakeOfficeError('ItemNotFound', 'Range', 'the range is a null object');
    return rect;
  }

  protected readProperty(name: string): unknown {
    const rect = this.rectOf();
    if (name === 'isNullObject') return rect === undefined;
    if (!rect) return undefined;
    const sheet = this.sheetModel;
    if (
      rect.rows * rect.columns > GET_CELL_LIMIT &&
      (name === 'values' ||
        name === 'formulas' ||
        name === 'text' ||
        name === 'numberFormat' ||
        name === 'valueTypes')
    )
      return null;
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'addressLocal':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'values':
        return grid(rect, (r, c) => cellValue(sheet.get(r, c)));
      case 'formulas':
        return grid(rect, (r, c) => cellFormula(sheet.get(r, c)));
      case 'text':
        return grid(rect, (r, c) => String(cellValue(sheet.get(r, c))));
      case 'numberFormat':
        return grid(rect, (r, c) => sheet.get(r, c)?.numberFormat ?? 'General');
      case 'valueTypes':
        return grid(rect, (r, c) => {
          const v = cellValue(sheet.get(r, c));
          return v === ''
            ? 'Empty'
            : typeof v === 'number'
              ? 'Double'
              : typeof v === 'boolean'
                ? 'Boolean'
                : 'String';
        });
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'cellCount':
        return rect.rows * rect.columns;
      default:
        return undefined;
    }
  }

  get isNullObject(): boolean {
    return this.loadedValue('isNullObject');
  }
  override load(spec?: LoadSpec): this {
    super.load(spec);
    if (this.nullable) super.load('isNullObject');
    return this;
  }
  get address(): string {
    return this.loadedValue('address');
  }
  get values(): CellValue[][] {
    return this.loadedValue('values');
  }
  set values(input: unknown) {
    this.ctx.queue(payloadBytes(input));
    this.ctx.guard(() =>
      forEachInput(this.rect, input, 'values', (r, c, v) =>
        writeContent(this.sheetModel, r, c, v, this.ctx.model),
      ),
    );
  }
  get formulas(): CellValue[][] {
    return this.loadedValue('formulas');
  }
  set formulas(input: unknown) {
    this.ctx.queue(payloadBytes(input));
    this.ctx.guard(() =>
      forEachInput(this.rect, input, 'formulas', (r, c, v) =>
        writeContent(this.sheetModel, r, c, v, this.ctx.model),
      ),
    );
  }
  get numberFormat(): string[][] {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(input: unknown) {
    this.ctx.queue(payloadBytes(input));
    this.ctx.guard(() => {
      assertFormattable(this.sheetModel, 'Range.numberFormat');
      forEachInput(this.rect, input, 'numberFormat', (r, c, v) => {
        if (v === null || v === undefined) return;
        this.sheetModel.touch(r, c).numberFormat = String(v);
      });
    });
  }
  get text(): string[][] {
    return this.loadedValue('text');
  }
  get valueTypes(): string[][] {
    return this.loadedValue('valueTypes');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.sheetModel);
  }

  private sub(make: (rect: Rect) => Rect): RangeProxy {
    this.ctx.queue();
    // Like Office.js, a range taken from a null object is a null object too.
    return new RangeProxy(
      this.ctx,
      this.sheetModel,
      () => {
        const rect = this.rectOf();
        return rect ? make(rect) : undefined;
      },
      this.nullable,
    );
  }
  getCell(row: number, column: number): RangeProxy {
    return this.sub((r) => ({ top: r.top + row, left: r.left + column, rows: 1, columns: 1 }));
  }
  getRow(row: number): RangeProxy {
    return this.sub((r) => ({ top: r.top + row, left: r.left, rows: 1, columns: r.columns }));
  }
  getColumn(column: number): RangeProxy {
    return this.sub((r) => ({ top: r.top, left: r.left + column, rows: r.rows, columns: 1 }));
  }
  getLastRow(): RangeProxy {
    return this.sub((r) => ({
      top: r.top + r.rows - 1,
      left: r.left,
      rows: 1,
      columns: r.columns,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.sub((r) => ({ ...r, rows: r.rows + deltaRows, columns: r.columns + deltaColumns }));
  }
  getAbsoluteResizedRange(rows: number, columns: number): RangeProxy {
    return this.sub((r) => ({ ...r, rows, columns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.sub((r) => ({ ...r, top: r.top + rowOffset, left: r.left + columnOffset }));
  }
  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    this.ctx.queue();
    return new RangeProxy(
      this.ctx,
      this.sheetModel,
      () => {
        const a = this.rectOf();
        const b = other.rectOf();
        if (!a || !b || other.sheetModel !== this.sheetModel) return undefined;
        const top = Math.max(a.top, b.top);
        const left = Math.max(a.left, b.left);
        const bottom = Math.min(a.top + a.rows, b.top + b.rows);
        const right = Math.min(a.left + a.columns, b.left + b.columns);
        return bottom > top && right > left
          ? { top, left, rows: bottom - top, columns: right - left }
          : undefined;
      },
      true,
    );
  }
  /**
   * Cell formats, as Excel reports them. "No Fill" reads back as color #FFFFFF, the same as a
   * solid white fill, with no pattern to tell them apart (office-js #6218, #4900:
   * https://github.com/OfficeDev/office-js/issues/6218, https://github.com/OfficeDev/office-js/issues/4900).
   * Only `tintAndShade` differs: null for No Fill and a number for a colour, per the maintainer
   * in #4900; the stand-in reports that, and Diagnostics checks it in real Excel.
   */
  getCellProperties(_options: unknown): CellPropertiesResult {
    this.ctx.queue();
    return new CellPropertiesResult(this.ctx, () =>
      grid(this.rect, (r, c) => {
        const fill = this.sheetModel.get(r, c)?.fill;
        return {
          address: `${quoteSheet(this.sheetModel.name)}!${cellName(r, c)}`,
          format: {
            fill: { color: fill ?? '#FFFFFF', pattern: null, tintAndShade: fill ? 0 : null },
          },
        };
      }),
    );
  }
  select(): void {
    this.ctx.queue();
    this.ctx.model.selection = { sheet: this.sheetModel, rect: this.rect };
    this.ctx.model.activeSheet = this.sheetModel;
  }
  clear(_applyTo?: string): void {
    this.ctx.queue();
    this.ctx.guard(() => {
      const rect = this.rect;
      grid(rect, (r, c) => assertWritable(this.sheetModel, r, c));
      grid(rect, (r, c) => this.sheetModel.cells.delete(FakeSheet.key(r, c)));
    });
  }
}

export class RangeAreasProxy extends ClientObject {
  readonly format: FormatProxy;
  constructor(
    ctx: FakeContextCore,
    private readonly sheetModel: FakeSheet,
    private readonly rects: Rect[],
  ) {
    super(ctx);
    this.format = new FormatProxy(ctx, () => ({ sheet: sheetModel, rects }));
  }
  protected readProperty(name: string): unknown {
    if (name === 'address')
      return this.rects
        .map((r) => `${quoteSheet(this.sheetModel.name)}!${rectAddress(r)}`)
        .join(',');
    if (name === 'areaCount') return this.rects.length;
    if (name === 'cellCount') return this.rects.reduce((n, r) => n + r.rows * r.columns, 0);
    return undefined;
  }
  get address(): string {
    return this.loadedValue('address');
  }
  get areaCount(): number {
    return this.loadedValue('areaCount');
  }
}

class SheetProtectionProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly sheet: FakeSheet,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    return name === 'protected'
      ? this.sheet.protection.protected
      : name === 'options'
        ? this.sheet.protection.options
        : undefined;
  }
  get protected(): boolean {
    return this.loadedValue('protected');
  }
  get options(): unknown {
    return this.loadedValue('options');
  }
  protect(options?: unknown, password?: string): void {
    this.ctx.queue();
    if (this.sheet.protection.protected) {
      this.ctx.fail(
        new FakeOfficeError(
          'InvalidOperation',
          'WorksheetProtection.protect',
          'the sheet is already protected',
        ),
      );
      return;
    }
    this.sheet.protection = { protected: true, options, password };
  }
  unprotect(password?: string): void {
    this.ctx.queue();
    if (this.sheet.protection.password && this.sheet.protection.password !== password) {
      this.ctx.fail(
        new FakeOfficeError('InvalidArgument', 'WorksheetProtection.unprotect', 'wrong password'),
      );
      return;
    }
    this.sheet.protection = { protected: false };
  }
}

/** A chart's series (ExcelApi 1.1): their count, as the layout rule above made them. */
class ChartSeriesCollectionProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly record: FakeChart,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    return name === 'count' ? (this.record.series?.length ?? 0) : undefined;
  }
  get count(): number {
    return this.loadedValue('count');
  }
}

class ChartProxy {
  readonly title: { text: string };
  readonly legend: { position: string; visible: boolean };
  readonly series: ChartSeriesCollectionProxy;
  constructor(
    private readonly ctx: FakeContextCore,
    private readonly record: FakeChart,
  ) {
    this.series = new ChartSeriesCollectionProxy(ctx, record);
    this.title = {
      set text(value: string) {
        ctx.queue();
        record.title = value;
      },
      get text(): string {
        return record.title ?? '';
      },
    };
    this.legend = { position: 'Right', visible: true };
  }
  set name(value: string) {
    this.ctx.queue();
    this.record.name = value;
  }
  get name(): string {
    return this.record.name;
  }
  setPosition(_start: unknown, _end?: unknown): void {
    this.ctx.queue();
  }
  /** Chart.setData (ExcelApi 1.1): new source data, laid out by the same rule as add. */
  setData(source: RangeProxy, seriesBy?: string): void {
    this.ctx.queue();
    this.record.source = `${quoteSheet(source.sheetModel.name)}!${rectAddress(source.rect)}`;
    this.record.seriesBy = seriesBy;
    // Assigned in place, so a chart set back to its data reads exactly as before.
    const layout = chartLayout(source.sheetModel, source.rect, seriesBy);
    if (layout.categories) this.record.categories = layout.categories;
    else delete this.record.categories;
    if (layout.series) this.record.series = layout.series;
    else delete this.record.series;
  }
}

class TableColumnProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly table: FakeTable,
    private readonly index: () => number,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    return name === 'name'
      ? this.table.columns[this.index()]
      : name === 'index'
        ? this.index()
        : undefined;
  }
  get name(): string {
    return this.loadedValue('name');
  }
  private part(part: 'header' | 'body' | 'totals' | 'all'): RangeProxy {
    this.ctx.queue();
    return new RangeProxy(this.ctx, this.table.sheet, () => {
      const rect = FakeWorkbookModel.tableRect(this.table, part);
      return { ...rect, left: rect.left + this.index(), columns: 1 };
    });
  }
  getDataBodyRange(): RangeProxy {
    return this.part('body');
  }
  getHeaderRowRange(): RangeProxy {
    return this.part('header');
  }
  getTotalRowRange(): RangeProxy {
    return this.part('totals');
  }
  getRange(): RangeProxy {
    return this.part('all');
  }
}

class TableColumnCollectionProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly table: FakeTable,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    if (name === 'count') return this.table.columns.length;
    if (name === 'items') {
      return this.table.columns.map((_n, i) => {
        const column = new TableColumnProxy(this.ctx, this.table, () => i);
        column.load('name, index');
        return column;
      });
    }
    return undefined;
  }
  get items(): TableColumnProxy[] {
    return this.loadedValue('items');
  }
  get count(): number {
    return this.loadedValue('count');
  }
  getItem(name: string): TableColumnProxy {
    this.ctx.queue();
    const index = () => {
      const i = this.table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
      if (i < 0)
        throw new FakeOfficeError(
          'ItemNotFound',
          'TableColumnCollection.getItem',
          `table '${this.table.name}' has no column '${name}'`,
        );
      return i;
    };
    if (!this.table.columns.some((c) => c.toLowerCase() === name.toLowerCase())) {
      this.ctx.fail(
        new FakeOfficeError(
          'ItemNotFound',
          'TableColumnCollection.getItem',
          `table '${this.table.name}' has no column '${name}'`,
        ),
      );
    }
    return new TableColumnProxy(this.ctx, this.table, index);
  }
  getItemAt(index: number): TableColumnProxy {
    this.ctx.queue();
    return new TableColumnProxy(this.ctx, this.table, () => index);
  }
}

class TableRowCollectionProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly table: FakeTable,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    return name === 'count' ? this.table.bodyRows : undefined;
  }
  get count(): number {
    return this.loadedValue('count');
  }
  /** Adds rows at the end of the body (above the totals row); cells below shift down as in Excel. */
  add(index?: number | null, values?: unknown[][]): void {
    this.ctx.queue(payloadBytes(values));
    const table = this.table;
    if (index !== undefined && index !== null)
      throw new Error('fake-excel: rows.add supports appending only (index null)');
    this.ctx.guard(() => {
      if (this.ctx.model.coauthoring) {
        // "Adds rows to tables using TableRowCollection.add (risk of merge conflicts)":
        // https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins .
        // No code is documented; the stand-in refuses with Excel.ErrorCodes.conflict (stricter).
        throw new FakeOfficeError(
          'Conflict',
          'TableRowCollection.add',
          'others are editing the workbook',
        );
      }
      const rows = values ? values.length : 1;
      const insertAt = table.top + 1 + table.bodyRows;
      const rect: Rect = { top: insertAt, left: table.left, rows, columns: table.columns.length };
      if (values) forEachInput(rect, values, 'row values', () => undefined); // shape first
      table.sheet.shiftDown(insertAt, table.left, table.columns.length, rows);
      table.bodyRows += rows;
      if (values)
        forEachInput(rect, values, 'row values', (r, c, v) =>
          writeContent(table.sheet, r, c, v, this.ctx.model),
        );
    });
  }
  /**
   * One body row by its 0-based index (TableRowCollection.getItemAt, ExcelApi 1.1:
   * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-getitemat-member(1)).
   */
  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.ctx, this.table, index);
  }
}

/**
 * A table body row. `delete()` removes it and the cells below it in the table's columns move up
 * (TableRow.delete, ExcelApi 1.1:
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerow#excel-excel-tablerow-delete-member(1)).
 */
class TableRowProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly table: FakeTable,
    private readonly index: number,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    return name === 'index' ? this.index : undefined;
  }
  delete(): void {
    this.ctx.queue();
    const table = this.table;
    this.ctx.guard(() => {
      if (this.index < 0 || this.index >= table.bodyRows)
        throw new FakeOfficeError('InvalidArgument', 'TableRow.delete', 'no such row in the table');
      const row = table.top + 1 + this.index;
      table.sheet.shiftUp(row, table.left, table.columns.length, 1);
      table.bodyRows -= 1;
    });
  }
}

export class TableProxy extends ClientObject {
  readonly columns: TableColumnCollectionProxy;
  readonly rows: TableRowCollectionProxy;
  constructor(
    ctx: FakeContextCore,
    readonly tableModel: FakeTable,
    private readonly nullable = false,
    private readonly missing = false,
  ) {
    super(ctx);
    this.columns = new TableColumnCollectionProxy(ctx, tableModel);
    this.rows = new TableRowCollectionProxy(ctx, tableModel);
  }
  protected readProperty(name: string): unknown {
    if (name === 'isNullObject') return this.missing;
    if (name === 'name') return this.tableModel.name;
    if (name === 'showTotals') return this.tableModel.showTotals;
    return undefined;
  }
  override load(spec?: LoadSpec): this {
    super.load(spec);
    if (this.nullable) super.load('isNullObject');
    return this;
  }
  get isNullObject(): boolean {
    return this.loadedValue('isNullObject');
  }
  get name(): string {
    return this.loadedValue('name');
  }
  set name(value: string) {
    this.ctx.queue();
    this.ctx.guard(() => {
      const problem = tableNameProblem(value);
      if (problem) throw new FakeOfficeError('InvalidArgument', 'Table.name', problem);
      const other = this.ctx.model.findTable(value);
      if (other && other !== this.tableModel)
        throw new FakeOfficeError(
          'InvalidArgument',
          'Table.name',
          `a table named '${value}' already exists`,
        );
      this.tableModel.name = value;
    });
  }
  get showTotals(): boolean {
    return this.loadedValue('showTotals');
  }
  set showTotals(value: boolean) {
    this.ctx.queue();
    const table = this.tableModel;
    if (value === table.showTotals) return;
    table.showTotals = value;
    const totalsRow = table.top + 1 + table.bodyRows;
    if (value) writeContent(table.sheet, totalsRow, table.left, 'Total', this.ctx.model);
    else
      for (let c = 0; c < table.columns.length; c++)
        table.sheet.cells.delete(FakeSheet.key(totalsRow, table.left + c));
  }
  set style(_value: string) {
    this.ctx.queue();
  }
  set showBandedRows(_value: boolean) {
    this.ctx.queue();
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.tableModel.sheet);
  }
  private part(part: 'header' | 'body' | 'totals' | 'all'): RangeProxy {
    this.ctx.queue();
    return new RangeProxy(this.ctx, this.tableModel.sheet, () =>
      FakeWorkbookModel.tableRect(this.tableModel, part),
    );
  }
  getRange(): RangeProxy {
    return this.part('all');
  }
  getHeaderRowRange(): RangeProxy {
    return this.part('header');
  }
  getDataBodyRange(): RangeProxy {
    return this.part('body');
  }
  getTotalRowRange(): RangeProxy {
    return this.part('totals');
  }
  delete(): void {
    this.ctx.queue();
    const i = this.ctx.model.tables.indexOf(this.tableModel);
    if (i >= 0) this.ctx.model.tables.splice(i, 1);
  }
}

const GHOST_TABLE = (sheet: FakeSheet): FakeTable => ({
  name: '',
  sheet,
  top: 0,
  left: 0,
  columns: [],
  bodyRows: 0,
  showTotals: false,
});

export class TableCollectionProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly sheet?: FakeSheet,
  ) {
    super(ctx);
  }
  private list(): FakeTable[] {
    return this.ctx.model.tables.filter((t) => !this.sheet || t.sheet === this.sheet);
  }
  protected readProperty(name: string): unknown {
    if (name === 'count') return this.list().length;
    if (name === 'items')
      return this.list().map((t) => new TableProxy(this.ctx, t).load('name, showTotals'));
    return undefined;
  }
  get items(): TableProxy[] {
    return this.loadedValue('items');
  }
  get count(): number {
    return this.loadedValue('count');
  }
  /** TableCollection.add(address: Range | string, hasHeaders). */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    this.ctx.queue();
    if (address instanceof RangeProxy) {
      const source = address;
      let made: FakeTable | undefined;
      this.ctx.guard(() => {
        made = this.addTable(source.sheetModel, source.rect, hasHeaders);
      });
      return new TableProxy(this.ctx, made ?? GHOST_TABLE(source.sheetModel));
    }
    const { sheet: sheetName, local } = splitSheet(address);
    const sheet =
      this.sheet ?? (sheetName ? this.ctx.model.findSheet(sheetName) : this.ctx.model.activeSheet);
    const rect = parseRect(local);
    const ghost = GHOST_TABLE(sheet ?? new FakeSheet('(missing)', ''));
    let made: FakeTable | undefined;
    this.ctx.guard(() => {
      if (!sheet)
        throw new FakeOfficeError(
          'ItemNotFound',
          'TableCollection.add',
          `no sheet for table address '${address}'`,
        );
      made = this.addTable(sheet, rect, hasHeaders);
    });
    return new TableProxy(this.ctx, made ?? ghost);
  }
  private addTable(sheet: FakeSheet, rect: Rect, hasHeaders: boolean): FakeTable {
    if (sheet.protection.protected)
      throw new FakeOfficeError(
        'AccessDenied',
        'TableCollection.add',
        `sheet '${sheet.name}' is protected`,
      );
    for (const t of this.ctx.model.tables) {
      const other = FakeWorkbookModel.tableRect(t, 'all');
      const overlaps =
        t.sheet === sheet &&
        rect.top < other.top + other.rows &&
        other.top < rect.top + rect.rows &&
        rect.left < other.left + other.columns &&
        other.left < rect.left + rect.columns;
      if (overlaps)
        throw new FakeOfficeError(
          'InvalidOperation',
          'TableCollection.add',
          `a table cannot overlap table '${t.name}'`,
        );
    }
    const columns: string[] = [];
    for (let c = 0; c < rect.columns; c++) {
      const header = hasHeaders ? String(cellValue(sheet.get(rect.top, rect.left + c))) : '';
      columns.push(header === '' ? `Column${c + 1}` : header);
    }
    const top = hasHeaders ? rect.top : rect.top - 1;
    if (!hasHeaders)
      columns.forEach((name, c) => writeContent(sheet, top, rect.left + c, name, this.ctx.model));
    const bodyRows = Math.max(1, hasHeaders ? rect.rows - 1 : rect.rows);
    let n = this.ctx.model.tables.length + 1;
    while (this.ctx.model.findTable(`Table${n}`)) n++;
    const table: FakeTable = {
      name: `Table${n}`,
      sheet,
      top,
      left: rect.left,
      columns,
      bodyRows,
      showTotals: false,
    };
    this.ctx.model.tables.push(table);
    return table;
  }
  getItem(name: string): TableProxy {
    this.ctx.queue();
    const table = this.list().find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) {
      this.ctx.fail(
        new FakeOfficeError(
          'ItemNotFound',
          'TableCollection.getItem',
          `there is no table named '${name}'`,
        ),
      );
      return new TableProxy(this.ctx, GHOST_TABLE(new FakeSheet('(missing)', '')), false, true);
    }
    return new TableProxy(this.ctx, table);
  }
  getItemOrNullObject(name: string): TableProxy {
    this.ctx.queue();
    const table = this.list().find((t) => t.name.toLowerCase() === name.toLowerCase());
    return table
      ? new TableProxy(this.ctx, table, true)
      : new TableProxy(this.ctx, GHOST_TABLE(new FakeSheet('(missing)', '')), true, true);
  }
}

/** Excel.ChartType values the add-in may use (https://learn.microsoft.com/javascript/api/excel/excel.charttype). */
const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'BarClustered',
  'Line',
  'LineMarkers',
  'Pie',
  'XYScatter',
  'Area',
]);

/**
 * How Excel lays out a chart of a block by columns (ChartCollection.add with seriesBy 'Columns',
 * https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)):
 * the header row names the series, and the first column becomes the category axis only when it
 * holds labels. A first column of plain numbers is plotted as one more series, with 1, 2, 3 as
 * categories (Excel's auto-detection of a category column: text labels make a category axis,
 * numbers are values; https://sailero.com/by-default-excel-will-plot-the-x-axis-based-on and
 * Jon Peltier on line charts' category axes, http://peltiertech.com/tag/xy-chart/). The stand-in models
 * that rule so a chart of periods written as numbers (3, 6, 8) fails its test, as it would look
 * wrong in Excel. Formulas count as labels here: the stand-in does not evaluate them.
 */
function chartLayout(
  sheet: FakeSheet,
  rect: { top: number; left: number; rows: number; columns: number },
  seriesBy?: string,
): Pick<FakeChart, 'categories' | 'series'> {
  if (seriesBy !== 'Columns' || rect.rows < 2) return {};
  const text = (row: number, column: number) => {
    const cell = sheet.get(row, column);
    return cell === undefined ? '' : String(cell.content);
  };
  const firstColumn = Array.from({ length: rect.rows - 1 }, (_, i) =>
    sheet.get(rect.top + 1 + i, rect.left),
  );
  const labels =
    rect.columns > 1 &&
    firstColumn.every((cell) => !cell || cell.isFormula || typeof cell.content !== 'number');
  const seriesColumns = Array.from({ length: rect.columns }, (_, c) => rect.left + c).slice(
    labels ? 1 : 0,
  );
  return {
    ...(labels ? { categories: firstColumn.map((_, i) => text(rect.top + 1 + i, rect.left)) } : {}),
    series: seriesColumns.map((column) => text(rect.top, column)),
  };
}

class ChartCollectionProxy extends ClientObject {
  constructor(
    ctx: FakeContextCore,
    private readonly sheet: FakeSheet,
  ) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    if (name === 'count') return this.sheet.charts.length;
    // ChartCollection.items (ExcelApi 1.1), read only after load('items') and sync.
    if (name === 'items')
      return this.sheet.charts.map((record) => new ChartProxy(this.ctx, record));
    return undefined;
  }
  get count(): number {
    return this.loadedValue('count');
  }
  get items(): ChartProxy[] {
    return this.loadedValue('items');
  }
  /** ChartCollection.getItem (ExcelApi 1.1): ItemNotFound at sync when there is none by that name. */
  getItem(name: string): ChartProxy {
    this.ctx.queue();
    const record = this.sheet.charts.find((chart) => chart.name === name);
    if (record) return new ChartProxy(this.ctx, record);
    this.ctx.fail(new FakeOfficeError('ItemNotFound', 'ChartCollection.getItem', name));
    return new ChartProxy(this.ctx, { name, type: 'ColumnClustered', source: '' });
  }
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    this.ctx.queue();
    // `type` must be an Excel.ChartType value, else InvalidArgument:
    // https://learn.microsoft.com/javascript/api/excel/excel.charttype
    if (!CHART_TYPES.has(type))
      this.ctx.fail(new FakeOfficeError('InvalidArgument', 'ChartCollection.add', `type ${type}`));
    const record: FakeChart = {
      name: `Chart ${this.sheet.charts.length + 1}`,
      type,
      source: `${quoteSheet(source.sheetModel.name)}!${rectAddress(source.rect)}`,
      seriesBy,
      ...chartLayout(source.sheetModel, source.rect, seriesBy),
    };
    this.sheet.charts.push(record);
    return new ChartProxy(this.ctx, record);
  }
}

export class WorksheetProxy extends ClientObject {
  readonly protection: SheetProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: {
    freezeRows(n: number): void;
    freezeColumns(n: number): void;
    unfreeze(): void;
  };

  constructor(
    ctx: FakeContextCore,
    readonly sheetModel: FakeSheet,
    private readonly nullable = false,
    private readonly missing = false,
  ) {
    super(ctx);
    this.protection = new SheetProtectionProxy(ctx, sheetModel);
    this.tables = new TableCollectionProxy(ctx, sheetModel);
    this.charts = new ChartCollectionProxy(ctx, sheetModel);
    this.freezePanes = {
      freezeRows: (n: number) => {
        ctx.queue();
        sheetModel.frozenRows = n;
      },
      freezeColumns: (n: number) => {
        ctx.queue();
        sheetModel.frozenColumns = n;
      },
      unfreeze: () => {
        ctx.queue();
        sheetModel.frozenRows = 0;
        sheetModel.frozenColumns = 0;
      },
    };
  }
  protected readProperty(name: string): unknown {
    switch (name) {
      case 'isNullObject':
        return this.missing;
      case 'name':
        return this.sheetModel.name;
      case 'id':
        return this.sheetModel.id;
      case 'visibility':
        return this.sheetModel.visibility;
      case 'position':
        return this.ctx.model.sheets.indexOf(this.sheetModel);
      default:
        return undefined;
    }
  }
  override load(spec?: LoadSpec): this {
    super.load(spec);
    if (this.nullable) super.load('isNullObject');
    return this;
  }
  get isNullObject(): boolean {
    return this.loadedValue('isNullObject');
  }
  get name(): string {
    return this.loadedValue('name');
  }
  set name(value: string) {
    this.ctx.queue();
    this.ctx.guard(() => {
      const problem = sheetNameProblem(value);
      if (problem) throw new FakeOfficeError('InvalidArgument', 'Worksheet.name', problem);
      const other = this.ctx.model.findSheet(value);
      if (other && other !== this.sheetModel)
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          'Worksheet.name',
          `a sheet named '${value}' already exists`,
        );
      this.sheetModel.name = value;
    });
  }
  get id(): string {
    return this.loadedValue('id');
  }
  get visibility(): string {
    return this.loadedValue('visibility');
  }
  set visibility(value: string) {
    this.ctx.queue();
    this.sheetModel.visibility = value;
  }
  set position(value: number) {
    this.ctx.queue();
    const sheets = this.ctx.model.sheets;
    sheets.splice(sheets.indexOf(this.sheetModel), 1);
    sheets.splice(Math.min(value, sheets.length), 0, this.sheetModel);
  }
  set tabColor(_value: string) {
    this.ctx.queue();
  }
  getRange(address?: string): RangeProxy {
    this.ctx.queue();
    if (!address)
      return new RangeProxy(this.ctx, this.sheetModel, () => ({
        top: 0,
        left: 0,
        rows: 1048576,
        columns: 16384,
      }));
    const rect = parseRect(splitSheet(address).local);
    return new RangeProxy(this.ctx, this.sheetModel, () => rect);
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    this.ctx.queue();
    return new RangeProxy(this.ctx, this.sheetModel, () => ({
      top: row,
      left: column,
      rows,
      columns,
    }));
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getRanges(address: string): RangeAreasProxy {
    this.ctx.queue(address.length);
    const rects = address.split(/[,;]/).map((part) => parseRect(splitSheet(part.trim()).local));
    return new RangeAreasProxy(this.ctx, this.sheetModel, rects);
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    this.ctx.queue();
    // Excel returns A1 for an empty sheet.
    return new RangeProxy(
      this.ctx,
      this.sheetModel,
      () => this.sheetModel.usedRect(valuesOnly) ?? { top: 0, left: 0, rows: 1, columns: 1 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.ctx.queue();
    return new RangeProxy(
      this.ctx,
      this.sheetModel,
      () => this.sheetModel.usedRect(valuesOnly),
      true,
    );
  }
  activate(): void {
    this.ctx.queue();
    this.ctx.model.activeSheet = this.sheetModel;
  }
  delete(): void {
    this.ctx.queue();
    this.ctx.model.deleteSheet(this.sheetModel);
  }
}

export class WorksheetCollectionProxy extends ClientObject {
  protected readProperty(name: string): unknown {
    if (name === 'count') return this.ctx.model.sheets.length;
    if (name === 'items')
      return this.ctx.model.sheets.map((s) =>
        new WorksheetProxy(this.ctx, s).load('name, visibility, id'),
      );
    return undefined;
  }
  get items(): WorksheetProxy[] {
    return this.loadedValue('items');
  }
  get count(): number {
    return this.loadedValue('count');
  }
  add(name?: string): WorksheetProxy {
    this.ctx.queue();
    let sheetName = name;
    if (!sheetName) {
      let n = this.ctx.model.sheets.length + 1;
      while (this.ctx.model.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    let added: FakeSheet | undefined;
    const wanted = sheetName;
    this.ctx.guard(() => {
      added = this.ctx.model.addSheet(wanted);
    });
    return new WorksheetProxy(this.ctx, added ?? new FakeSheet(sheetName, ''), false, !added);
  }
  getItem(name: string): WorksheetProxy {
    this.ctx.queue();
    const sheet = this.ctx.model.findSheet(name);
    if (!sheet) {
      this.ctx.fail(
        new FakeOfficeError(
          'ItemNotFound',
          'WorksheetCollection.getItem',
          `there is no sheet named '${name}'`,
        ),
      );
      return new WorksheetProxy(this.ctx, new FakeSheet(name, ''), false, true);
    }
    return new WorksheetProxy(this.ctx, sheet);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.queue();
    const sheet = this.ctx.model.findSheet(name);
    return sheet
      ? new WorksheetProxy(this.ctx, sheet, true)
      : new WorksheetProxy(this.ctx, new FakeSheet(name, ''), true, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    this.ctx.queue();
    const sheet = this.ctx.model.activeSheet ?? this.ctx.model.addSheet('Sheet1');
    return new WorksheetProxy(this.ctx, sheet);
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(private readonly ctx: FakeContextCore) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
  }
  getSelectedRange(): RangeProxy {
    this.ctx.queue();
    const model = this.ctx.model;
    if (model.selectionKind !== 'range') {
      // "throwing InvalidSelectionException from Workbook.getSelectedRange when a chart is
      // selected is by-design" (office-js #2268, also #8 for shapes and pictures):
      // https://github.com/OfficeDev/office-js/issues/2268
      this.ctx.fail(
        new FakeOfficeError(
          'InvalidSelection',
          'Workbook.getSelectedRange',
          `a ${model.selectionKind} is selected`,
        ),
      );
    }
    const sheet = model.selection?.sheet ?? model.activeSheet ?? model.addSheet('Sheet1');
    const rect = model.selection?.rect ?? { top: 0, left: 0, rows: 1, columns: 1 };
    return new RangeProxy(this.ctx, sheet, () => rect);
  }
  getActiveCell(): RangeProxy {
    this.ctx.queue();
    const model = this.ctx.model;
    const sheet = model.selection?.sheet ?? model.activeSheet ?? model.addSheet('Sheet1');
    const rect = model.selection?.rect ?? { top: 0, left: 0, rows: 1, columns: 1 };
    return new RangeProxy(this.ctx, sheet, () => ({
      top: rect.top,
      left: rect.left,
      rows: 1,
      columns: 1,
    }));
  }
}

/**
 * Excel.Application: calculation mode and recalculation. `calculationMode` is readable from
 * ExcelApi 1.1 and settable from 1.8; "Manual, where calculation is done when the user requests
 * it" and it "is not persisted in the workbook":
 * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculationmode-member
 * The stand-in does not evaluate formulas; it records that results are stale (written to in
 * manual mode since the last `calculate`) so tests can prove Check warns or calculates first.
 */
export class ApplicationProxy extends ClientObject {
  protected readProperty(name: string): unknown {
    return name === 'calculationMode' ? this.ctx.model.calculationMode : undefined;
  }
  get calculationMode(): FakeCalculationMode {
    return this.loadedValue('calculationMode');
  }
  set calculationMode(value: FakeCalculationMode) {
    this.ctx.queue();
    this.ctx.guard(() => {
      if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(value))
        throw new FakeOfficeError('InvalidArgument', 'Application.calculationMode', String(value));
      this.ctx.model.calculationMode = value;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue();
    this.ctx.calculationSuspended = true;
  }
  calculate(_type?: string): void {
    this.ctx.queue();
    this.ctx.guard(() => {
      this.ctx.model.calculations++;
      this.ctx.model.staleFormulas = false;
    });
  }
}
