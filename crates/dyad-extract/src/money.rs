//! Money, percentages and counts of people in English text, with byte offsets.
//!
//! An amount of money is a number ([`crate::number`]) with a currency before it ("$ 75 million",
//! "US$40bn", "GB£20.1 billion", "usd115", "MAUD 60") or after it ("420 million finnish markka",
//! "1.2bn rubles", "a 38-million-euro loan", "10 €", "75 USD million"), optionally followed by its
//! minor unit ("thirteen dollars and forty-five cents", "15 dollars 50"). The currency table below
//! is the project's own: the few dozen currencies news writes about, by name (with and without a
//! country adjective), symbol and ISO 4217 code. Percentages ("5%", "five per cent") and counts
//! of people ("at least 12 people", "dozens of protesters") are kept as their own kinds, since
//! event magnitudes need them.
//!
//! An amount's `value` is the number the text states; `min` is a lower bound, set for vague
//! quantities ("billions of dollars": no value, min 1e9) and after "at least", "more than",
//! "over" (both then hold the stated number); `max` is an upper bound, after "up to", "less than",
//! "as many as"; a range ("$5-10 million") has `min` and `max` and no value. A bare "$" or "dollars" is taken as US dollars, as in most English news; names shared
//! by several countries ("francs", "rupees", "pesos") have no code unless an adjective or symbol
//! settles it. Minor units keep their own unit and no code: "50 cents" is 50 of unit "cent".

use crate::number::{attached, is, number_at, scale, tokens, Parsed, Shape, Token};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What an amount measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Money: a currency and a number.
    Money,
    /// A percentage ("5%", "five per cent"); `value` is the number before the sign.
    Percent,
    /// A count of people ("12 people", "dozens of protesters").
    People,
}

/// An amount found in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// Money, percentage or count of people.
    pub kind: Kind,
    /// ISO 4217 code when the text settles it (money only).
    pub currency: Option<&'static str>,
    /// The unit, singular and lower case: "dollar", "cent", "percent", or the people noun.
    pub unit: &'static str,
    /// The value the text states, in `unit`s.
    pub value: Option<f64>,
    /// A lower bound, when the text gives one (vague quantities, "at least", "more than", ranges).
    pub min: Option<f64>,
    /// An upper bound, when the text gives one ("up to", "less than") or a range ("$5-10 million").
    pub max: Option<f64>,
}

impl Amount {
    /// The amount's words in the text it was found in.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A currency or minor unit as a name, symbol or code denotes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Currency {
    /// ISO 4217 code, when the name settles it.
    pub code: Option<&'static str>,
    /// Canonical unit name, singular and lower case ("dollar", "yuan", "cent").
    pub unit: &'static str,
    /// What one unit is worth in its major unit: 1 for major units, 0.01 for cents, 0.1 for mao.
    pub fraction: f64,
}

/// The currency a name, symbol or code denotes, as the currency table knows it: "Finnish markka",
/// "pence", "US$", "usd". `None` for names the table does not know.
pub fn currency(name: &str) -> Option<Currency> {
    let toks = tokens(name);
    let first = toks.first()?;
    lexicon()
        .get(first.lower.as_str())?
        .iter()
        .find(|p| p.words.len() == toks.len() && p.words.iter().zip(&toks).all(|(w, t)| *w == t.lower))
        .map(|p| p.currency)
}

