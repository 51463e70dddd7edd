/**
 * The scenario package: the versioned format, validation with precise errors, migrations, compilation into the
 * engine's model, and the share-link codec. (The expression language lives in `./expression`.)
 */
export { compileScenario } from "./compileScenario";
export {
  HARD_LIMITS,
  MAX_SCENARIO_TEXT_BYTES,
  MAX_WALL_CLOCK_MS,
  SCENARIO_DEFAULTS,
} from "./defaults";
export { type LoadResult, loadScenario } from "./loadScenario";
export { MIGRATION_STEPS, type MigrationResult, type MigrationStep, migrateScenario } from "./migrate";
export { type ParseTextResult, parseScenarioText } from "./parseScenarioText";
export { formatPath, prefixErrors, type ScenarioError } from "./scenarioError";
export { SCENARIO_JSON_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from "./scenarioJsonSchema";
export {
  type Scenario,
  type ScenarioApp,
  type ScenarioBranchNode,
  type ScenarioDisconnectWindow,
  type ScenarioExplicitRecord,
  type ScenarioGenerator,
  type ScenarioLimits,
  type ScenarioNode,
  type ScenarioOp,
  type ScenarioProducer,
  type ScenarioTopic,
  type ScenarioWeightedKey,
  scenarioSchema,
} from "./schema";
export { decodeShareFragment, encodeShareFragment, SHARE_FORMAT, type ShareDecodeResult } from "./shareUrl";
export { SCENARIO_OPS } from "./topologySchema";
export { GENERATOR_VARIABLES, RECORD_VARIABLES } from "./userFunctions";
export { MAX_REPORTED_ERRORS, type ValidationResult, validateScenario } from "./validate";
export { CURRENT_SCENARIO_VERSION } from "./version";
