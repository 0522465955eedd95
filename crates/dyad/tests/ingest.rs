//! `dyad ingest` end to end: idempotence, replacement of changed documents, bad lines, and a
//! run killed with SIGKILL at random moments then completed: no document lost, none twice.

use dyad_store::Store;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-ingest-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A JSON Lines corpus of `n` copies of the seed article under distinct ids.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let seed = std::fs::read_to_string(workspace().join("examples/russia-cuba.txt")).expect("seed");
    let lines: Vec<String> = (0..n)
        .map(|i| {
            serde_json::json!({"id": format!("doc-{i}"), "text": seed, "date": "2019-10-31"}).to_string()
        })
        .collect();
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("corpus");
    path
}

fn ingest(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).arg("ingest").args(args).output().expect("dyad runs")
}

fn counts(db: &Path) -> (usize, usize) {
    let store = Store::open_existing(db).expect("database");
    let c = store.counts().expect("counts");
    (c.documents as usize, c.events as usize)
}

#[test]
fn ingest_is_idempotent_and_replaces_changed_documents() {
    let dir = temp_dir("idem");
    let input = corpus(&dir, 3);
    let db = dir.join("dyad.db");
    let (db_s, in_s) = (db.to_str().unwrap(), input.to_str().unwrap());
    let out = ingest(&[in_s, "--db", db_s]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (docs, events) = counts(&db);
    assert_eq!(docs, 3);
    assert!(events >= 3 * 8, "{events} events");
    let out = ingest(&[in_s, "--db", db_s]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 coded") && stderr.contains("3 unchanged"), "{stderr}");
    assert_eq!(counts(&db), (docs, events));
    // A changed document replaces its events; a broken line is named and skipped.
    let changed = r#"{"id": "doc-1", "text": "Russia accused Ukraine.", "date": "2019-10-31"}"#;
    std::fs::write(&input, format!("{changed}\n{{broken\n")).unwrap();
    let out = ingest(&[in_s, "--db", db_s]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("corpus.jsonl:2"), "{stderr}");
    assert_eq!(counts(&db), (3, events - events / 3 + 1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_run_killed_at_random_moments_then_completed_loses_nothing_and_duplicates_nothing() {
    let kills: usize = std::env::var("DYAD_CRASH_KILLS").ok().and_then(|k| k.parse().ok()).unwrap_or(5);
    let dir = temp_dir("crash");
    let n = 300;
    let input = corpus(&dir, n);
    let db = dir.join("dyad.db");
    let args = [input.to_str().unwrap(), "--db", db.to_str().unwrap(), "--batch", "16"];
    // The events of one document, from a clean run of one copy.
    let one = temp_dir("crash-one");
    let single = corpus(&one, 1);
    let one_db = one.join("dyad.db");
    assert!(ingest(&[single.to_str().unwrap(), "--db", one_db.to_str().unwrap()]).status.success());
    let per_document = counts(&one_db).1;
    let mut seed = 0x9e37_79b9_u64;
    for _ in 0..kills {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .arg("ingest")
            .args(args)
            .stderr(Stdio::null())
            .spawn()
            .expect("dyad runs");
        let wait = Duration::from_millis(150 + seed % 900);
        let started = Instant::now();
        while started.elapsed() < wait {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        child.kill().ok(); // SIGKILL on Unix
        child.wait().ok();
    }
    let out = ingest(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(counts(&db), (n, n * per_document));
    let store = Store::open_existing(&db).unwrap();
    let duplicates: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > 1)", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(duplicates, 0);
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&one).ok();
}