/// Every amount in `text`, left to right, none overlapping.
pub fn amounts(text: &str) -> Vec<Amount> {
    let toks = tokens(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match prefixed(&toks, i).or_else(|| suffixed(&toks, i)) {
            Some((mut amount, end)) => {
                if amount.min.is_none() && bound_before(&toks, i, AT_LEAST) {
                    amount.min = amount.value;
                }
                if amount.max.is_none() && bound_before(&toks, i, AT_MOST) {
                    amount.max = amount.value;
                }
                found.push(amount);
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// Where a currency may stand relative to its number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
    Both,
}

/// Currency names, each noun with each adjective ("" = none): adjectives, nouns, ISO code, unit,
/// worth in the major unit. Names stand after the number ("420 million finnish markka").
#[rustfmt::skip]
const NAMES: &[(&str, &str, Option<&str>, &str, f64)] = &[
    ("|us|u.s.|u.s|american|united states", "dollar|dollars|buck|bucks", Some("USD"), "dollar", 1.0),
    ("canadian", "dollar|dollars", Some("CAD"), "dollar", 1.0),
    ("australian|aussie", "dollar|dollars", Some("AUD"), "dollar", 1.0),
    ("new zealand", "dollar|dollars", Some("NZD"), "dollar", 1.0),
    ("hong kong", "dollar|dollars", Some("HKD"), "dollar", 1.0),
    ("singapore|singaporean", "dollar|dollars", Some("SGD"), "dollar", 1.0),
    ("taiwan|taiwanese|new taiwan", "dollar|dollars", Some("TWD"), "dollar", 1.0),
    ("zimbabwe|zimbabwean", "dollar|dollars", Some("ZWL"), "dollar", 1.0),
    ("jamaican", "dollar|dollars", Some("JMD"), "dollar", 1.0),
    ("namibian", "dollar|dollars", Some("NAD"), "dollar", 1.0),
    ("liberian", "dollar|dollars", Some("LRD"), "dollar", 1.0),
    ("|european", "euro|euros", Some("EUR"), "euro", 1.0),
    ("|british|uk|u.k.", "pound|pounds|pound sterling|pounds sterling|sterling", Some("GBP"), "pound", 1.0),
    ("egyptian", "pound|pounds", Some("EGP"), "pound", 1.0),
    ("lebanese", "pound|pounds", Some("LBP"), "pound", 1.0),
    ("syrian", "pound|pounds", Some("SYP"), "pound", 1.0),
    ("sudanese", "pound|pounds", Some("SDG"), "pound", 1.0),
    ("south sudanese", "pound|pounds", Some("SSP"), "pound", 1.0),
    ("|japanese", "yen", Some("JPY"), "yen", 1.0),
    ("|chinese", "yuan|renminbi|kuai", Some("CNY"), "yuan", 1.0),
    ("", "franc|francs", None, "franc", 1.0),
    ("swiss", "franc|francs", Some("CHF"), "franc", 1.0),
    ("french", "franc|francs", Some("FRF"), "franc", 1.0),
    ("belgian", "franc|francs", Some("BEF"), "franc", 1.0),
    ("congolese", "franc|francs", Some("CDF"), "franc", 1.0),
    ("rwandan", "franc|francs", Some("RWF"), "franc", 1.0),
    ("|russian", "ruble|rubles|rouble|roubles", Some("RUB"), "ruble", 1.0),
    ("belarusian", "ruble|rubles|rouble|roubles", Some("BYN"), "ruble", 1.0),
    ("|ukrainian", "hryvnia|hryvnias|hryvnya|hryvnyas", Some("UAH"), "hryvnia", 1.0),
    ("", "rupee|rupees", None, "rupee", 1.0),
    ("indian", "rupee|rupees", Some("INR"), "rupee", 1.0),
    ("pakistani", "rupee|rupees", Some("PKR"), "rupee", 1.0),
    ("sri lankan", "rupee|rupees", Some("LKR"), "rupee", 1.0),
    ("nepalese|nepali", "rupee|rupees", Some("NPR"), "rupee", 1.0),
    ("|indonesian", "rupiah|rupiahs", Some("IDR"), "rupiah", 1.0),
    ("|malaysian", "ringgit|ringgits", Some("MYR"), "ringgit", 1.0),
    ("|thai", "baht", Some("THB"), "baht", 1.0),
    ("korean|south korean", "won", Some("KRW"), "won", 1.0),
    ("north korean", "won", Some("KPW"), "won", 1.0),
    ("", "peso|pesos", None, "peso", 1.0),
    ("mexican", "peso|pesos", Some("MXN"), "peso", 1.0),
    ("philippine", "peso|pesos", Some("PHP"), "peso", 1.0),
    ("argentine|argentinian", "peso|pesos", Some("ARS"), "peso", 1.0),
    ("chilean", "peso|pesos", Some("CLP"), "peso", 1.0),
    ("colombian", "peso|pesos", Some("COP"), "peso", 1.0),
    ("cuban", "peso|pesos", Some("CUP"), "peso", 1.0),
    ("brazilian", "real|reais|reals", Some("BRL"), "real", 1.0),
    ("", "reais", Some("BRL"), "real", 1.0),
    ("|south african", "rand|rands", Some("ZAR"), "rand", 1.0),
    ("|nigerian", "naira|nairas", Some("NGN"), "naira", 1.0),
    ("", "shilling|shillings", None, "shilling", 1.0),
    ("kenyan", "shilling|shillings", Some("KES"), "shilling", 1.0),
    ("ugandan", "shilling|shillings", Some("UGX"), "shilling", 1.0),
    ("tanzanian", "shilling|shillings", Some("TZS"), "shilling", 1.0),
    ("somali", "shilling|shillings", Some("SOS"), "shilling", 1.0),
    ("austrian", "schilling|schillings", Some("ATS"), "schilling", 1.0),
    ("|ethiopian", "birr|birrs", Some("ETB"), "birr", 1.0),
    ("|ghanaian", "cedi|cedis", Some("GHS"), "cedi", 1.0),
    ("", "dinar|dinars", None, "dinar", 1.0),
    ("iraqi", "dinar|dinars", Some("IQD"), "dinar", 1.0),
    ("kuwaiti", "dinar|dinars", Some("KWD"), "dinar", 1.0),
    ("jordanian", "dinar|dinars", Some("JOD"), "dinar", 1.0),
    ("libyan", "dinar|dinars", Some("LYD"), "dinar", 1.0),
    ("algerian", "dinar|dinars", Some("DZD"), "dinar", 1.0),
    ("tunisian", "dinar|dinars", Some("TND"), "dinar", 1.0),
    ("serbian", "dinar|dinars", Some("RSD"), "dinar", 1.0),
    ("", "dirham|dirhams", None, "dirham", 1.0),
    ("uae|emirati", "dirham|dirhams", Some("AED"), "dirham", 1.0),
    ("moroccan", "dirham|dirhams", Some("MAD"), "dirham", 1.0),
    ("", "riyal|riyals", None, "riyal", 1.0),
    ("saudi", "riyal|riyals", Some("SAR"), "riyal", 1.0),
    ("qatari", "riyal|riyals", Some("QAR"), "riyal", 1.0),
    ("", "rial|rials", None, "rial", 1.0),
    ("iranian", "rial|rials", Some("IRR"), "rial", 1.0),
    ("omani", "rial|rials", Some("OMR"), "rial", 1.0),
    ("yemeni", "rial|rials", Some("YER"), "rial", 1.0),
    ("", "lira|lire|liras", None, "lira", 1.0),
    ("turkish", "lira|liras", Some("TRY"), "lira", 1.0),
    ("italian", "lira|lire", Some("ITL"), "lira", 1.0),
    ("|israeli|new israeli", "shekel|shekels|new shekel|new shekels", Some("ILS"), "shekel", 1.0),
    ("|swedish", "krona|kronor", Some("SEK"), "krona", 1.0),
    ("icelandic", "krona|kronur", Some("ISK"), "krona", 1.0),
    ("", "krone|kroner", None, "krone", 1.0),
    ("danish", "krone|kroner", Some("DKK"), "krone", 1.0),
    ("norwegian", "krone|kroner", Some("NOK"), "krone", 1.0),
    ("|polish", "zloty|zlotys|zlotych", Some("PLN"), "zloty", 1.0),
    ("|hungarian", "forint|forints", Some("HUF"), "forint", 1.0),
    ("|czech", "koruna|korunas|koruny", Some("CZK"), "koruna", 1.0),
    ("|romanian", "leu|lei", Some("RON"), "leu", 1.0),
    ("moldovan", "leu|lei", Some("MDL"), "leu", 1.0),
    ("|bulgarian", "lev|leva", Some("BGN"), "lev", 1.0),
    ("|kazakh|kazakhstani", "tenge", Some("KZT"), "tenge", 1.0),
    ("|georgian", "lari|laris", Some("GEL"), "lari", 1.0),
    ("|armenian", "dram|drams", Some("AMD"), "dram", 1.0),
    ("azerbaijani", "manat|manats", Some("AZN"), "manat", 1.0),
    ("|afghan", "afghani|afghanis", Some("AFN"), "afghani", 1.0),
    ("|bangladeshi", "taka", Some("BDT"), "taka", 1.0),
    ("|myanmar|burmese", "kyat|kyats", Some("MMK"), "kyat", 1.0),
    ("|vietnamese", "dong", Some("VND"), "dong", 1.0),
    ("lao|laotian", "kip", Some("LAK"), "kip", 1.0),
    ("costa rican", "colon|colons|colones|colón", Some("CRC"), "colón", 1.0),
    ("|venezuelan", "bolivar|bolivars|bolivares|bolívar|bolívares", Some("VES"), "bolívar", 1.0),
    ("peruvian", "sol|soles", Some("PEN"), "sol", 1.0),
    ("|spanish", "peseta|pesetas", Some("ESP"), "peseta", 1.0),
    ("|dutch", "guilder|guilders", Some("NLG"), "guilder", 1.0),
    ("|finnish", "markka|markkaa", Some("FIM"), "markka", 1.0),
    ("deutsche|german", "mark|marks", Some("DEM"), "mark", 1.0),
    ("", "deutschmark|deutschmarks|deutsch marks", Some("DEM"), "mark", 1.0),
    ("|portuguese", "escudo|escudos", Some("PTE"), "escudo", 1.0),
    ("|greek", "drachma|drachmas|drachmae", Some("GRD"), "drachma", 1.0),
    ("", "bitcoin|bitcoins", None, "bitcoin", 1.0),
    ("", "satoshi|satoshis", None, "satoshi", 1.0),
    ("", "cent|cents", None, "cent", 0.01),
    ("", "penny|pence|pennies", None, "penny", 0.01),
    ("", "kopeck|kopecks|kopek|kopeks|kopeyka|kopeyki", None, "kopeck", 0.01),
    ("", "paisa|paise", None, "paisa", 0.01),
    ("", "fen", None, "fen", 0.01),
    ("", "jiao|mao", None, "jiao", 0.1),
    ("", "sen", None, "sen", 0.01),
];

/// Symbols and symbol-prefixed forms: forms separated by '|', ISO code, unit, whether the
/// characters must touch ("a$" but not "a $", where "a" is an article), the side of the number.
#[rustfmt::skip]
const SYMBOLS: &[(&str, Option<&str>, &str, bool, Side)] = &[
    ("$|us$|u.s.$|u.s$|usd$", Some("USD"), "dollar", false, Side::Both),
    ("c$|can$|cad$", Some("CAD"), "dollar", false, Side::Both),
    ("a$", Some("AUD"), "dollar", true, Side::Both),
    ("au$|aud$", Some("AUD"), "dollar", false, Side::Both),
    ("nz$|nzd$", Some("NZD"), "dollar", false, Side::Both),
    ("hk$|hkd$", Some("HKD"), "dollar", false, Side::Both),
    ("s$", Some("SGD"), "dollar", true, Side::Both),
    ("sgd$", Some("SGD"), "dollar", false, Side::Both),
    ("nt$|twd$", Some("TWD"), "dollar", false, Side::Both),
    ("mex$|mxn$", Some("MXN"), "peso", false, Side::Both),
    ("r$", Some("BRL"), "real", true, Side::Both),
    ("€", Some("EUR"), "euro", false, Side::Both),
    ("£|gb£|uk£", Some("GBP"), "pound", false, Side::Both),
    ("¥|jp¥", Some("JPY"), "yen", false, Side::Both),
    ("元|cn¥|rmb¥", Some("CNY"), "yuan", false, Side::Both),
    ("₹", Some("INR"), "rupee", false, Side::Both),
    ("rs|rs.|₨", None, "rupee", false, Side::Before),
    ("ரூ", Some("LKR"), "rupee", false, Side::Both),
    ("₽", Some("RUB"), "ruble", false, Side::Both),
    ("₴", Some("UAH"), "hryvnia", false, Side::Both),
    ("₩", Some("KRW"), "won", false, Side::Both),
    ("₪", Some("ILS"), "shekel", false, Side::Both),
    ("₺", Some("TRY"), "lira", false, Side::Both),
    ("₦", Some("NGN"), "naira", false, Side::Both),
    ("₱", Some("PHP"), "peso", false, Side::Both),
    ("฿", Some("THB"), "baht", false, Side::Both),
    ("₫", Some("VND"), "dong", false, Side::Both),
    ("₡", Some("CRC"), "colón", false, Side::Both),
    ("₾", Some("GEL"), "lari", false, Side::Both),
    ("₭", Some("LAK"), "kip", false, Side::Both),
    ("zł", Some("PLN"), "zloty", false, Side::Both),
    ("₿", None, "bitcoin", false, Side::Both),
    ("¢", None, "cent", false, Side::After),
];

/// ISO 4217 codes (and the common "RMB" and "BTC"), written before or after the number, in any
/// case; the unit each denotes; whether it must be written in capitals because in lower case it
/// is an English word ("try", "pen", "cup"). A capitalised code may carry an "M" for millions
/// ("30 MUSD", "MAUD 60").
#[rustfmt::skip]
const CODES: &[(&str, &str, bool)] = &[
    ("USD", "dollar", false), ("EUR", "euro", false), ("GBP", "pound", false), ("JPY", "yen", false),
    ("CNY", "yuan", false), ("RMB", "yuan", false), ("CHF", "franc", false), ("CAD", "dollar", false),
    ("AUD", "dollar", false), ("NZD", "dollar", false), ("HKD", "dollar", false), ("SGD", "dollar", false),
    ("TWD", "dollar", false), ("INR", "rupee", false), ("PKR", "rupee", false), ("LKR", "rupee", false),
    ("RUB", "ruble", false), ("UAH", "hryvnia", false), ("BYN", "ruble", false), ("TRY", "lira", true),
    ("BRL", "real", false), ("MXN", "peso", false), ("ARS", "peso", true), ("CLP", "peso", false),
    ("COP", "peso", true), ("CUP", "peso", true), ("PHP", "peso", true), ("ZAR", "rand", false),
    ("NGN", "naira", false), ("EGP", "pound", false), ("KES", "shilling", false), ("ILS", "shekel", false),
    ("SAR", "riyal", false), ("QAR", "riyal", false), ("AED", "dirham", false), ("MAD", "dirham", true),
    ("KWD", "dinar", false), ("IQD", "dinar", false), ("IRR", "rial", false), ("KRW", "won", false),
    ("KPW", "won", false), ("THB", "baht", false), ("IDR", "rupiah", false), ("MYR", "ringgit", false),
    ("VND", "dong", false), ("SEK", "krona", false), ("NOK", "krone", false), ("DKK", "krone", false),
    ("PLN", "zloty", false), ("CZK", "koruna", false), ("HUF", "forint", false), ("RON", "leu", true),
    ("BGN", "lev", false), ("KZT", "tenge", false), ("GEL", "lari", true), ("AMD", "dram", true),
    ("AZN", "manat", false), ("ETB", "birr", false), ("GHS", "cedi", false), ("VES", "bolívar", false),
    ("PEN", "sol", true), ("XOF", "franc", false), ("XAF", "franc", false), ("BTC", "bitcoin", false),
];

/// One way of writing a currency, tokenized like the text it is matched against.
struct Phrase {
    words: Vec<String>,
    currency: Currency,
    /// The tokens must touch each other.
    attached: bool,
    /// The first token must be written in capitals.
    upper: bool,
    side: Side,
    /// Power of ten the phrase multiplies by ("MUSD" → 6).
    exp: i32,
}

/// The currency table, by first lower-cased token, built once.
fn lexicon() -> &'static HashMap<String, Vec<Phrase>> {
    static LEXICON: OnceLock<HashMap<String, Vec<Phrase>>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map: HashMap<String, Vec<Phrase>> = HashMap::new();
        let mut add = |form: &str, currency: Currency, attached: bool, upper: bool, side: Side, exp: i32| {
            let words: Vec<String> = tokens(form).into_iter().map(|t| t.lower).collect();
            if let Some(first) = words.first().cloned() {
                map.entry(first).or_default().push(Phrase { words, currency, attached, upper, side, exp });
            }
        };
        for &(adjectives, nouns, code, unit, fraction) in NAMES {
            for adjective in adjectives.split('|') {
                for noun in nouns.split('|') {
                    let form = format!("{adjective} {noun}");
                    add(&form, Currency { code, unit, fraction }, false, false, Side::After, 0);
                }
            }
        }
        for &(forms, code, unit, attached, side) in SYMBOLS {
            for form in forms.split('|') {
                add(form, Currency { code, unit, fraction: 1.0 }, attached, false, side, 0);
            }
        }
        for &(code, unit, upper) in CODES {
            // RMB is the yuan's common name, not its code; BTC is not an ISO 4217 code.
            let iso = match code {
                "RMB" => Some("CNY"),
                "BTC" => None,
                _ => Some(code),
            };
            let currency = Currency { code: iso, unit, fraction: 1.0 };
            add(code, currency, false, upper, Side::Both, 0);
            add(&format!("M{code}"), currency, false, true, Side::Both, 6);
        }
        map
    })
}

