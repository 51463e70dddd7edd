export {
  type CompileOptions,
  type CompileResult,
  compileExpression,
  type ExpressionError,
} from "./compileExpression";
export { MAX_DEPTH } from "./compileNode";
export { describeExpressionError, expressionErrorCaret } from "./errors";
export { MAX_SOURCE_LENGTH } from "./parse";
export { MAX_STRING_LENGTH } from "./values";
