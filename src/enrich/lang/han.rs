//! Chinese characters without kana: Chinese when the text writes a form Japanese does not.
//!
//! Japanese titles almost always carry kana (`の`, `と`, katakana names), and are decided
//! by them before this module is asked; but a short Japanese title can be all kanji
//! (`東洋史研究`). So Chinese needs forms of its own: one simplified character Japanese
//! writes otherwise (`们 这 历 关 亚 罗 联`; Japanese `歴 関 亜 羅 連`), or two traditional
//! characters Japanese simplified differently after 1946 (`國 聯 學 會`; Japanese `国 連
//! 学 会`; two, because pre-war Japanese wrote the old forms). Anything else stays untagged.

/// Simplified characters whose Japanese form differs (characters Japanese shares with
/// simplified Chinese, such as `国 学 会 当 来`, are left out).
const SIMPLIFIED: &str =
    "们这说发历关亚罗联实质鲁么还个时对书论经济东产为华苏语现义战观问题间传专区办动务单卖县变图圣场块坚处\
备头宁审宪导尔层岁岛师带广庆库应开张归录彻总恶惯态户扩护报择拥显术杀权极构枪标样档桥检楼欢气汉汤沟泽\
测满灭灵热爱犹环电畅疗盖监种稳穷竞笔简类纪约级纲纳线组织终结给统继续维综编缘职脑艺节荣药获虽补见规视\
览觉计认讨让议记讲许设访证评识译试话询该详误请读课调谈谢贝负贡财责败货贵贸费资赛赵车转轻辑边达过运进\
远连选递邓释钢钱铁银锡长门闻阳阶际陆陈险随隐难雾须额风飞马驱骑验鱼鸟龙齐";

/// Traditional characters whose post-war Japanese form differs.
const TRADITIONAL: &str = "國聯學會歷與臺灣亞傳專區辦單賣縣參雙發變號圖處對盡歲帶廣歸錄總惡戰擴擇據數斷舊\
顯權條來樣檢樓歡氣滿淺濟澤爐靈犧獨獻畫穩腦藝榮藥觀覽覺讓譯證讀說續繼經緣轉輕邊這遞釋錢鐵險隨隱驅驗黃齊們麼嗎\
實當應將點";

/// Decides whether all-Han text is Chinese; see the module documentation.
pub(super) fn han(text: &str) -> Option<&'static str> {
    let simplified = text.chars().filter(|&c| SIMPLIFIED.contains(c)).count();
    let traditional = text.chars().filter(|&c| TRADITIONAL.contains(c)).count();
    (simplified >= 1 || traditional >= 2).then_some("zh")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_is_listed_once() {
        for list in [SIMPLIFIED, TRADITIONAL] {
            let mut chars: Vec<char> = list.chars().collect();
            let n = chars.len();
            chars.sort_unstable();
            chars.dedup();
            assert_eq!(chars.len(), n, "a character listed twice");
        }
        assert!(!SIMPLIFIED.chars().any(|c| TRADITIONAL.contains(c)), "a form in both lists");
    }

    #[test]
    fn chinese_by_forms_japanese_does_not_write() {
        assert_eq!(han("外高加索民主联邦共和国"), Some("zh"));
        assert_eq!(han("外高加索民主聯邦共和國"), Some("zh"));
        assert_eq!(han("东洋史研究"), Some("zh"));
        // Forms both write: could be a Japanese title in kanji.
        assert_eq!(han("東洋史研究"), None);
        assert_eq!(han("日本国史"), None);
    }
}