/// The longest currency form starting at token `i` that may stand on `side` of its number: the
/// currency, the token after it, and the power of ten it multiplies by.
fn currency_at(toks: &[Token], i: usize, side: Side) -> Option<(Currency, usize, i32)> {
    let phrases = lexicon().get(toks.get(i)?.lower.as_str())?;
    phrases
        .iter()
        .filter(|p| p.side == side || p.side == Side::Both)
        .filter(|p| !p.upper || toks[i].is_upper())
        .filter(|p| {
            p.words.iter().enumerate().all(|(k, w)| {
                toks.get(i + k).is_some_and(|t| t.lower == *w)
                    && (k == 0 || !p.attached || attached(toks, i + k - 1))
            })
        })
        .max_by_key(|p| p.words.len())
        .map(|p| (p.currency, i + p.words.len(), p.exp))
}

/// An amount with its currency first: "$ 75 million", "US$40bn", "c $ 100 and fifty", "usd115".
fn prefixed(toks: &[Token], i: usize) -> Option<(Amount, usize)> {
    let (currency, j, exp) = currency_at(toks, i, Side::Before)?;
    let mut n = number_at(toks, j)?.times(exp);
    let mut end = n.end;
    if exp == 0 && !n.scaled && is(toks, end, "and") {
        if let Some((v, (m, e))) = n.value.zip(minor_part(toks, end + 1, &n)) {
            n.value = Some((v * 100.0 + m) / 100.0);
            end = e;
        }
    }
    // "$ 9.99 US dollars", "$ 5 canadian dollars": a name repeating the unit belongs to the
    // amount, and its country settles the code.
    let mut currency = currency;
    let repeated = currency_at(toks, end, Side::After).filter(|&(c, e, _)| {
        c.unit == currency.unit
            && toks[end].shape == Shape::Word
            && toks.get(e).is_none_or(|t| t.shape != Shape::Digits)
    });
    if let Some((named, e, 0)) = repeated {
        currency.code = named.code.or(currency.code);
        end = e;
    }
    Some((money(toks, i, end, currency, &n), end))
}

