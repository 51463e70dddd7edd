/** Time rules: stream time, watermarks, lateness and retention, each returning its decision with the reason. */
export * from "./beamLateness";
export * from "./decision";
export * from "./flinkLateness";
export * from "./flinkWatermarks";
export * from "./kafkaLateness";
export * from "./kafkaRetention";
export * from "./streamTime";
export * from "./watermarkValve";
