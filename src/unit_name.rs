//! The names of units: the places they start with ("平安市桃源县卫生健康局" names 平安市 and
//! 桃源县), and their standard short forms ("青禾市卫健委" for 青禾市卫生健康委员会).

use crate::text::is_han;

/// The last character of the name of a place: 省, 市, 县, 区, 旗, 州, 盟.
pub const PLACE_ENDS: &str = "省市县区旗州盟";
/// Longest name of a place ("黔东南苗族侗族自治州").
const MAX_PLACE_CHARS: usize = 10;
/// Words that end like a place and name none.
const NOT_PLACES: [&str; 24] = [
    "社区", "地区", "辖区", "城市", "省市", "市区", "县区", "片区", "园区", "全市", "全县", "全区",
    "全省", "本市", "本县", "本区", "本省", "我市", "我县", "我区", "我省", "各市", "各县", "各区",
];

/// Every place named at the start of a run of Chinese in `text`.
pub fn places_in(text: &str) -> Vec<&str> {
    han_runs(text).flat_map(leading_places).collect()
}

pub fn han_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_han(c)).filter(|r| !r.is_empty())
}

/// The places one after another at the start of `run`.
pub fn leading_places(mut run: &str) -> Vec<&str> {
    let mut found = Vec::new();
    while let Some((k, c)) = run
        .char_indices()
        .skip(1)
        .take(MAX_PLACE_CHARS - 1)
        .find(|&(_, c)| PLACE_ENDS.contains(c))
    {
        let mut end = k + c.len_utf8();
        // "杭州市", "广州市": 州 is part of the city's name, 市 its level.
        if c == '州' && run[end..].starts_with('市') {
            end += '市'.len_utf8();
        }
        let place = &run[..end];
        if NOT_PLACES.contains(&place) {
            break;
        }
        found.push(place);
        run = &run[place.len()..];
    }
    found
}

/// Equal, or one is a standard short form of the other (characters kept in order, and the
/// kind of body — 委/局/厅 … — the same).
pub fn same_body(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let kind = |s: &str| {
        let s = s.trim_end_matches("员会");
        s.chars().last()
    };
    kind(a) == kind(b) && (is_subsequence(a, b) || is_subsequence(b, a))
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_are_the_same_body() {
        assert!(same_body("黑龙江省卫生健康委", "黑龙江省卫生健康委员会"));
        assert!(same_body(
            "渝北区卫生健康委员会",
            "重庆市渝北区卫生健康委员会"
        ));
        assert!(same_body("市卫生健康局", "慈溪市卫生健康局"));
        assert!(!same_body("东湖区医疗保障局", "东湖区卫生健康局"));
        assert!(!same_body("东湖区卫生健康委员会", "东湖区卫生健康局"));
    }

    #[test]
    fn places_lead_a_name() {
        assert_eq!(places_in("平安市桃源县卫生健康局"), ["平安市", "桃源县"]);
        assert!(places_in("社区卫生服务中心").is_empty());
        // 州 within a city's name.
        assert_eq!(places_in("杭州市上城区卫生健康局"), ["杭州市", "上城区"]);
        assert_eq!(places_in("恩施州卫生健康委员会"), ["恩施州"]);
    }
}
