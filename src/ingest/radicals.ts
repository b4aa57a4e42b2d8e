/** Radical code points, as some CJK fonts map their glyphs, folded to the ideographs they print; vertical forms to their punctuation. */
/**
 * Some CJK fonts map glyphs to radical code points (⻔ for 门, ⼊ for 入, ⼾ for 户, ⻣ for 骨).
 * Kangxi radicals fold under NFKC, though ⼾ folds to the traditional 戶; the radicals of the CJK
 * Radicals Supplement do not fold, so each is given its equivalent unified ideograph, as
 * Unicode's EquivalentUnifiedIdeograph.txt lists them (U+2E81–U+2EF3; U+2E80 has none). Only
 * radicals are touched: a 戶 printed as such stays.
 */
const RADICAL_SUPPLEMENT =
  '⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 ⺑𡯂 ⺒巳 ⺓幺 ⺔彑 ⺕𫜹 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ' +
  '⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪𤴔 ⺫目 ⺬示 ⺭礻 ⺮𥫗 ⺯糹 ⺰纟 ⺱罓 ⺲罒 ⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ' +
  '⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 ⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 ⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 ' +
  '⻒镸 ⻓长 ⻔门 ⻕𨸏 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ' +
  '⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟';
/** radical → ideograph (14 of the ideographs lie beyond the BMP: pairs are split by code point) */
const RADICAL_EQUIVALENTS = new Map(RADICAL_SUPPLEMENT.split(' ').map((pair) => Array.from(pair) as [string, string]));
const SIMPLIFIED_AFTER_NFKC: Record<string, string> = { 戶: '户' };

/** the CJK Radicals Supplement and the Kangxi radicals */
const RADICAL_RE = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/**
 * Punctuation's vertical presentation forms, as pdf.js maps the glyphs of text set down a cell (竖排:
 * 项目资金︵元︶), each to the full-width form the same text has set across: NFKC would give ASCII.
 */
const VERTICAL_FORMS = new Map(Array.from('︐，︑、︒。︓：︔；︕！︖？︗〖︘〗︵（︶）︷｛︸｝︹〔︺〕︻【︼】︽《︾》︿〈﹀〉﹁「﹂」﹃『﹄』﹇［﹈］').reduce<Array<[string, string]>>((pairs, ch, i, all) => (i % 2 ? pairs : [...pairs, [ch, all[i + 1]]]), []));
const VERTICAL_RE = /[︐-︙︰-﹏]/g;

export function normalizeText(s: string): string {
  return s
    .replace(RADICAL_RE, (c) => {
      const folded = RADICAL_EQUIVALENTS.get(c) ?? c.normalize('NFKC');
      return SIMPLIFIED_AFTER_NFKC[folded] ?? folded;
    })
    .replace(VERTICAL_RE, (c) => VERTICAL_FORMS.get(c) ?? c);
}

/**
 * Text a user gives, extracted by a tool that kept the radicals (⼀般公共预算, 部⻔) or the vertical
 * forms of text set down a cell (项目资金︵元︶, as MuPDF gives them): folded one character for one,
 * so that columns stay where they are printed (a radical whose ideograph lies beyond the BMP stays).
 */
export function foldRadicals(text: string): string {
  return text.replace(RADICAL_RE, (c) => {
    const folded = normalizeText(c);
    return folded.length === 1 ? folded : c;
  }).replace(VERTICAL_RE, (c) => VERTICAL_FORMS.get(c) ?? c);
}

/** normalizeText of one character (ch, of code point code), without a regular expression outside the radicals and vertical forms */
export function normalizeChar(ch: string, code: number): string {
  return (code >= 0x2e80 && code <= 0x2fdf) || (code >= 0xfe10 && code <= 0xfe4f) ? normalizeText(ch) : ch;
}