/// An amount with its unit after the number: money ("420 million finnish markka", "12-cent",
/// "3 dollars 50 cents"), a percentage or a count of people.
fn suffixed(toks: &[Token], i: usize) -> Option<(Amount, usize)> {
    let n = number_at(toks, i)?;
    let j = n.end;
    if let Some(end) = percent_sign(toks, j) {
        return Some((amount(toks, i, end, Kind::Percent, "percent", &n), end));
    }
    let hyphen = is(toks, j, "-");
    let mut k = if hyphen { j + 1 } else { j };
    if n.min.is_some() && is(toks, k, "of") {
        k += 1;
    }
    if let Some((currency, mut end, exp)) = currency_at(toks, k, Side::After) {
        // "1 $10": a symbol touching the next number and not this one is that number's.
        let next_number = toks.get(end).is_some_and(|t| t.shape == Shape::Digits) && attached(toks, end - 1);
        let owned_by_next = next_number && !hyphen && !attached(toks, j - 1);
        // "5 pounds of rice" is a weight.
        let weight = currency.unit == "pound" && is(toks, end, "of");
        if !owned_by_next && !weight {
            let mut n = n.times(exp);
            // "75 USD million".
            if !n.scaled && exp == 0 {
                if let Some(e) =
                    toks.get(end).filter(|t| t.shape == Shape::Word).and_then(|t| scale(&t.lower))
                {
                    n = n.times(e);
                    end += 1;
                }
            }
            // "thirteen dollars and forty-five cents", "15 dollars 50".
            if currency.fraction == 1.0 && !n.scaled && exp == 0 {
                let from = if is(toks, end, "and") { end + 1 } else { end };
                if let Some((v, (m, e))) = n.value.zip(minor_part(toks, from, &n)) {
                    n.value = Some((v * 100.0 + m) / 100.0);
                    end = e;
                }
            }
            return Some((money(toks, i, end, currency, &n), end));
        }
    }
    people(toks, i, &n)
}

