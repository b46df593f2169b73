/**
 * Traditional characters as real reports print them (Hong Kong-style templates, OCR of Taiwan-encoded pages,
 * 福建 and 湖南 sites that serve a converted page): the characters of the form's labels and vocabulary, each
 * with its simplified form. Labels are compared simplified; cell text is kept as written.
 */
const TRADITIONAL = [
  '績绩效效標标準准實实際际預预執执項项資资額额數数級级產产質质時时間间經经濟济會会態态環环續续響响滿满',
  '務务對对權权進进總总計计單单區区門门財财撥拨結结轉转調调後后當当與与為为據据發发個个萬万戶户畝亩場场',
  '證证護护設设評评價价說说備备註注決决過过準准現现達达劃划點点範范圍围內内費费導导應应機机構构',
  '報报請请購购裝装運运營营員员傳传統统農农業业醫医療疗衛卫環环節节約约閱阅讀读寫写識识論论議议錄录',
  '覆覆蓋盖開开關关縣县鄉乡鎮镇書书圖图廳厅協协辦办處处幣币僅仅從从眾众優优異异屬属雙双歸归齊齐寬宽',
  '廣广慶庆氣气淨净滬沪漢汉潔洁濱滨衝冲補补貼贴獎奖勵励愛爱錢钱銀银鐵铁長长門门間间問问閉闭陽阳陰阴',
  '隊队際际險险雜杂難难電电靜静響响頁页頂顶項项順顺須须預预領领頻频題题額额風风養养驗验體体髮发鬥斗',
  '魚鱼鳥鸟麥麦黃黄齒齿龍龙龜龟樓楼館馆織织線线練练組组細细終终給给絕绝統统維维綜综緊紧總总績绩縮缩',
  '繼继續续罰罚聯联職职聽听腦脑與与興兴舉举舊旧藝艺藥药蘇苏處处號号蟲虫術术衛卫製制複复規规視视覺觉',
  '觀观計计訂订認认討讨訓训記记訪访設设許许診诊詞词試试詳详誌志語语誤误說说課课調调談谈請请論论諮咨',
  '謀谋講讲證证識识警警譯译議议護护讀读變变貨货貧贫責责貸贷費费貿贸資资賣卖質质購购贊赞趕赶跡迹車车',
  '軍军軟软載载較较輔辅輸输轄辖辦办農农違违連连運运過过達达遷迁適适選选遺遗邊边郵邮鄰邻醫医釋释鋼钢',
  '錄录鏈链門门閘闸隊队隨随階阶雖虽雲云電电頭头額额類类顯显飛飞飯饭餘余驅驱骯肮麼么齡龄冊册劑剂勞劳',
  '區区協协廠厂參参員员啟启單单嚴严團团園园圖图執执堅坚報报場场塊块壓压壩坝夠够奪夺婦妇孫孙學学寧宁',
  '實实審审寫写將将專专尋寻對对導导層层屆届岡冈嶺岭幫帮廢废廳厅彈弹徑径從从復复態态慣惯憑凭戰战擔担',
  '據据擴扩攜携數数斷断於于時时晉晋暫暂曆历會会東东條条來来構构標标樣样檢检權权歡欢歲岁歷历殘残氣气',
  '沒没決决況况測测濟济減减溫温滿满漁渔潛潜災灾為为無无熱热營营燈灯爭争牆墙狀状獨独獲获現现環环產产',
  '畫画異异當当療疗發发盡尽監监確确碼码礎础禮礼穩稳種种稱称積积竄窜筆笔築筑範范簡简糧粮級级紀纪約约',
].join('');

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) {
  const from = TRADITIONAL[i];
  const to = TRADITIONAL[i + 1];
  if (from && to && from !== to) SIMPLIFIED.set(from, to);
}

const ANY_TRADITIONAL = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'u');

/** The simplified spelling of text printed in traditional characters (only the characters the forms use). */
export const toSimplified = (text: string): string => {
  if (!ANY_TRADITIONAL.test(text)) return text;
  let out = '';
  for (const char of text) out += SIMPLIFIED.get(char) ?? char;
  return out;
};

const COMPACT_CACHE_SIZE = 20_000;
const COMPACTED = new Map<string, string>();

/** Pinyin readings a converter left in the text: 區(qū), 數(shù). */
const PINYIN_NOTE = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/gu;

/**
 * A label as compared: NFKC, simplified, pinyin notes dropped and no whitespace of any kind (headers are broken
 * across lines and spaced out: "项目支\n\n出名称", "产 出 指 标").
 */
export const compact = (text: string): string => {
  const known = COMPACTED.get(text);
  if (known !== undefined) return known;
  const result = toSimplified(text.normalize('NFKC').replace(PINYIN_NOTE, '')).replace(/[\s\u3000]+/gu, '');
  // Every header and label cell is compared many times while a document is read; the cache is bounded.
  if (COMPACTED.size >= COMPACT_CACHE_SIZE) COMPACTED.clear();
  COMPACTED.set(text, result);
  return result;
};

/** Cell text for the form: surrounding whitespace and U+3000 trimmed, inner line breaks of a cell kept as written. */
export const cellText = (text: string): string => text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
