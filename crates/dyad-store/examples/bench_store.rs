//! Fills a temporary database with synthetic events and prints the insert rate, the database
//! size and the latency of the queries the CLI runs. Figures only, no asserts.
//!
//! ```text
//! cargo run --release -p dyad-store --example bench_store -- [--events 1000000]
//!     [--per-doc 5] [--batch 1000] [--text-bytes 0] [--db PATH] [--keep] [--pragma SQL]
//! ```

use dyad_extract::event::{Actor, DateSource, Event, Modality, Span};
use dyad_store::{CodedDocument, DocumentRow, EventFilter, Period, Store};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Countries, most reported first: actor choice is skewed as in news (Zipf-like).
const COUNTRIES: &[&str] = &[
    "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "ISR", "IRN", "UKR", "IND", "TUR", "SYR", "JPN", "PAK", "SAU",
    "AFG", "IRQ", "PRK", "KOR", "EGY", "BRA", "MEX", "CAN", "AUS", "ITA", "ESP", "NGA", "ZAF", "VEN", "CUB",
    "LBY", "YEM", "LBN", "JOR", "QAT", "ARE", "IDN", "PHL", "VNM", "THA", "MMR", "BGD", "LKA", "NPL", "KEN",
    "ETH", "SDN", "SOM", "MLI", "COL", "ARG", "CHL", "PER", "POL", "SWE", "NOR", "GRC", "SRB", "GEO", "ARM",
];
const IGOS: &[&str] = &["IGOUNO", "IGOEUREEC", "IGONAT", "IGOAFRAU"];
const SECTORS: &[&str] = &["", "GOV", "GOV", "GOV", "MIL", "BUS", "OPP", "REB", "MED", "CVL", "JUD", "LEG"];
const CODES: &[(&str, f64)] = &[
    ("010", 0.0),
    ("020", 3.0),
    ("036", 4.0),
    ("042", 1.9),
    ("051", 3.4),
    ("061", 6.4),
    ("071", 7.4),
    ("111", -2.0),
    ("112", -2.0),
    ("130", -4.4),
    ("163", -8.0),
    ("173", -5.0),
    ("190", -10.0),
    ("193", -10.0),
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Index in 0..n, small ones much more often (roughly 1/rank).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }
}

fn actor(rng: &mut Rng) -> Actor {
    if rng.below(20) == 0 {
        let code = IGOS[rng.below(IGOS.len())];
        return Actor {
            text: code.into(),
            code: code.into(),
            country: None,
            sector: None,
            entity: None,
            start: 0,
            end: 6,
        };
    }
    let country = COUNTRIES[rng.skewed(COUNTRIES.len())];
    let sector = SECTORS[rng.below(SECTORS.len())];
    Actor {
        text: format!("{country} {sector}"),
        code: format!("{country}{sector}"),
        country: Some(country.into()),
        sector: (!sector.is_empty()).then(|| sector.into()),
        entity: None,
        start: 0,
        end: 7,
    }
}