/// The minor part after a whole major amount, in hundredths, and the token after it: "forty-five
/// cents", "five mao five", or a bare number below 100 that no unit follows ("15 dollars 50").
fn minor_part(toks: &[Token], from: usize, major: &Parsed) -> Option<(f64, usize)> {
    if major.value.is_none_or(|v| v.fract() != 0.0 || v > 1e15) {
        return None;
    }
    let m = number_at(toks, from)?;
    let count = m.value.filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < 100.0 && !m.scaled)?;
    if let Some((unit, end, 0)) = currency_at(toks, m.end, Side::After) {
        if unit.fraction == 0.1 {
            // "five mao five": a last bare digit counts hundredths.
            let fen = number_at(toks, end)
                .and_then(|f| f.value.filter(|v| *v < 10.0 && v.fract() == 0.0).map(|v| (v, f.end)));
            return match fen {
                Some((v, e)) if next_is_free(toks, e) => Some((count * 10.0 + v, e)),
                _ => Some((count * 10.0, end)),
            };
        }
        return (unit.fraction == 0.01).then_some((count, end));
    }
    // "10 turkish lira 11a": a number glued to a word or digits is a code, not cents.
    let glued = attached(toks, m.end - 1) && toks.get(m.end).is_some_and(|t| t.shape != Shape::Symbol);
    (!glued && next_is_free(toks, m.end)).then_some((count, m.end))
}

