//! End-to-end tests of `dyad query` and `dyad export` on a database built here with
//! dyad-store from hand-made event records.

use dyad_extract::event::{Actor, DateSource, Event, Location, Modality, Span};
use dyad_store::{content_hash, CodedDocument, DocumentRow, Store, EVENT_COLUMNS};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).output().expect("dyad runs")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn actor(code: &str, country: &str, sector: Option<&str>) -> Actor {
    Actor {
        text: code.to_lowercase(),
        code: code.into(),
        country: Some(country.into()),
        sector: sector.map(str::to_string),
        entity: None,
        start: 0,
        end: 6,
    }
}

fn event(doc: &str, n: usize, source: Actor, target: Actor, date: &str, cameo: &str, gold: f64) -> Event {
    let quad = if cameo.starts_with('0') { 1 } else { 3 };
    Event {
        id: format!("{doc}:0:{n}"),
        doc_id: doc.into(),
        sentence: 0,
        date: Some(date.into()),
        date_source: DateSource::Document,
        source: Some(source),
        target: Some(target),
        cameo: cameo.into(),
        cameo_root: cameo[..2].into(),
        cameo_name: "Criticize or denounce".into(),
        goldstein: gold,
        quad_class: quad,
        plover: "ACCUSE".into(),
        plover_mode: None,
        trigger: Span { text: "denounced".into(), start: 20, end: 29 },
        location: Some(Location {
            text: "Moscow".into(),
            country: Some("RUS".into()),
            lat: Some(55.75),
            lon: Some(37.62),
        }),
        amounts: vec![],
        modality: Modality::Asserted,
        historical: false,
        confidence: 0.8,
        rule: "verb denounce + obj, \"111\"".into(),
        mentions: 2,
        other_triggers: Vec::new(),
    }
}

/// A database path in a fresh temp folder, removed with the folder when dropped.
struct TempDb(PathBuf);

