/** One problem with a configuration, with the key path it is about ("sensors.0.input.path"). */
export interface ConfigProblem {
  path: string;
  message: string;
}
