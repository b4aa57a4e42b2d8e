/** The syntax of a rule's message beyond plain placeholders, read by the rule checker and the engine alike. */

/** a part of a message shown only where a placeholder is filled: {if:linked}；{linked}为 {linkedValue}{/if} */
export const CONDITIONAL_RE = /\{if:(\w+)\}((?:(?!\{if:|\{\/if\})[\s\S])*)\{\/if\}/g;