impl std::ops::Deref for TempDb {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A database of two documents and four events in a fresh temp folder.
fn database(name: &str) -> TempDb {
    let dir = std::env::temp_dir().join(format!("dyad-cli-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("events.db");
    let rus = || actor("RUSGOV", "RUS", Some("GOV"));
    let cub = || actor("CUBGOV", "CUB", Some("GOV"));
    let usa = || actor("USA", "USA", None);
    let doc = |id: &str, text: &str, date: &str| DocumentRow {
        id: id.into(),
        url: Some(format!("https://example.org/{id}")),
        date: Some(date.into()),
        content_hash: content_hash(text),
        text: Some(text.into()),
        coded_at: Some("2019-11-01T12:30:00Z".into()),
        ..Default::default()
    };
    let mut store = Store::open(&path).unwrap();
    store
        .put_documents(&[
            CodedDocument {
                document: doc("a", "Russia and Cuba denounced U.S. interference.", "2019-10-31"),
                events: vec![
                    event("a", 0, rus(), usa(), "2019-10-31", "111", -2.0),
                    event("a", 1, rus(), cub(), "2019-10-31", "036", 4.0),
                ],
                entities: vec![],
            },
            CodedDocument {
                document: doc("b", "Cuba thanked Russia.", "2019-11-04"),
                events: vec![
                    event("b", 0, cub(), rus(), "2019-11-04", "051", 3.4),
                    event("b", 1, cub(), rus(), "2019-11-05", "111", -2.0),
                ],
                entities: vec![],
            },
        ])
        .unwrap();
    TempDb(path)
}

fn db_args<'a>(path: &'a Path, args: &[&'a str]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(["--db", path.to_str().unwrap()]);
    v
}

#[test]
fn a_missing_database_is_named_with_how_to_make_one() {
    let out = dyad(&["query", "events", "--db", "/nonexistent/dir/none.db"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no database at /nonexistent/dir/none.db") && err.contains("dyad ingest"), "{err}");
    let out = dyad(&["export", "--db", "/nonexistent/dir/none.db"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database at"));
}

#[test]
fn query_events_filters_and_writes_jsonl_csv_and_table() {
    let db = database("events");
    let jsonl = stdout(&dyad(&db_args(&db, &["query", "events", "--format", "jsonl", "--source", "rus"])));
    let records: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a:0:0", "a:0:1"]);
    assert_eq!(records[0]["source"]["code"], "RUSGOV");
    assert_eq!(records[0]["cameo"], "111");
    assert_eq!(records[0]["location"]["lat"], 55.75);

    let filtered = stdout(&dyad(&db_args(
        &db,
        &["query", "events", "--format", "jsonl", "--cameo", "11", "--from", "2019-11", "--text", "THANKED"],
    )));
    assert_eq!(filtered.lines().count(), 1);
    assert!(filtered.contains("\"b:0:1\""));

    let csv = stdout(&dyad(&db_args(&db, &["query", "events", "--format", "csv", "--limit", "2"])));
    let mut lines = csv.lines();
    assert_eq!(lines.next().unwrap(), EVENT_COLUMNS.join(","));
    let first = lines.next().unwrap();
    assert!(first.starts_with("a:0:0,a,0,2019-10-31,document,rusgov,RUSGOV,RUS,GOV,"), "{first}");
    assert!(first.contains(",\"verb denounce + obj, \"\"111\"\"\",2"), "{first}");
    assert_eq!(lines.count(), 1);

    let table = stdout(&dyad(&db_args(&db, &["query", "events", "--target-country", "RUS"])));
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].starts_with("date") && rows[1].starts_with("2019-11-04  CUBGOV"), "{table}");
}

#[test]
fn query_dyads_and_actors() {
    let db = database("dyads");
    let csv =
        stdout(&dyad(&db_args(&db, &["query", "dyads", "rus", "CUB", "--by", "month", "--format", "csv"])));
    assert_eq!(csv.lines().collect::<Vec<_>>(), [
        "period,direction,source,target,verbal_coop,material_coop,verbal_conflict,material_conflict,events,goldstein_sum,goldstein_mean",
        "2019-10,a->b,RUS,CUB,1,0,0,0,1,4,4",
        "2019-11,b->a,CUB,RUS,1,0,1,0,2,1.4,0.7",
    ]);
    let weeks =
        stdout(&dyad(&db_args(&db, &["query", "dyads", "CUB", "RUS", "--by", "week", "--format", "jsonl"])));
    let weeks: Vec<serde_json::Value> = weeks.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(weeks.len(), 2);
    assert_eq!(weeks[0]["period"], "2019-10-28");
    assert_eq!(weeks[0]["direction"], "b->a");
    assert_eq!(weeks[1]["period"], "2019-11-04");
    assert_eq!(weeks[1]["quad_counts"], serde_json::json!([1, 0, 1, 0]));
    let table = stdout(&dyad(&db_args(&db, &["query", "dyads", "RUS", "CUB", "--by", "day"])));
    assert_eq!(table.lines().count(), 4, "{table}");

    let actors = stdout(&dyad(&db_args(&db, &["query", "actors", "--top", "1", "--format", "csv"])));
    assert_eq!(
        actors.lines().collect::<Vec<_>>(),
        ["role,rank,code,events", "source,1,CUBGOV,2", "target,1,RUSGOV,2"]
    );
}

#[test]
fn export_writes_jsonl_csv_and_gdelt_rows() {
    let db = database("export");
    let jsonl = stdout(&dyad(&db_args(&db, &["export"])));
    let queried = stdout(&dyad(&db_args(&db, &["query", "events", "--format", "jsonl"])));
    assert_eq!(jsonl, queried);
    assert_eq!(jsonl.lines().count(), 4);

    let out = db.with_file_name("events.csv");
    let done = dyad(&db_args(&db, &["export", "--format", "csv", "--output", out.to_str().unwrap()]));
    assert!(String::from_utf8_lossy(&done.stderr).contains("4 events written"));
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 5);

    let gdelt = stdout(&dyad(&db_args(&db, &["export", "--format", "gdelt", "--doc", "a"])));
    let rows: Vec<Vec<&str>> = gdelt.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2);
    // The column count of GDELT's own header file, when ../shared is there.
    let header = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv");
    let expected = match std::fs::read_to_string(&header) {
        Ok(text) => text.lines().skip(1).filter(|l| !l.trim().is_empty()).count(),
        Err(_) => 61,
    };
    assert_eq!(expected, 61);
    let r = &rows[0];
    assert_eq!(r.len(), expected);
    assert_eq!(&r[1..5], ["20191031", "201910", "2019", "2019.9068"]);
    assert_eq!(&r[5..8], ["RUSGOV", "RUSGOV", "RUS"]);
    assert_eq!(r[12], "GOV");
    assert_eq!(&r[15..18], ["USA", "USA", "USA"]);
    assert_eq!(&r[25..34], ["1", "111", "111", "11", "3", "-2", "2", "1", "1"]);
    assert_eq!(&r[52], &"Moscow");
    assert_eq!(&r[56..58], ["55.75", "37.62"]);
    assert_eq!(r[59], "20191101123000");
    assert_eq!(r[60], "https://example.org/a");
}

#[cfg(feature = "parquet")]
#[test]
fn export_writes_parquet_with_the_events_columns() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let db = database("parquet");
    let out = db.with_file_name("events.parquet");
    let done = dyad(&db_args(&db, &["export", "--format", "parquet", "--output", out.to_str().unwrap()]));
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let reader = SerializedFileReader::new(std::fs::File::open(&out).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows(), 4);
    let names: Vec<&str> = meta.schema_descr().columns().iter().map(|c| c.name()).collect();
    assert_eq!(names, EVENT_COLUMNS);
}

#[cfg(feature = "parquet")]
#[test]
fn export_partitions_parquet_by_month() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let db = database("parquet-partitioned");
    let dir = db.with_file_name("events-by-month");
    let args = ["export", "--format", "parquet", "--partition", "--output", dir.to_str().unwrap()];
    let done = dyad(&db_args(&db, &args));
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let rows = |month: &str| {
        let file = std::fs::File::open(dir.join(format!("month={month}/events.parquet"))).unwrap();
        SerializedFileReader::new(file).unwrap().metadata().file_metadata().num_rows()
    };
    assert_eq!((rows("2019-10"), rows("2019-11")), (2, 2));
}

#[cfg(not(feature = "parquet"))]
#[test]
fn export_to_parquet_says_how_to_get_it() {
    let db = database("no-parquet");
    let out = db.with_file_name("events.parquet");
    let done = dyad(&db_args(&db, &["export", "--format", "parquet", "--output", out.to_str().unwrap()]));
    assert!(!done.status.success());
    assert!(String::from_utf8_lossy(&done.stderr).contains("--features parquet"));
}