/// Whether nothing after token `at` makes the number before it a measure of something else: a
/// unit, a sign, a scale, a count noun or a time unit.
fn next_is_free(toks: &[Token], at: usize) -> bool {
    const MEASURES: &[&str] = &[
        "-", "%", "/", "percent", "per", "times", "year", "years", "month", "months", "week", "weeks", "day",
        "days", "hour", "hours", "minute", "minutes", "second", "seconds", "point", "points",
    ];
    let Some(t) = toks.get(at) else { return true };
    !(MEASURES.contains(&t.lower.as_str())
        || scale(&t.lower).is_some()
        || currency_at(toks, at, Side::After).is_some()
        || PEOPLE.contains(&t.lower.as_str()))
}

/// The token after a percent sign or word at `j` ("%", "percent", "per cent", "pct",
/// "percentage points").
fn percent_sign(toks: &[Token], j: usize) -> Option<usize> {
    let t = toks.get(j)?;
    match t.lower.as_str() {
        "%" | "percent" | "pct" => Some(j + 1),
        "per" if is(toks, j + 1, "cent") => Some(j + 2),
        "percentage" if is(toks, j + 1, "point") || is(toks, j + 1, "points") => Some(j + 2),
        _ => None,
    }
}

/// Nouns counting people, singular and plural, as news writes casualty and crowd figures.
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "people", "persons", "person", "civilians", "civilian", "protesters", "protestors", "demonstrators",
    "soldiers", "soldier", "troops", "policemen", "policeman", "police", "officers", "militants",
    "militant", "rebels", "fighters", "insurgents", "gunmen", "children", "child", "women", "woman", "men",
    "man", "students", "workers", "migrants", "refugees", "journalists", "journalist", "prisoners",
    "detainees", "hostages", "casualties", "victims", "residents", "villagers", "passengers", "pilgrims",
    "worshippers", "settlers", "members", "supporters", "activists", "staff", "employees", "inhabitants",
];

/// Whether a token reads as a plural demonym: a capitalised word ending as "Palestinians",
/// "Afghans", "Israelis" or "Chinese" do.
fn demonym(t: &Token) -> bool {
    let mut chars = t.text.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    capitalised && t.text.len() > 4 && ["ians", "ans", "is", "ese"].iter().any(|end| t.text.ends_with(end))
}

/// A count of people: the number, an optional "of" and at most one word, then a people noun
/// ("12 people", "dozens of protesters", "three unarmed civilians").
fn people(toks: &[Token], i: usize, n: &Parsed) -> Option<(Amount, usize)> {
    // "in 2019 people took to the streets": a year is not a count.
    let year = toks[i].shape == Shape::Digits
        && toks[i].text.len() == 4
        && n.end == i + 1
        && n.value.is_some_and(|v| (1800.0..=2100.0).contains(&v));
    if year {
        return None;
    }
    let of = is(toks, n.end, "of");
    let k = if of { n.end + 1 } else { n.end };
    let noun = |at: usize| {
        let t = toks.get(at)?;
        PEOPLE.iter().find(|w| **w == t.lower).copied().or_else(|| demonym(t).then_some("people"))
    };
    let (unit, end) = match noun(k) {
        Some(unit) => (unit, k + 1),
        // One word between: "three unarmed civilians", but not "one of the protesters".
        None if !of
            && toks.get(k).is_some_and(|t| t.shape == Shape::Word && number_at(toks, k).is_none()) =>
        {
            (noun(k + 1)?, k + 2)
        }
        None => return None,
    };
    Some((amount(toks, i, end, Kind::People, unit, n), end))
}

/// A money amount over tokens `i..end`.
fn money(toks: &[Token], i: usize, end: usize, currency: Currency, n: &Parsed) -> Amount {
    Amount {
        currency: currency.code.filter(|_| currency.fraction == 1.0),
        ..amount(toks, i, end, Kind::Money, currency.unit, n)
    }
}

/// A percentage or count over tokens `i..end` with the number's value and bound.
fn amount(toks: &[Token], i: usize, end: usize, kind: Kind, unit: &'static str, n: &Parsed) -> Amount {
    Amount {
        start: toks[i].start,
        end: toks[end - 1].end,
        kind,
        currency: None,
        unit,
        // Minor parts can overflow a number that was already near the f64 limit.
        value: n.value.filter(|v| v.is_finite()),
        min: n.min,
        max: n.max,
    }
}

