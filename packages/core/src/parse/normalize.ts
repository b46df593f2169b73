/** PARSE-1 and PARSE-2: normalising cell text and recognising null markers and placeholder names. */

const LOOKALIKES: Record<string, string> = { '≧': '≥', '≦': '≤', '═': '=', '﹦': '=', '＝': '=', '〜': '~', '～': '~' };

/**
 * Traditional characters as published forms print them (萬元, 畝, 戶, 達標, 實現, 不低於 …), each with the one
 * simplified character it always stands for in a form. Only characters with a single simplified form are listed
 * (not 乾, 著 …), so units, comparators, completion words and labels read the same in either script.
 */
const TRADITIONAL =
  '萬万億亿畝亩戶户個个噸吨項项達达實实現现標标於于內内級级優优顯显較较點点數数頃顷裏里裡里臺台輛辆場场種种條条處处' +
  '間间張张冊册頭头隻只層层組组隊队門门雙双區区縣县鄉乡鎮镇時时鐘钟週周歲岁筆笔車车滿满無无沒没規规過过與与為为對对' +
  '應应計计劃划際际況况續续檢检驗验監监測测審审準准確确適适當当價价額额資资貸贷費费預预執执結结轉转撥拨補补貼贴責责' +
  '務务講讲學学課课們们圍围營营銷销購购採采農农態态經经濟济質质護护環环衛卫廠厂樓楼橋桥燈灯線线網网電电氣气熱热機机' +
  '設设備备庫库廢废產产聯联動动勞劳養养殘残醫医藥药療疗險险發发開开關关問问題题議议論论證证據据報报紙纸書书圖图畫画' +
  '紀纪錄录簽签辦办員员職职參参類类棟栋頁页臨临傳传訓训練练績绩會会響响權权進进總总單单財财調调後后評评說说註注決决' +
  '範范導导構构請请裝装運运統统業业節节約约閱阅讀读寫写識识蓋盖廳厅協协幣币僅仅從从眾众異异屬属歸归齊齐寬宽廣广慶庆' +
  '淨净滬沪漢汉潔洁濱滨衝冲獎奖勵励愛爱錢钱銀银鐵铁長长閉闭陽阳陰阴雜杂難难靜静頂顶順顺須须領领頻频風风體体髮发鬥斗' +
  '魚鱼鳥鸟麥麦黃黄齒齿龍龙龜龟館馆織织細细終终給给絕绝維维綜综緊紧縮缩繼继罰罚聽听腦脑興兴舉举舊旧藝艺蘇苏號号蟲虫' +
  '術术製制複复視视覺觉觀观訂订認认討讨記记訪访許许診诊詞词試试詳详誌志語语誤误談谈諮咨謀谋譯译變变貨货貧贫貿贸賣卖' +
  '贊赞趕赶跡迹軍军軟软載载輔辅輸输轄辖違违連连遷迁選选遺遗邊边郵邮鄰邻釋释鋼钢鏈链閘闸隨随階阶雖虽雲云飛飞飯饭餘余' +
  '驅驱骯肮麼么齡龄劑剂啟启嚴严團团園园堅坚塊块壓压壩坝夠够奪夺婦妇孫孙寧宁將将專专尋寻屆届岡冈嶺岭幫帮彈弹徑径復复' +
  '慣惯憑凭戰战擔担擴扩攜携斷断晉晋暫暂曆历東东來来樣样歡欢歷历減减溫温漁渔潛潜災灾爭争牆墙狀状獨独獲获盡尽碼码礎础' +
  '禮礼穩稳稱称積积竄窜築筑簡简糧粮';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) {
  const from = TRADITIONAL[i];
  const to = TRADITIONAL[i + 1];
  if (from && to) SIMPLIFIED.set(from, to);
}
const TRADITIONAL_CHAR = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'gu');

/** Traditional → simplified for the characters above; the text is otherwise unchanged. */
export const toSimplified = (text: string): string =>
  text.replace(TRADITIONAL_CHAR, (char) => SIMPLIFIED.get(char) ?? char);

/** ASCII digits, point, per cent, slash, minus and comparison signs: text that normalising leaves unchanged. */
const PLAIN_FIGURE = /^[0-9.%/<>=≥≤-]*$/;

/**
 * NFKC (full-width digits, ％, U+3000 → ASCII), lookalike signs mapped, traditional characters simplified,
 * spaces inside numbers and before units removed. For reading only: the cell keeps what was written.
 */
export const normalizeCell = (raw: string): string => {
  // Most cells are plain figures ("1434", "≥95%", "7.3"), which every step below leaves as they are.
  if (PLAIN_FIGURE.test(raw)) return raw;
  // NFKC turns ㎡ and m² into "m2", which would read as a number; name the unit before it does.
  let text = toSimplified(raw.replace(/㎡|m²/gu, '平方米').normalize('NFKC'));
  text = text.replace(/[≧≦═﹦＝〜～]/gu, (sign) => LOOKALIKES[sign] ?? sign);
  text = text.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
  // "1 434" → "1434", "95 %" → "95%", "300 公 里" → "300公里": spaces between digits, and between a number and
  // the CJK or % that follows it, carry no meaning in a cell.
  text = text.replace(/(\d) (?=\d)/gu, '$1');
  text = text.replace(/(\d) (?=[%\p{Script=Han}])/gu, '$1');
  text = text.replace(/([≥≤=<>]) (?=\d)/gu, '$1');
  text = text.replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
  return text;
};

const NULL_MARKERS = new Set([
  '',
  '-',
  '/',
  '\\',
  '无',
  '暂无',
  '没有',
  '空',
  'N/A',
  'n/a',
  'NA',
  'na',
  'null',
  'NULL',
  '-/-',
  // Clerks type the character 一 for a dash; a lone 一 is never a value.
  '一',
]);

/** Runs of dashes, rules or dots: "—", "——", "–", "―", "……", "...", "。。。". */
const DASHES_OR_DOTS = /^(?:[-–—―─━‐‑‒]+|[.·…]{2,}|…|。{2,})$/u;

/** A cell that says nothing (PARSE-2). "-" and "/" count only when they are the whole cell. */
export const isNullCell = (raw: string): boolean => {
  const normalized = normalizeCell(raw);
  const text = normalized.replace(/(?<=.)[。.]$/u, '');
  return NULL_MARKERS.has(text) || DASHES_OR_DOTS.test(text) || DASHES_OR_DOTS.test(normalized);
};

const PLACEHOLDER_NAMES =
  /^(?:[.·…。\-—–]+|(?:[一二三]级)?指标(?:名称)?[\d一二三四五六七八九十]*(?:[:：][/／\-—–]?)?|[xX×*＊]{2,}.{0,8}|[xX×*]|某某.*|请填写.*|自定义指标\d*)$/u;

/** A template row: "……", a template label (指标1, 三级指标, XX, ×××) or an empty name. */
export const isPlaceholderName = (name: string): boolean => {
  const text = normalizeCell(name);
  return text === '' || PLACEHOLDER_NAMES.test(text);
};

/** The raw text with only whitespace trimmed, for display. */
export const displayCell = (raw: string): string => raw.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
