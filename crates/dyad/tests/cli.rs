//! End-to-end tests of the `dyad` binary on the bundled seed article and on bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

fn dyad(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .current_dir(workspace())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dyad runs");
    if let Some(bytes) = stdin {
        child.stdin.take().expect("stdin").write_all(bytes).expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("dyad finishes")
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn tags_the_seed_article_into_23_sentences_with_exact_offsets() {
    let out = dyad(&["tag", "examples/russia-cuba.txt"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let conllu = String::from_utf8(out.stdout).unwrap();
    let sentences = dyad_nlp::conllu::parse(&conllu).unwrap();
    assert_eq!(sentences.len(), 23);
    let text = std::fs::read_to_string(workspace().join("examples/russia-cuba.txt")).unwrap();
    for word in sentences.iter().flat_map(|s| &s.words) {
        let range = word.misc.split('|').find_map(|f| f.strip_prefix("TokenRange=")).expect("TokenRange");
        let (a, b) = range.split_once(':').unwrap();
        assert_eq!(&text[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()], word.form);
        assert!(!word.upos.is_empty() && !word.xpos.is_empty() && !word.lemma.is_empty());
    }
    let first: Vec<(&str, &str)> =
        sentences[0].words.iter().take(4).map(|w| (w.form.as_str(), w.upos.as_str())).collect();
    assert_eq!(first, [("The", "DET"), ("presidents", "NOUN"), ("of", "ADP"), ("Russia", "PROPN")]);
    let vowed = sentences[0].words.iter().find(|w| w.form == "vowed").unwrap();
    assert_eq!((vowed.lemma.as_str(), vowed.xpos.as_str()), ("vow", "VBN"));
}

#[test]
fn invalid_utf8_is_an_error_naming_the_byte_unless_lossy() {
    let out = dyad(&["tag", "-"], Some(b"Moscow \xff said."));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>") && err.contains("byte 7"), "{err}");
    let out = dyad(&["tag", "--lossy", "-"], Some(b"Moscow \xff said."));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("said"));
}

#[test]
fn empty_and_control_character_input_give_no_error() {
    let out = dyad(&["tag", "-"], Some(b""));
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = dyad(
        &["tag", "-"],
        Some(b"\x00\x01\x07 Cuba \x1b[31m \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xf0\x9f\x99\x82"),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_missing_file_is_named_and_the_other_files_are_still_tagged() {
    let out = dyad(&["tag", "no/such/file.txt", "examples/russia-cuba.txt"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Diaz-Canel"));
}

#[test]
fn eval_scores_a_file_against_itself_perfectly_and_reports_malformed_lines() {
    let out = dyad(&["tag", "examples/russia-cuba.txt"], None);
    let path = std::env::temp_dir().join(format!("dyad-cli-test-{}.conllu", std::process::id()));
    std::fs::write(&path, &out.stdout).unwrap();
    let p = path.to_str().unwrap();
    let out = dyad(&["eval", "conllu", p, p], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    let upos = table.lines().find(|l| l.starts_with("UPOS")).unwrap();
    assert!(upos.contains("100.00"), "{table}");
    std::fs::write(&path, "1\tbroken line\n").unwrap();
    let out = dyad(&["eval", "conllu", p, p], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
    std::fs::remove_file(&path).ok();
}

#[test]
fn eval_from_tags_parses_the_given_tags() {
    // dyad's own parse of the seed, with the first word's tag changed to one the tagger would
    // not give: `--from tags` must keep it (XPOS 100), `--from tokens` must not.
    let out = dyad(&["parse", "examples/russia-cuba.txt"], None);
    let parsed = String::from_utf8(out.stdout).unwrap();
    let first_word = parsed.lines().position(|l| l.starts_with("1\t")).unwrap();
    let edited: Vec<String> = parsed
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut columns: Vec<&str> = l.split('\t').collect();
            if i == first_word {
                columns[4] = "FW";
            }
            columns.join("\t")
        })
        .collect();
    let path = std::env::temp_dir().join(format!("dyad-cli-tags-{}.conllu", std::process::id()));
    std::fs::write(&path, edited.join("\n") + "\n").unwrap();
    let score = |from: &str, metric: &str| -> f64 {
        let out = dyad(&["eval", "conllu", path.to_str().unwrap(), "--from", from], None);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let table = String::from_utf8(out.stdout).unwrap();
        let line = table.lines().find(|l| l.starts_with(metric)).unwrap().to_string();
        line.rsplit('|').next().unwrap().trim().parse().unwrap()
    };
    assert_eq!(score("tags", "XPOS"), 100.0);
    assert!(score("tokens", "XPOS") < 100.0);
    assert!(score("tags", "UAS") > 90.0, "the parser mostly agrees with its own parse");
    std::fs::remove_file(&path).ok();
}

#[test]
fn parses_the_seed_article_into_one_tree_per_sentence_at_any_beam() {
    for beam in ["1", "4"] {
        let out = dyad(&["parse", "--beam", beam, "examples/russia-cuba.txt"], None);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_single_trees(&String::from_utf8(out.stdout).unwrap());
    }
}

fn assert_single_trees(conllu: &str) {
    let sentences = dyad_nlp::conllu::parse(conllu).unwrap();
    assert_eq!(sentences.len(), 23);
    for s in &sentences {
        let heads: Vec<usize> = s.words.iter().map(|w| w.head.expect("every word has a head")).collect();
        assert_eq!(heads.iter().filter(|h| **h == 0).count(), 1, "one root");
        assert!(heads.iter().all(|h| *h <= s.words.len()));
        assert!(s.words.iter().all(|w| !w.deprel.is_empty()));
    }
}

/// The document-level records of `dyad code --entities` on `input` (JSON lines).
fn coded(args: &[&str], stdin: Option<&[u8]>) -> (Vec<serde_json::Value>, String, bool) {
    let out = dyad(args, stdin);
    let records = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    (records, String::from_utf8_lossy(&out.stderr).into_owned(), out.status.success())
}

#[test]
fn codes_the_seed_article_times_and_amounts_against_its_date() {
    let (records, err, ok) =
        coded(&["code", "--entities", "--date", "2019-10-31", "examples/russia-cuba.txt"], None);
    assert!(ok, "{err}");
    assert_eq!(records.len(), 1);
    let doc = &records[0];
    assert_eq!(doc["doc_id"], "russia-cuba");
    let text = std::fs::read_to_string(workspace().join("examples/russia-cuba.txt")).unwrap();
    let span = |v: &serde_json::Value| {
        &text[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
    };
    let times = doc["times"].as_array().unwrap();
    let may = times.iter().find(|t| t["text"] == "May 9 next year").expect("May 9 next year");
    assert_eq!((may["value"].as_str(), span(may)), (Some("2020-05-09"), "May 9 next year"));
    let amounts = doc["amounts"].as_array().unwrap();
    let loan = amounts.iter().find(|a| a["text"] == "38-million-euro").expect("the loan");
    assert_eq!((loan["currency"].as_str(), loan["value"].as_f64()), (Some("EUR"), Some(38e6)));
    assert_eq!(span(loan), "38-million-euro");
}

#[test]
fn codes_the_seed_article_entities_with_types_and_actors() {
    let (records, err, ok) =
        coded(&["code", "--entities", "--date", "2019-10-31", "examples/russia-cuba.txt"], None);
    assert!(ok, "{err}");
    let entities = records[0]["entities"].as_array().unwrap();
    let entity = |name: &str| {
        entities.iter().find(|e| e["name"] == name).unwrap_or_else(|| panic!("{name} in {entities:?}"))
    };
    let president = entity("Miguel Diaz-Canel");
    assert_eq!((president["type"].as_str(), president["actor"].as_str()), (Some("PERSON"), Some("CUBGOV")));
    assert!(president["mentions"].as_array().unwrap().iter().any(|m| m["text"] == "Diaz-Canel"));
    let nam = entity("Non-Aligned Movement");
    assert_eq!((nam["type"].as_str(), nam["actor"].as_str()), (Some("ORGANIZATION"), Some("IGONON")));
    let moscow = entity("Moscow");
    assert_eq!((moscow["type"].as_str(), moscow["actor"].as_str()), (Some("LOCATION"), Some("RUS")));
    assert_eq!(entity("Vladimir Putin")["type"], "PERSON");
}

#[test]
fn json_lines_documents_carry_their_dates_and_bad_lines_are_named() {
    let input = concat!(
        r#"{"id": "a", "text": "He arrived yesterday.", "date": "2019-10-31"}"#,
        "\n{not json\n",
        r#"{"id": "b", "text": "He arrived yesterday.", "date": "2019-02-30"}"#,
        "\n",
        r#"{"id": "c", "text": "He arrived yesterday."}"#,
        "\n"
    );
    let (records, err, ok) = coded(&["code", "--entities", "--input", "jsonl", "-"], Some(input.as_bytes()));
    assert!(!ok, "a bad line makes the run fail after coding the rest");
    assert!(err.contains("<stdin>:2"), "{err}");
    assert!(err.contains("<stdin>:3: document b") && err.contains("2019-02-30"), "{err}");
    let ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(records[0]["times"][0]["value"], "2019-10-30");
    assert!(records[1]["times"][0]["value"].is_null() && records[2]["times"][0]["value"].is_null());
}

#[test]
fn code_writes_event_records_as_json_lines_and_csv() {
    let out = dyad(&["code", "--date", "2019-10-31", "examples/russia-cuba.txt"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON event"))
        .collect();
    let consult = |source: &str, target: &str| {
        events.iter().find(|e| {
            e["source"]["code"] == source
                && e["target"]["code"] == target
                && e["cameo"].as_str().is_some_and(|c| c.starts_with("04"))
        })
    };
    let met =
        consult("CUBGOV", "RUSBUS").unwrap_or_else(|| panic!("no meeting with businessmen in {events:#?}"));
    assert_eq!(met["trigger"]["text"], "met");
    assert_eq!(met["quad_class"], 1);
    assert!(met["rule"].as_str().is_some_and(|r| r.contains("events.tsv:")));
    assert!(consult("CUBGOV", "RUSGOV").is_some(), "no talks with Russia in {events:#?}");
    let out = dyad(&["code", "--date", "2019-10-31", "--format", "csv", "examples/russia-cuba.txt"], None);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("id,doc_id,sentence,date,"), "{csv}");
    assert_eq!(csv.lines().count(), events.len() + 1);
}

#[test]
fn lexicon_check_passes_on_the_committed_sources() {
    let out = dyad(&["lexicon", "check", "lexicon"], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn lexicon_check_names_file_and_line_of_each_problem() {
    let dir = std::env::temp_dir().join(format!("dyad-lexicon-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        ("countries.tsv", "# code\tname\taliases\tadjectives\tcapital\tregion\nRUS\tRussia\t\tRussian\tMoscow\tEUR\nRUS\tRussia again\n"),
        ("regions.tsv", "EUR\tEurope\n"),
        ("igos.tsv", "IGOUNO\tUnited Nations\tUN\n"),
        ("metonyms.tsv", "Kremlin\tRUSGOV\nPentagon\tUSAMIL\n"),
        ("agents.tsv", "troops\tMIL\n"),
        ("places.tsv", "Moscow\tRUS\t48\t55.75\t37.62\tmany\t1\n"),
        ("officials.tsv", "Vladimir Putin\tRUSGOV\tpresident\t2012-05-07\t-\n"),
        ("groups.tsv", "Hezbollah\tLBNREB\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = dyad(&["lexicon", "check", dir.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(stdout.contains("countries.tsv:3: duplicate country code \"RUS\""), "{stdout}");
    assert!(stdout.contains("metonyms.tsv:2: \"Pentagon\": actor code \"USAMIL\""), "{stdout}");
    assert!(stdout.contains("places.tsv:1: population \"many\""), "{stdout}");
    assert!(stdout.contains("groups.tsv:1: \"Hezbollah\": actor code \"LBNREB\""), "{stdout}");
}
