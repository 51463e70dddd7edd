/**
 * Errors of the expression language: compile errors (a message and a 0-based position in the source, reported as
 * a result, never thrown out of `compileExpression`) and run-time errors (`UserFunctionError`, thrown by the
 * compiled function, its message prefixed by the source text of the failing sub-expression).
 */
import { UserFunctionError } from "../../engine/model";

/** A compile error: what is wrong, and where. */
export interface ExpressionError {
  message: string;
  /** 0-based char index into the source */
  position: number;
}

/** Thrown inside the compiler and turned into an `ExpressionError` result by `compileExpression`. */
export class CompileError extends Error {
  override readonly name = "CompileError";
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** A run-time error, e.g. `value.amount: cannot read field "amount" of null`. */
export function runtimeError(label: string, message: string): UserFunctionError {
  return new UserFunctionError(`${label}: ${message}`);
}

function clampPosition(source: string, error: ExpressionError): number {
  return Math.max(0, Math.min(source.length, Math.trunc(error.position) || 0));
}

/**
 * One line for people: `at 7: unknown name "vaue" (allowed: key, value, timestamp)`, where 7 is the 1-based
 * character position (the 0-based `position` + 1, clamped to the source), so a UI can draw a caret under it.
 */
export function describeExpressionError(source: string, error: ExpressionError): string {
  return `at ${clampPosition(source, error) + 1}: ${error.message}`;
}

/** A caret line to print under the source (one line, no newline): spaces then `^` under the error's position. */
export function expressionErrorCaret(source: string, error: ExpressionError): string {
  return `${" ".repeat(clampPosition(source, error))}^`;
}
