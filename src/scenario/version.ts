/** The scenario format version this Topolab reads and writes. Older versions are upgraded by `migrateScenario`. */
export const CURRENT_SCENARIO_VERSION = 1;
