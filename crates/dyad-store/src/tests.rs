//! Unit tests of the store on records built here (the coder is not needed).

use super::*;
use dyad_extract::event::{Actor, DateSource, EventAmount, Location, Modality, Span};

fn actor(code: &str) -> Actor {
    let country = (code.len() >= 3 && !code.starts_with("IGO")).then(|| code[..3].to_string());
    let sector = (code.len() == 6 && country.is_some()).then(|| code[3..].to_string());
    Actor { text: code.to_lowercase(), code: code.into(), country, sector, entity: None, start: 0, end: 3 }
}

/// An event `doc:0:n` from `src` to `tgt` on `date` with CAMEO `cameo`.
fn ev(doc: &str, n: usize, src: &str, tgt: &str, date: &str, cameo: &str, goldstein: f64) -> Event {
    let root = &cameo[..2];
    let quad = match root.parse::<u8>().unwrap() {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    };
    Event {
        id: format!("{doc}:0:{n}"),
        doc_id: doc.into(),
        sentence: 0,
        date: (!date.is_empty()).then(|| date.to_string()),
        date_source: DateSource::Document,
        source: (!src.is_empty()).then(|| actor(src)),
        target: (!tgt.is_empty()).then(|| actor(tgt)),
        cameo: cameo.into(),
        cameo_root: root.into(),
        cameo_name: format!("code {cameo}"),
        goldstein,
        quad_class: quad,
        plover: if root == "11" { "ACCUSE".into() } else { "COOPERATE".into() },
        plover_mode: None,
        trigger: Span { text: "denounced".into(), start: 10, end: 19 },
        location: None,
        amounts: vec![],
        modality: Modality::Asserted,
        historical: false,
        confidence: 0.8,
        rule: "test".into(),
        mentions: 1,
        other_triggers: Vec::new(),
    }
}