/// Phrases before a number that make it a lower bound.
const AT_LEAST: &[&[&str]] = &[
    &["at", "least"],
    &["more", "than"],
    &["over"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["no", "fewer", "than"],
    &["no", "less", "than"],
    &["not", "less", "than"],
];

/// Phrases before a number that make it an upper bound.
const AT_MOST: &[&[&str]] = &[
    &["at", "most"],
    &["up", "to"],
    &["as", "much", "as"],
    &["as", "many", "as"],
    &["less", "than"],
    &["fewer", "than"],
    &["under"],
    &["no", "more", "than"],
    &["not", "more", "than"],
];

/// Whether one of `phrases` ends just before token `i`.
fn bound_before(toks: &[Token], i: usize, phrases: &[&[&str]]) -> bool {
    phrases.iter().any(|words| {
        i >= words.len() && words.iter().enumerate().all(|(k, w)| toks[i - words.len() + k].lower == *w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The only amount of `text`: its words, kind, code, unit, value and bound.
    fn one(text: &str) -> (&str, Kind, Option<&str>, &str, Option<f64>, Option<f64>) {
        let found = amounts(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let a = found[0];
        (a.text(text), a.kind, a.currency, a.unit, a.value, a.min)
    }

    #[test]
    fn the_seed_loan_has_its_exact_span() {
        let text = "Moscow nears a 38-million-euro loan.";
        let found = amounts(text);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (15, 30));
        assert_eq!(one(text), ("38-million-euro", Kind::Money, Some("EUR"), "euro", Some(38e6), None));
    }

    #[test]
    fn currency_before_the_number() {
        assert_eq!(
            one("a $40 billion plan"),
            ("$40 billion", Kind::Money, Some("USD"), "dollar", Some(4e10), None)
        );
        assert_eq!(
            one("US$ 40 billion"),
            ("US$ 40 billion", Kind::Money, Some("USD"), "dollar", Some(4e10), None)
        );
        assert_eq!(
            one("GB£20.1 billion"),
            ("GB£20.1 billion", Kind::Money, Some("GBP"), "pound", Some(2.01e10), None)
        );
        assert_eq!(
            one("the c $ 16.4 million"),
            ("c $ 16.4 million", Kind::Money, Some("CAD"), "dollar", Some(16.4e6), None)
        );
        assert_eq!(one("cost £ 60,000 ."), ("£ 60,000", Kind::Money, Some("GBP"), "pound", Some(6e4), None));
        assert_eq!(one("USD115.5"), ("USD115.5", Kind::Money, Some("USD"), "dollar", Some(115.5), None));
        assert_eq!(
            one("revenues of MAUD 60"),
            ("MAUD 60", Kind::Money, Some("AUD"), "dollar", Some(6e7), None)
        );
        assert_eq!(
            one("around $ 9.99 US dollars"),
            ("$ 9.99 US dollars", Kind::Money, Some("USD"), "dollar", Some(9.99), None)
        );
        assert_eq!(one("$ 5 canadian dollars").2, Some("CAD"));
        assert_eq!(one("raised $5m"), ("$5m", Kind::Money, Some("USD"), "dollar", Some(5e6), None));
    }

    #[test]
    fn currency_after_the_number() {
        assert_eq!(
            one("1.2bn rubles"),
            ("1.2bn rubles", Kind::Money, Some("RUB"), "ruble", Some(1.2e9), None)
        );
        assert_eq!(
            one("for 420 million finnish markka ."),
            ("420 million finnish markka", Kind::Money, Some("FIM"), "markka", Some(4.2e8), None)
        );
        assert_eq!(
            one("10,000 swiss francs"),
            ("10,000 swiss francs", Kind::Money, Some("CHF"), "franc", Some(1e4), None)
        );
        assert_eq!(
            one("528 million francs"),
            ("528 million francs", Kind::Money, None, "franc", Some(5.28e8), None)
        );
        assert_eq!(
            one("five million yen"),
            ("five million yen", Kind::Money, Some("JPY"), "yen", Some(5e6), None)
        );
        assert_eq!(
            one("They lost 75 USD million."),
            ("75 USD million", Kind::Money, Some("USD"), "dollar", Some(75e6), None)
        );
        assert_eq!(
            one("a 12-cent-a-share dividend"),
            ("12-cent", Kind::Money, None, "cent", Some(12.0), None)
        );
        assert_eq!(one("revenue is -15€"), ("-15€", Kind::Money, Some("EUR"), "euro", Some(-15.0), None));
        assert_eq!(one("revenue is ($-99.99)").4, Some(-99.99));
        assert_eq!(one("10 €"), ("10 €", Kind::Money, Some("EUR"), "euro", Some(10.0), None));
    }

    #[test]
    fn vague_money_gives_a_lower_bound_only() {
        assert_eq!(
            one("billions of dollars"),
            ("billions of dollars", Kind::Money, Some("USD"), "dollar", None, Some(1e9))
        );
        assert_eq!(
            one("a multibillion - dollar deal"),
            ("multibillion - dollar", Kind::Money, Some("USD"), "dollar", None, Some(1e9))
        );
    }

    #[test]
    fn ranges_have_bounds_and_no_value() {
        let text = "raised $5-10 million, up 20 to 25 percent";
        let found: Vec<_> =
            amounts(text).iter().map(|a| (a.text(text), a.kind, a.value, a.min, a.max)).collect();
        assert_eq!(
            found,
            [
                ("$5-10 million", Kind::Money, None, Some(5e6), Some(1e7)),
                ("20 to 25 percent", Kind::Percent, None, Some(20.0), Some(25.0)),
            ]
        );
    }

    #[test]
    fn minor_units_add_to_the_major_amount() {
        assert_eq!(one("thirteen dollars and forty-five cents").4, Some(13.45));
        assert_eq!(one("it cost 3 dollars 50 cents.").4, Some(3.5));
        assert_eq!(one("it costs only 15 dollars 50.").4, Some(15.5));
        assert_eq!(one("c $ 100 and fifty").4, Some(100.5));
        assert_eq!(one("one kuai and five mao five").4, Some(1.55));
        assert_eq!(one("three thousand dollars two hundred times").4, Some(3000.0));
        assert_eq!(one("10 turkish lira 11a").4, Some(10.0));
        let two: Vec<_> = amounts("50 dollar 50 dollar").iter().map(|a| a.value).collect();
        assert_eq!(two, [Some(50.0), Some(50.0)]);
    }

    #[test]
    fn a_symbol_between_two_numbers_goes_with_the_one_it_touches() {
        let text = "1 $10 dollars bill";
        let found = amounts(text);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].text(text), found[0].value), ("$10 dollars", Some(10.0)));
        let values: Vec<_> = amounts("10 $ 30 $").iter().map(|a| a.value).collect();
        assert_eq!(values, [Some(10.0), Some(30.0)]);
    }

    #[test]
    fn percentages_and_people() {
        assert_eq!(one("rose 5%"), ("5%", Kind::Percent, None, "percent", Some(5.0), None));
        assert_eq!(one("five per cent"), ("five per cent", Kind::Percent, None, "percent", Some(5.0), None));
        assert_eq!(one("fell 27 % in"), ("27 %", Kind::Percent, None, "percent", Some(27.0), None));
        assert_eq!(
            one("at least 12 people were killed"),
            ("12 people", Kind::People, None, "people", Some(12.0), Some(12.0))
        );
        assert_eq!(
            one("dozens of protesters"),
            ("dozens of protesters", Kind::People, None, "protesters", None, Some(12.0))
        );
        assert_eq!(
            one("killing 12 Palestinians"),
            ("12 Palestinians", Kind::People, None, "people", Some(12.0), None)
        );
        assert_eq!(amounts("In 12 Days"), []);
        assert_eq!(
            one("three unarmed civilians"),
            ("three unarmed civilians", Kind::People, None, "civilians", Some(3.0), None)
        );
        assert_eq!(one("more than $ 247 million").5, Some(247e6));
        assert_eq!(
            one("cut by half a percentage point"),
            ("half a percentage point", Kind::Percent, None, "percent", Some(0.5), None)
        );
        let up_to = amounts("as many as 300 people");
        assert_eq!((up_to[0].value, up_to[0].min, up_to[0].max), (Some(300.0), None, Some(300.0)));
    }

    #[test]
    fn words_that_look_like_codes_or_units_are_not_money() {
        for text in [
            "ALL 5 solutions are wrong.",
            "try 5 times",
            "the death toll passed the 1,000 mark",
            "he bought 5 pounds of rice",
            "All 70 of us.",
            "I tried to call Bob 3 times already.",
            "in 2019 people took to the streets",
            "one of the protesters was hurt",
        ] {
            assert_eq!(amounts(text), [], "{text}");
        }
    }

    #[test]
    fn the_currency_table_names_units() {
        assert_eq!(currency("Finnish markka").map(|c| c.code), Some(Some("FIM")));
        assert_eq!(currency("pence").map(|c| c.unit), Some("penny"));
        assert_eq!(currency("Dollar").map(|c| c.unit), Some("dollar"));
        assert_eq!(currency("Netherlands guilder"), None);
    }

    /// A small deterministic generator (xorshift64*), so the test needs no dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    #[test]
    fn random_text_never_panics_and_spans_are_char_boundaries() {
        const PIECES: &[&str] = &[
            "$",
            "US",
            "£",
            "€",
            "GB",
            "c",
            " ",
            " ",
            "-",
            ",",
            ".",
            "0",
            "1",
            "5",
            "99",
            "1,000",
            "2.5",
            "million",
            "bn",
            "m",
            "k",
            "and",
            "a",
            "half",
            "quarter",
            "of",
            "billions",
            "tens",
            "thousands",
            "dollars",
            "euro",
            "cents",
            "mao",
            "five",
            "twenty",
            "hundred",
            "%",
            "per",
            "cent",
            "people",
            "at",
            "least",
            "USD",
            "MUSD",
            "ரூ",
            "元",
            "ó",
            "multi",
            "several",
            "\u{0}",
            "\n",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = (rng.next() % 12) as usize;
            let text: String =
                (0..len).map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize]).collect();
            for a in amounts(&text) {
                assert!(a.start < a.end && a.end <= text.len(), "{text:?}: {a:?}");
                assert!(text.is_char_boundary(a.start) && text.is_char_boundary(a.end), "{text:?}: {a:?}");
                assert!(a.value.is_none_or(f64::is_finite), "{text:?}: {a:?}");
            }
            for n in crate::number::numbers(&text) {
                assert!(n.start < n.end && n.end <= text.len());
            }
        }
        let huge = format!("MUSD {} and {} dollars 50", "9".repeat(305), "9".repeat(309));
        assert!(amounts(&huge).iter().all(|a| a.value.is_none()), "{:?}", amounts(&huge));
        for _ in 0..2_000 {
            let len = (rng.next() % 40) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let text = String::from_utf8_lossy(&bytes);
            let _ = amounts(&text);
        }
    }
}
