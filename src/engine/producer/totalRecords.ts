import type { SimulationModel } from "../model";

/** Records the model's producers send in all: their explicit records plus their generated ones. */
export function totalRecords(model: SimulationModel): number {
  return model.producers.reduce((n, p) => n + p.records.length + (p.generate?.count ?? 0), 0);
}