fn event(rng: &mut Rng, doc: &str, n: usize, date: &str) -> Event {
    let source = actor(rng);
    let mut target = actor(rng);
    while target.code == source.code {
        target = actor(rng);
    }
    let (cameo, goldstein) = CODES[rng.below(CODES.len())];
    let root = &cameo[..2];
    let quad_class = match root {
        "01" | "02" | "03" | "04" | "05" => 1,
        "06" | "07" | "08" => 2,
        "09" | "10" | "11" | "12" | "13" => 3,
        _ => 4,
    };
    Event {
        id: format!("{doc}:{}:{}", n / 2, n % 2),
        doc_id: doc.into(),
        sentence: n / 2,
        date: Some(date.into()),
        date_source: DateSource::Document,
        source: Some(source),
        target: Some(target),
        cameo: cameo.into(),
        cameo_root: root.into(),
        cameo_name: format!("CAMEO {cameo}"),
        goldstein,
        quad_class,
        plover: "CONSULT".into(),
        plover_mode: None,
        trigger: Span { text: "met".into(), start: 100, end: 103 },
        location: None,
        amounts: vec![],
        modality: Modality::Asserted,
        historical: false,
        confidence: 0.75,
        rule: format!("verb meet + obj → {cameo}"),
        mentions: 1,
        other_triggers: Vec::new(),
    }
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

/// The median of `runs` timings of `f`, and its first (cold) run.
fn latency<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs).map(|_| timed(|| black_box(f())).1).collect();
    let first = times[0];
    times.sort();
    (first, times[times.len() / 2])
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let total: usize = arg(&args, "--events", 1_000_000);
    let per_doc: usize = arg(&args, "--per-doc", 5).max(1);
    let batch: usize = arg(&args, "--batch", 1000).max(1);
    let text_bytes: usize = arg(&args, "--text-bytes", 0);
    let keep = args.iter().any(|a| a == "--keep");
    let path: PathBuf =
        arg(&args, "--db", std::env::temp_dir().join(format!("dyad-bench-{}.db", std::process::id())));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(&path)?;
    // Extra PRAGMAs to try (`--pragma "wal_autocheckpoint = 10000"`), run before inserting.
    let pragma: String = arg(&args, "--pragma", String::new());
    if !pragma.is_empty() {
        store.connection().execute_batch(&format!("PRAGMA {pragma};"))?;
        println!("PRAGMA {pragma}");
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let text = "x".repeat(text_bytes);
    println!(
        "db {}: {total} synthetic events, {per_doc} per document, {batch} documents per transaction, \
         {text_bytes} bytes of text per document",
        path.display()
    );

    let started = Instant::now();
    let mut insert = Duration::ZERO;
    let mut written = 0;
    let mut docs = 0;
    while written < total {
        let mut coded = Vec::with_capacity(batch);
        for _ in 0..batch {
            if written >= total {
                break;
            }
            let id = format!("doc{docs:07}");
            // Ten years, 2015-2024; day 1-28 keeps every date valid.
            let date = format!("{}-{:02}-{:02}", 2015 + rng.below(10), 1 + rng.below(12), 1 + rng.below(28));
            let n = per_doc.min(total - written);
            let events = (0..n).map(|i| event(&mut rng, &id, i, &date)).collect();
            coded.push(CodedDocument {
                document: DocumentRow {
                    id: id.clone(),
                    date: Some(date),
                    content_hash: dyad_store::content_hash(&id),
                    text: (text_bytes > 0).then(|| text.clone()),
                    coded_at: Some("2026-11-01T00:00:00Z".into()),
                    ..Default::default()
                },
                events,
                entities: vec![],
            });
            written += n;
            docs += 1;
        }
        let t = Instant::now();
        store.put_documents(&coded)?;
        insert += t.elapsed();
    }
    let all = started.elapsed();
    println!(
        "insert: {written} events, {docs} documents in {:.1} s writing ({:.1} s with generating them): \
         {:.0} events/s, {:.0} documents/s",
        insert.as_secs_f64(),
        all.as_secs_f64(),
        written as f64 / insert.as_secs_f64(),
        docs as f64 / insert.as_secs_f64()
    );
    let ((), analyze) = timed(|| store.optimize().expect("optimize"));
    println!("PRAGMA optimize (ANALYZE): {}", ms(analyze));
    store.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    let size = std::fs::metadata(&path)?.len();
    println!(
        "db size: {:.1} MB ({:.1} MB per 1M events, {:.0} bytes per event)",
        size as f64 / 1e6,
        size as f64 / 1e6 * 1e6 / written as f64,
        size as f64 / written as f64
    );
    if let Ok(mut stmt) = store
        .connection()
        .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY sum(pgsize) DESC")
    {
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (name, bytes) = row?;
            println!("  {name:<22} {:>8.1} MB", bytes as f64 / 1e6);
        }
    }

    let count = |a: &str, b: &str| -> u64 {
        store.dyads(a, b, Period::Month).map(|s| s.periods.iter().map(|p| p.events).sum()).unwrap_or(0)
    };
    for (a, b) in [("USA", "RUS"), ("RUS", "CUB"), ("IGOUNO", "USA")] {
        let n = count(a, b);
        for period in [Period::Month, Period::Week, Period::Day] {
            let (cold, warm) = latency(21, || store.dyads(a, b, period).expect("dyads"));
            println!(
                "dyads {a} {b} --by {:<5}: {n:>6} events, first run {}, median of 21 {}",
                format!("{period:?}").to_lowercase(),
                ms(cold),
                ms(warm)
            );
        }
    }
    let (cold, warm) = latency(5, || store.top_actors(10).expect("top actors"));
    println!("actors --top 10: first run {}, median of 5 {}", ms(cold), ms(warm));
    let filter = EventFilter {
        source_country: Some("RUS".into()),
        cameo: Some("11".into()),
        from: Some("2019-10".into()),
        to: Some("2019-10".into()),
        ..Default::default()
    };
    let n = store.events(&filter)?.len();
    let (cold, warm) = latency(5, || store.events(&filter).expect("events"));
    println!(
        "events --source-country RUS --cameo 11 --from 2019-10 --to 2019-10: {n} events, first run {}, median of 5 {}",
        ms(cold),
        ms(warm)
    );
    drop(store);
    if !keep {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    Ok(())
}
