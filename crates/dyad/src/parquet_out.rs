//! `dyad export --format parquet`: the events table's columns, typed, zstd-compressed, for
//! DuckDB, Spark or pandas. Built only with the `parquet` feature (arrow is heavy to build).

use anyhow::{Context, Result};
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use dyad_extract::event::{Actor, Event};
use dyad_store::{EventFilter, Store, EVENT_COLUMNS};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::path::Path;
use std::sync::Arc;

/// Events per record batch (and row group at most).
const BATCH: usize = 65_536;

/// The Arrow type of each of [`EVENT_COLUMNS`].
fn column_type(name: &str) -> DataType {
    match name {
        "sentence" | "source_start" | "source_end" | "target_start" | "target_end" | "quad_class"
        | "trigger_start" | "trigger_end" | "mentions" => DataType::Int64,
        "goldstein" | "location_lat" | "location_lon" | "confidence" => DataType::Float64,
        "historical" => DataType::Boolean,
        _ => DataType::Utf8,
    }
}

fn strings<'a>(events: &'a [Event], f: impl Fn(&'a Event) -> Option<&'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter(events.iter().map(f)))
}

fn ints(events: &[Event], f: impl Fn(&Event) -> Option<usize>) -> ArrayRef {
    Arc::new(Int64Array::from_iter(events.iter().map(|e| f(e).and_then(|n| i64::try_from(n).ok()))))
}

fn floats(events: &[Event], f: impl Fn(&Event) -> Option<f64>) -> ArrayRef {
    Arc::new(Float64Array::from_iter(events.iter().map(f)))
}

fn actor_columns(events: &[Event], side: fn(&Event) -> Option<&Actor>) -> Vec<ArrayRef> {
    vec![
        strings(events, move |e| side(e).map(|a| a.text.as_str())),
        strings(events, move |e| side(e).map(|a| a.code.as_str())),
        strings(events, move |e| side(e).and_then(|a| a.country.as_deref())),
        strings(events, move |e| side(e).and_then(|a| a.sector.as_deref())),
        strings(events, move |e| side(e).and_then(|a| a.entity.as_deref())),
        ints(events, move |e| side(e).map(|a| a.start)),
        ints(events, move |e| side(e).map(|a| a.end)),
    ]
}

fn batch(schema: &Arc<Schema>, events: &[Event]) -> Result<RecordBatch> {
    let enum_name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let date_sources: Vec<String> =
        events.iter().map(|e| enum_name(serde_json::to_value(e.date_source).unwrap_or_default())).collect();
    let amounts: Vec<String> =
        events.iter().map(|e| serde_json::to_string(&e.amounts).unwrap_or_else(|_| "[]".into())).collect();
    let other_triggers: Vec<String> = events
        .iter()
        .map(|e| serde_json::to_string(&e.other_triggers).unwrap_or_else(|_| "[]".into()))
        .collect();
    let mut columns = vec![
        strings(events, |e| Some(e.id.as_str())),
        strings(events, |e| Some(e.doc_id.as_str())),
        ints(events, |e| Some(e.sentence)),
        strings(events, |e| e.date.as_deref()),
        Arc::new(StringArray::from_iter_values(&date_sources)) as ArrayRef,
    ];
    columns.extend(actor_columns(events, |e| e.source.as_ref()));
    columns.extend(actor_columns(events, |e| e.target.as_ref()));
    columns.extend([
        strings(events, |e| Some(e.cameo.as_str())),
        strings(events, |e| Some(e.cameo_root.as_str())),
        strings(events, |e| Some(e.cameo_name.as_str())),
        floats(events, |e| Some(e.goldstein)),
        ints(events, |e| Some(usize::from(e.quad_class))),
        strings(events, |e| Some(e.plover.as_str())),
        strings(events, |e| e.plover_mode.as_deref()),
        strings(events, |e| Some(e.trigger.text.as_str())),
        ints(events, |e| Some(e.trigger.start)),
        ints(events, |e| Some(e.trigger.end)),
        strings(events, |e| e.location.as_ref().map(|l| l.text.as_str())),
        strings(events, |e| e.location.as_ref().and_then(|l| l.country.as_deref())),
        floats(events, |e| e.location.as_ref().and_then(|l| l.lat)),
        floats(events, |e| e.location.as_ref().and_then(|l| l.lon)),
        Arc::new(StringArray::from_iter_values(&amounts)),
        strings(events, |e| Some(e.modality.name())),
        Arc::new(BooleanArray::from_iter(events.iter().map(|e| Some(e.historical)))),
        floats(events, |e| Some(e.confidence)),
        strings(events, |e| Some(e.rule.as_str())),
        ints(events, |e| Some(e.mentions)),
        Arc::new(StringArray::from_iter_values(&other_triggers)),
    ]);
    Ok(RecordBatch::try_new(schema.clone(), columns)?)
}

/// Writes the events that pass `filter` to a Parquet file at `path`; how many.
pub fn write(store: &Store, filter: &EventFilter, path: &Path) -> Result<u64> {
    let schema = Arc::new(Schema::new(
        EVENT_COLUMNS.iter().map(|&c| Field::new(c, column_type(c), true)).collect::<Vec<_>>(),
    ));
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(BATCH * 16))
        .build();
    let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(props))?;
    let mut pending: Vec<Event> = Vec::with_capacity(BATCH);
    let mut n = 0u64;
    store.for_each_event(filter, |row| -> Result<()> {
        pending.push(row.event);
        n += 1;
        if pending.len() == BATCH {
            writer.write(&batch(&schema, &pending)?)?;
            pending.clear();
        }
        Ok(())
    })?;
    if !pending.is_empty() {
        writer.write(&batch(&schema, &pending)?)?;
    }
    writer.close()?;
    Ok(n)
}

/// Writes the events that pass `filter` as a folder of Parquet files partitioned by month, in
/// the Hive layout that DuckDB, Spark and pandas read (`DIR/month=2019-10/events.parquet`).
/// Returns the events written and those left out because they have no date.
pub fn write_partitioned(store: &Store, filter: &EventFilter, dir: &Path) -> Result<(u64, u64)> {
    let connection = store.connection();
    let mut statement = connection
        .prepare("SELECT DISTINCT substr(date, 1, 7) FROM events WHERE date IS NOT NULL ORDER BY 1")?;
    let months: Vec<String> = statement.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let undated: u64 =
        connection.query_row("SELECT count(*) FROM events WHERE date IS NULL", [], |r| r.get(0))?;
    let within = |m: &String| {
        filter.from.as_deref().is_none_or(|f| m.as_str() >= f.get(..7).unwrap_or(f))
            && filter.to.as_deref().is_none_or(|t| m.as_str() <= t.get(..7).unwrap_or(t))
    };
    let mut n = 0;
    for month in months.iter().filter(|m| m.len() == 7 && within(m)) {
        let part = dir.join(format!("month={month}"));
        std::fs::create_dir_all(&part).with_context(|| format!("cannot create {}", part.display()))?;
        let mut by_month = filter.clone();
        by_month.from =
            Some(filter.from.clone().filter(|f| f.as_str() > month.as_str()).unwrap_or(month.clone()));
        by_month.to =
            Some(filter.to.clone().filter(|t| t.get(..7) == Some(month.as_str())).unwrap_or(month.clone()));
        n += write(store, &by_month, &part.join("events.parquet"))?;
    }
    Ok((n, undated))
}
