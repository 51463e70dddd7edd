/**
 * Calls: only whitelisted functions, by name (`upper(key)`) or with method sugar (`key.upper()`, the receiver
 * becoming the first argument). Any other callee (`value.toString()`, `value["upper"]()`, `f()()`) is a compile
 * error. `if(c, a, b)` is a conditional: only the chosen branch runs.
 */
import { compileNode, compileReceiver, fail, labelOf, SHORT } from "./compileNode";
import { FUNCTION_NAMES, type FunctionSpec, hintFor, lookupFunction } from "./functions";
import type { Compiled } from "./operators";
import type { Node } from "./parse";
import type { Scope } from "./scope";
import { FORBIDDEN_NAMES, forbiddenMessage, truthy } from "./values";

function plural(n: number): string {
  return n === 1 ? "1 argument" : `${n} arguments`;
}

function arityText(spec: FunctionSpec): string {
  if (spec.max === Number.POSITIVE_INFINITY) return `at least ${plural(spec.min)}`;
  return spec.min === spec.max ? plural(spec.min) : `${spec.min} to ${spec.max} arguments`;
}

/** The closure calling `spec` on the argument closures (specialised by arity: no array on the hot path). */
function invoke(spec: FunctionSpec, args: Compiled[], label: string): Compiled {
  const call = spec.call;
  const [a, b, c] = args;
  if (args.length === 0) return () => call(label);
  if (args.length === 1 && a) return (x) => call(label, a(x));
  if (args.length === 2 && a && b) return (x) => call(label, a(x), b(x));
  if (args.length === 3 && a && b && c) return (x) => call(label, a(x), b(x), c(x));
  return (x) => call(label, ...args.map((arg) => arg(x)));
}

function checkArity(name: string, spec: FunctionSpec, count: number, node: Node, method: boolean): void {
  if (count >= spec.min && count <= spec.max) return;
  const receiver = method ? " (counting the value before the dot)" : "";
  fail(`${name} expects ${arityText(spec)}, got ${count}${receiver}`, node);
}

function compileIf(args: Compiled[]): Compiled {
  const [test, consequent, alternate] = args as [Compiled, Compiled, Compiled];
  return (c) => (truthy(test(c)) ? consequent(c) : alternate(c));
}

function compileArguments(node: Node, scope: Scope, depth: number): Compiled[] {
  return (node.arguments as Node[]).map((arg) => compileNode(arg, scope, depth + 1));
}

/** `name(args)`. */
function compileFunctionCall(node: Node, callee: Node, scope: Scope, depth: number): Compiled {
  const name = String(callee.name);
  const spec = lookupFunction(name);
  if (spec === undefined) {
    if (scope.isVariable(name)) fail(`"${name}" is not a function`, callee);
    fail(
      `unknown function ${JSON.stringify(name)}${hintFor(name)} (allowed: ${FUNCTION_NAMES.join(", ")})`,
      callee,
    );
  }
  const args = compileArguments(node, scope, depth);
  checkArity(name, spec, args.length, callee, false);
  return name === "if" ? compileIf(args) : invoke(spec, args, labelOf(scope, node));
}

/** `receiver.name(args)`, i.e. `name(receiver, args)`. */
function compileMethodCall(
  node: Node,
  callee: Node,
  scope: Scope,
  depth: number,
  shortable: boolean,
): Compiled {
  const property = callee.property as Node;
  if (callee.computed === true) {
    fail("only named functions can be called, e.g. upper(x) or x.upper()", property);
  }
  const name = String(property.name);
  const spec = lookupFunction(name);
  const object = callee.object as Node;
  if (
    spec !== undefined &&
    name !== "if" &&
    object.type === "Identifier" &&
    !scope.isVariable(String(object.name))
  ) {
    // `Math.floor(x)`: point at the namespace, which does not exist here.
    fail(`unknown name ${JSON.stringify(String(object.name))}: call ${name}(…) directly`, object);
  }
  // The receiver first, so that the leftmost problem is the one reported.
  const receiver = compileReceiver(object, scope, depth + 2, shortable);
  if (FORBIDDEN_NAMES.has(name)) fail(forbiddenMessage(name), property);
  if (spec === undefined || name === "if") {
    fail(`unknown method ${JSON.stringify(name)}${hintFor(name)} (allowed: ${methodNames()})`, property);
  }
  const rest = compileArguments(node, scope, depth);
  checkArity(name, spec, rest.length + 1, property, true);
  const label = labelOf(scope, node);
  if (!shortable) return invoke(spec, [receiver, ...rest], label);
  // In an optional chain the receiver may have short-circuited; `x?.upper()` also stops on a null receiver.
  const optional = callee.optional === true;
  const call = spec.call;
  return (c) => {
    const value = receiver(c);
    if (value === SHORT || (optional && value === null)) return SHORT;
    return call(label, value, ...rest.map((arg) => arg(c)));
  };
}

function methodNames(): string {
  return FUNCTION_NAMES.filter((name) => name !== "if").join(", ");
}

/** Compiles a call node; `shortable` when it is part of a chain with `?.`. */
export function compileCall(node: Node, scope: Scope, depth: number, shortable: boolean): Compiled {
  const callee = node.callee as Node;
  if (callee.type === "Identifier") return compileFunctionCall(node, callee, scope, depth);
  if (callee.type === "MemberExpression") return compileMethodCall(node, callee, scope, depth, shortable);
  // A problem inside the callee comes first: `key.constructor.constructor("…")()` names "constructor".
  compileNode(callee, scope, depth + 1);
  return fail("only whitelisted functions can be called, e.g. upper(x) or x.upper()", callee);
}