fn doc(id: &str, text: &str) -> DocumentRow {
    DocumentRow {
        id: id.into(),
        content_hash: content_hash(text),
        text: Some(text.into()),
        date: Some("2019-10-31".into()),
        coded_at: Some("2019-11-01T00:00:00Z".into()),
        ..Default::default()
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

fn temp_db(name: &str) -> TempDb {
    let dir = std::env::temp_dir().join(format!("dyad-store-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDb(dir.join("dyad.db"))
}

#[test]
fn migrations_are_idempotent_and_versioned() {
    let db = temp_db("migrations");
    let path: &Path = &db;
    {
        let mut s = Store::open(path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        s.put_document(&doc("d1", "x"), &[ev("d1", 0, "RUS", "CUB", "2019-10-31", "036", 4.0)], &[]).unwrap();
        let mode: String = s.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
    }
    // Opening again runs no migration twice and keeps the data.
    let s = Store::open(path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(s.counts().unwrap().events, 1);
    drop(s);
    // A database from a newer dyad is refused, not damaged.
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1)).unwrap();
    drop(conn);
    assert!(matches!(Store::open(path), Err(Error::NewerSchema { .. })));
}

#[test]
fn open_existing_names_a_missing_file() {
    let db = temp_db("missing");
    let path = db.with_file_name("nope.db");
    let err = Store::open_existing(&path).err().unwrap();
    assert!(matches!(err, Error::NotFound(_)));
    assert!(err.to_string().contains("nope.db"));
    assert!(!path.exists());
}

#[test]
fn an_event_reads_back_equal_to_the_record_written() {
    let mut s = Store::open_in_memory().unwrap();
    let mut e = ev("d1", 0, "RUSGOV", "CUBGOV", "2019-10-31", "036", 4.0);
    e.source.as_mut().unwrap().entity = Some("Vladimir Putin".into());
    e.plover_mode = Some("mode".into());
    e.location =
        Some(Location { text: "Moscow".into(), country: Some("RUS".into()), lat: Some(55.75), lon: None });
    e.amounts = vec![EventAmount {
        text: "38 million euros".into(),
        start: 40,
        end: 56,
        kind: "MONEY".into(),
        currency: Some("EUR".into()),
        value: Some(38e6),
        min: None,
    }];
    e.modality = Modality::Intended;
    e.date_source = DateSource::Text;
    e.historical = true;
    let mut bare = ev("d1", 1, "", "", "", "010", 0.0);
    bare.date_source = DateSource::None;
    s.put_document(&doc("d1", "text"), &[e.clone(), bare.clone()], &[]).unwrap();
    let rows = s.events(&EventFilter::default()).unwrap();
    let got: Vec<&Event> = rows.iter().map(|r| &r.event).collect();
    // NULL dates sort first.
    assert_eq!(got, [&bare, &e]);
    assert_eq!(rows[0].coded_at, "2019-11-01T00:00:00Z");
}

#[test]
fn has_tells_whether_the_same_content_is_stored() {
    let mut s = Store::open_in_memory().unwrap();
    let d = doc("d1", "Russia and Cuba");
    assert!(!s.has("d1", &d.content_hash).unwrap());
    s.put_document(&d, &[], &[]).unwrap();
    assert!(s.has("d1", &d.content_hash).unwrap());
    assert!(!s.has("d1", &content_hash("Russia and Cuba!")).unwrap());
    assert!(!s.has("d2", &d.content_hash).unwrap());
    assert_ne!(content_hash("ab"), content_hash("ba"));
    assert_eq!(content_hash("ab"), content_hash("ab"));
}

#[test]
fn a_changed_document_replaces_its_events_atomically() {
    let mut s = Store::open_in_memory().unwrap();
    let ent = EntityRow {
        name: "Vladimir Putin".into(),
        kind: "PERSON".into(),
        actor: Some("RUSGOV".into()),
        role: Some("President".into()),
        mentions: vec![
            MentionRow { text: "Vladimir Putin".into(), start: 0, end: 14 },
            MentionRow { text: "Putin".into(), start: 30, end: 35 },
        ],
    };
    let v1 = doc("d1", "version 1");
    let v1_events = [
        ev("d1", 0, "RUS", "CUB", "2019-10-31", "036", 4.0),
        ev("d1", 1, "CUB", "USA", "2019-10-31", "111", -2.0),
    ];
    s.put_document(&v1, &v1_events, std::slice::from_ref(&ent)).unwrap();
    s.put_document(&doc("d2", "other"), &[ev("d2", 0, "USA", "RUS", "2019-11-01", "111", -2.0)], &[])
        .unwrap();
    assert_eq!(s.counts().unwrap(), Counts { documents: 2, events: 3, entities: 1, mentions: 2 });
    assert_eq!(s.entities("d1").unwrap(), std::slice::from_ref(&ent));

    // A failing rewrite (two events with one id) leaves version 1 whole.
    let v2 = doc("d1", "version 2");
    let dup = ev("d1", 0, "RUS", "USA", "2019-11-02", "111", -2.0);
    let err = s.put_document(&v2, &[dup.clone(), dup.clone()], &[]).unwrap_err();
    assert!(matches!(err, Error::Sqlite(_)), "{err}");
    assert!(s.has("d1", &v1.content_hash).unwrap());
    let d1 = EventFilter { doc_id: Some("d1".into()), ..Default::default() };
    let got: Vec<Event> = s.events(&d1).unwrap().into_iter().map(|r| r.event).collect();
    assert_eq!(got, v1_events);
    assert_eq!(s.entities("d1").unwrap(), [ent]);

    // An event of another document is refused, with nothing written.
    let err = s.put_document(&v2, &[ev("d2", 5, "RUS", "USA", "", "111", -2.0)], &[]).unwrap_err();
    assert!(matches!(err, Error::ForeignEvent { .. }), "{err}");
    assert!(s.has("d1", &v1.content_hash).unwrap());

    // A good rewrite replaces events and entities of d1 only.
    s.put_document(&v2, std::slice::from_ref(&dup), &[]).unwrap();
    assert!(s.has("d1", &v2.content_hash).unwrap());
    let got: Vec<Event> = s.events(&d1).unwrap().into_iter().map(|r| r.event).collect();
    assert_eq!(got, [dup]);
    assert_eq!(s.counts().unwrap(), Counts { documents: 2, events: 2, entities: 0, mentions: 0 });
    assert_eq!(s.document("d1").unwrap().unwrap().text.as_deref(), Some("version 2"));

    assert!(s.delete_document("d2").unwrap());
    assert_eq!(s.counts().unwrap().events, 1);
}

#[test]
fn a_batch_is_written_whole_or_not_at_all() {
    let mut s = Store::open_in_memory().unwrap();
    let coded =
        |id: &str, events: Vec<Event>| CodedDocument { document: doc(id, id), events, entities: vec![] };
    let good = vec![
        coded("a", vec![ev("a", 0, "RUS", "CUB", "2019-10-31", "036", 4.0)]),
        coded("b", vec![ev("b", 0, "CUB", "RUS", "2019-10-31", "036", 4.0)]),
    ];
    let mut bad = good.clone();
    bad.push(coded("c", vec![ev("x", 0, "CUB", "RUS", "2019-10-31", "036", 4.0)]));
    assert!(s.put_documents(&bad).is_err());
    assert_eq!(s.counts().unwrap(), Counts::default());
    s.put_documents(&good).unwrap();
    assert_eq!(s.counts().unwrap().events, 2);
    // Writing the same batch again changes nothing.
    s.put_documents(&good).unwrap();
    assert_eq!(s.counts().unwrap().events, 2);
}

fn sample() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let mut with_amount = ev("d3", 0, "RUSGOV", "CUBGOV", "2019-11-05", "061", 6.4);
    with_amount.trigger.text = "loan".into();
    with_amount.plover_mode = Some("economic".into());
    with_amount.modality = Modality::Intended;
    let docs = vec![
        CodedDocument {
            document: doc("d1", "Russia and Cuba denounced U.S. interference."),
            events: vec![
                ev("d1", 0, "RUSGOV", "USA", "2019-10-31", "111", -2.0),
                ev("d1", 1, "CUBGOV", "USA", "2019-10-31", "111", -2.0),
                ev("d1", 2, "RUSGOV", "CUBGOV", "2019-10-31", "036", 4.0),
            ],
            entities: vec![],
        },
        CodedDocument {
            document: doc("d2", "Cuba thanked Russia."),
            events: vec![
                ev("d2", 0, "CUBGOV", "RUSGOV", "2019-11-02", "051", 3.4),
                ev("d2", 1, "CUB", "RUSMIL", "2019-10", "190", -10.0),
                ev("d2", 2, "IGOUNO", "RUS", "2019-11-03", "112", -2.0),
            ],
            entities: vec![],
        },
        CodedDocument { document: doc("d3", "A loan."), events: vec![with_amount], entities: vec![] },
    ];
    s.put_documents(&docs).unwrap();
    s
}

fn ids(s: &Store, f: EventFilter) -> Vec<String> {
    s.events(&f).unwrap().into_iter().map(|r| r.event.id).collect()
}

#[test]
fn filters_narrow_the_events() {
    let s = sample();
    let f = EventFilter::default;
    assert_eq!(ids(&s, f()).len(), 7);
    assert_eq!(ids(&s, EventFilter { source: Some("RUS".into()), ..f() }), ["d1:0:0", "d1:0:2", "d3:0:0"]);
    assert_eq!(
        ids(&s, EventFilter { source: Some("RUSGOV".into()), target: Some("CUB".into()), ..f() }),
        ["d1:0:2", "d3:0:0"]
    );
    assert_eq!(
        ids(&s, EventFilter { target_country: Some("RUS".into()), ..f() }),
        ["d2:0:1", "d2:0:0", "d2:0:2"]
    );
    assert_eq!(ids(&s, EventFilter { target_sector: Some("MIL".into()), ..f() }), ["d2:0:1"]);
    assert_eq!(ids(&s, EventFilter { source_sector: Some("GOV".into()), ..f() }).len(), 5);
    assert_eq!(ids(&s, EventFilter { cameo: Some("11".into()), ..f() }), ["d1:0:0", "d1:0:1", "d2:0:2"]);
    assert_eq!(ids(&s, EventFilter { cameo: Some("112".into()), ..f() }), ["d2:0:2"]);
    assert_eq!(ids(&s, EventFilter { cameo: Some("03".into()), ..f() }), ["d1:0:2"]);
    assert!(s.events(&EventFilter { cameo: Some("1".into()), ..f() }).is_err());
    assert_eq!(ids(&s, EventFilter { quad_class: Some(4), ..f() }), ["d2:0:1"]);
    assert!(s.events(&EventFilter { quad_class: Some(5), ..f() }).is_err());
    assert_eq!(ids(&s, EventFilter { plover: Some("accuse".into()), ..f() }).len(), 3);
    assert_eq!(ids(&s, EventFilter { modality: Some("intended".into()), ..f() }), ["d3:0:0"]);
    // Date ranges are inclusive, and a coarse bound takes its whole period.
    assert_eq!(
        ids(&s, EventFilter { from: Some("2019-11".into()), to: Some("2019-11-03".into()), ..f() }),
        ["d2:0:0", "d2:0:2"]
    );
    assert_eq!(ids(&s, EventFilter { to: Some("2019-10".into()), ..f() }).len(), 4);
    assert_eq!(ids(&s, EventFilter { doc_id: Some("d3".into()), ..f() }), ["d3:0:0"]);
    // Text search: the trigger or the document, case-insensitive, % and _ taken literally.
    assert_eq!(ids(&s, EventFilter { text: Some("LOAN".into()), ..f() }), ["d3:0:0"]);
    assert_eq!(ids(&s, EventFilter { text: Some("thanked".into()), ..f() }).len(), 3);
    assert!(ids(&s, EventFilter { text: Some("%".into()), ..f() }).is_empty());
    assert_eq!(ids(&s, EventFilter { limit: Some(2), ..f() }), ["d2:0:1", "d1:0:0"]);
}

#[test]
fn dyads_count_both_directions_by_month() {
    let s = sample();
    let series = s.dyads("RUS", "CUB", Period::Month).unwrap();
    let got: Vec<(&str, Direction, [u64; 4], u64, f64)> = series
        .periods
        .iter()
        .map(|p| (p.period.as_str(), p.direction, p.quad_counts, p.events, p.goldstein_sum))
        .collect();
    assert_eq!(
        got,
        [
            ("2019-10", Direction::AToB, [1, 0, 0, 0], 1, 4.0),
            ("2019-10", Direction::BToA, [0, 0, 0, 1], 1, -10.0),
            ("2019-11", Direction::AToB, [0, 1, 0, 0], 1, 6.4),
            ("2019-11", Direction::BToA, [1, 0, 0, 0], 1, 3.4),
        ]
    );
    assert_eq!(series.periods[0].source, "RUS");
    assert_eq!(series.periods[1].source, "CUB");
    assert_eq!(series.undated, [0, 0]);
    // Actors without a country are matched by their code.
    let un = s.dyads("IGOUNO", "RUS", Period::Month).unwrap();
    assert_eq!(un.periods.len(), 1);
    assert_eq!(un.periods[0].direction, Direction::AToB);
    assert_eq!(un.periods[0].goldstein_mean, -2.0);
    // A date range narrows the series.
    let nov = s.dyads_between("RUS", "CUB", Period::Month, Some("2019-11"), None).unwrap();
    assert_eq!(nov.periods.len(), 2);
    let oct = s.dyads_between("RUS", "CUB", Period::Month, None, Some("2019-10")).unwrap();
    assert_eq!(oct.periods.len(), 2);
}

#[test]
fn dyads_by_day_and_week_leave_coarse_dates_out() {
    let mut s = Store::open_in_memory().unwrap();
    let events = vec![
        ev("w", 0, "RUS", "CUB", "2019-10-27", "036", 4.0), // Sunday: week of Mon 21
        ev("w", 1, "RUS", "CUB", "2019-10-28", "036", 4.0), // Monday
        ev("w", 2, "RUS", "CUB", "2019-11-03", "111", -2.0), // Sunday: week of Mon 28
        ev("w", 3, "CUB", "RUS", "2019-10-30", "111", -2.0),
        ev("w", 4, "RUS", "CUB", "2019-10", "036", 4.0),
        ev("w", 5, "RUS", "CUB", "", "036", 4.0),
        ev("w", 6, "RUS", "CUB", "XXXX-11-02", "036", 4.0),
        ev("w", 7, "RUS", "CUB", "2020-01-01", "036", 4.0), // Wednesday: week of Mon 2019-12-30
    ];
    s.put_document(&doc("w", "w"), &events, &[]).unwrap();
    let week = s.dyads("RUS", "CUB", Period::Week).unwrap();
    let got: Vec<(&str, Direction, u64, f64)> =
        week.periods.iter().map(|p| (p.period.as_str(), p.direction, p.events, p.goldstein_mean)).collect();
    assert_eq!(
        got,
        [
            ("2019-10-21", Direction::AToB, 1, 4.0),
            ("2019-10-28", Direction::AToB, 2, 1.0),
            ("2019-10-28", Direction::BToA, 1, -2.0),
            ("2019-12-30", Direction::AToB, 1, 4.0),
        ]
    );
    assert_eq!(week.undated, [3, 0]);
    let day = s.dyads("CUB", "RUS", Period::Day).unwrap();
    let got: Vec<(&str, Direction)> = day.periods.iter().map(|p| (p.period.as_str(), p.direction)).collect();
    assert_eq!(got[0], ("2019-10-27", Direction::BToA));
    assert_eq!(got.len(), 5);
    assert_eq!(day.undated, [0, 3]);
    let month = s.dyads("RUS", "CUB", Period::Month).unwrap();
    assert_eq!(month.undated, [2, 0]);
    assert_eq!(month.periods.iter().map(|p| p.events).sum::<u64>(), 6);
}

#[test]
fn dyads_read_the_covering_index_only() {
    let s = sample();
    for period in [Period::Day, Period::Week, Period::Month] {
        let sql = format!("EXPLAIN QUERY PLAN {}", query::dyads_sql(period));
        let mut stmt = s.connection().prepare(&sql).unwrap();
        let plan: Vec<String> = stmt
            .query_map(params!["RUS", "CUB", "2019", None::<String>], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(plan.iter().any(|p| p.contains("USING COVERING INDEX events_dyad")), "{plan:?}");
    }
}

#[test]
fn top_actors_count_sources_and_targets() {
    let s = sample();
    let top = s.top_actors(2).unwrap();
    let src: Vec<(&str, u64)> = top.as_source.iter().map(|a| (a.code.as_str(), a.events)).collect();
    assert_eq!(src, [("RUSGOV", 3), ("CUBGOV", 2)]);
    let tgt: Vec<(&str, u64)> = top.as_target.iter().map(|a| (a.code.as_str(), a.events)).collect();
    assert_eq!(tgt, [("CUBGOV", 2), ("USA", 2)]);
}

#[test]
fn a_document_keeps_its_entities_in_order() {
    let e = EntityRow {
        name: "x".into(),
        kind: "PERSON".into(),
        actor: None,
        role: None,
        mentions: vec![MentionRow { text: "a".into(), start: 0, end: 1 }],
    };
    let mut s = Store::open_in_memory().unwrap();
    s.put_document(&doc("d", "a"), &[], &[e.clone(), e.clone()]).unwrap();
    assert_eq!(s.entities("d").unwrap(), [e.clone(), e]);
    assert!(s.entities("none").unwrap().is_empty());
}

#[test]
fn a_source_country_filter_uses_the_dyad_index() {
    let s = sample();
    let filter = EventFilter { source_country: Some("RUS".into()), ..Default::default() };
    let w = filter.to_where().unwrap();
    let sql = format!("EXPLAIN QUERY PLAN SELECT e.id FROM events e {}", w.sql());
    let mut stmt = s.connection().prepare(&sql).unwrap();
    let plan: Vec<String> = stmt
        .query_map(rusqlite::params_from_iter(w.params), |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(plan.iter().any(|p| p.contains("INDEX events_dyad")), "{plan:?}");
    assert_eq!(ids(&s, filter), ["d1:0:0", "d1:0:2", "d3:0:0"]);
}

#[test]
fn a_store_moves_to_a_writer_thread() {
    fn send<T: Send>() {}
    send::<Store>();
}
