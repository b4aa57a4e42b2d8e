/**
 * Whether to colour the output, and how many colours: --no-color, then --color, then
 * FORCE_COLOR (0 or false: none; 1–3: that level; empty or true: 1), then NO_COLOR (set and
 * not empty: none), then whether the output is a terminal. Stylish uses basic colours only.
 */
export type ColorLevel = 0 | 1 | 2 | 3;

function forced(value: string): ColorLevel {
  if (value === '0' || value === 'false') return 0;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? (Math.min(3, n) as ColorLevel) : 1;
}

export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): ColorLevel {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (flag === true) return force === undefined ? 1 : (Math.max(1, forced(force)) as ColorLevel);
  if (force !== undefined) return forced(force);
  if (env.NO_COLOR) return 0;
  return isTTY ? 1 : 0;
}
