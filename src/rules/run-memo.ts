/**
 * What one run of the rules derives from the report once and shares between rules: a document
 * has thousands of bindings and ~100 rules, and rebuilding a table's, row's or claim's data for
 * every rule that reads it made most of the run's garbage. Everything kept here is derived from
 * the report and read-only by convention (json-logic operations never mutate their operands;
 * the engine writes bind names only into each binding's own top-level data object). The memo
 * lives for one run only, so a report is never judged by data derived in an earlier run.
 */
export class RunMemo {
  // Maps, not WeakMaps: the memo is dropped with its run, and a Map look-up is the cheaper
  private readonly spaces = new Map<object, Map<object, unknown>>();

  /** the values kept under `space` (usually the function that makes them), by key: for a caller that looks up many keys */
  space<K extends object, V>(space: object): Map<K, V> {
    let values = this.spaces.get(space);
    if (!values) this.spaces.set(space, (values = new Map()));
    return values as Map<K, V>;
  }

  /**
   * `make(key)`, computed once per run for that key; `space` (usually the function that makes the
   * value) keeps different derivations of the same key apart
   */
  get<K extends object, V>(space: object, key: K, make: (key: K) => V): V {
    const values = this.space<K, V>(space);
    let value = values.get(key);
    // one look-up for a value made before (has() only for a made value that is undefined)
    if (value === undefined && !values.has(key)) values.set(key, (value = make(key)));
    return value as V;
  }

  /** `f(key)`, once per run: f itself names the derivation */
  of<K extends object, V>(f: (key: K) => V, key: K): V {
    return this.get(f, key, f);
  }
}
