//! The dataset schema, shared by the reader (`ingest`) and the writer
//! (`output::dataset`): the files of a dataset, their standard columns in
//! output order, the columns each file requires, and the key of each file
//! in the JSON form.
//!
//! A file is named by `Option<Layer>`: `None` is the actors file, `Some(l)`
//! the file of layer `l`.

use super::Layer;

/// Columns of `actors.csv`, in output order.
pub const ACTOR_COLS: [&str; 9] = [
    "id",
    "name",
    "kind",
    "employees",
    "size_class",
    "region",
    "complex",
    "mini_clusters",
    "country",
];
/// Columns of `events.csv`, in output order.
pub const EVENT_COLS: [&str; 5] = ["event_id", "type", "year", "actor_id", "mini_cluster"];
/// Columns of `projects.csv`, in output order.
pub const PROJECT_COLS: [&str; 6] = ["project_id", "type", "year", "actor_id", "role", "funding"];
/// Columns of `ties.csv`, in output order.
pub const TIE_COLS: [&str; 5] = ["source", "target", "type", "year", "weight"];

/// The files of a dataset, in output order (actors first).
pub const FILES: [Option<Layer>; 4] = [
    None,
    Some(Layer::Event),
    Some(Layer::Project),
    Some(Layer::Tie),
];

/// Columns whose JSON values are numbers (the writer emits numbers, the
/// reader accepts numbers or strings).
pub const NUMERIC_COLS: [&str; 4] = ["employees", "year", "weight", "funding"];

/// The column whose JSON value is a list (joined with `;` in CSV).
pub const LIST_COL: &str = "mini_clusters";

/// The standard columns of each file, in output order.
pub fn standard_columns(layer: Option<Layer>) -> &'static [&'static str] {
    match layer {
        None => &ACTOR_COLS,
        Some(Layer::Event) => &EVENT_COLS,
        Some(Layer::Project) => &PROJECT_COLS,
        Some(Layer::Tie) => &TIE_COLS,
    }
}

/// The columns a file must have.
pub fn required_columns(layer: Option<Layer>) -> &'static [&'static str] {
    match layer {
        None => &["id", "kind"],
        Some(Layer::Event) => &["event_id", "actor_id"],
        Some(Layer::Project) => &["project_id", "actor_id"],
        Some(Layer::Tie) => &["source", "target"],
    }
}

/// The file name of a dataset's file in the CSV form.
pub fn file_name(layer: Option<Layer>) -> &'static str {
    match layer {
        None => "actors.csv",
        Some(Layer::Event) => "events.csv",
        Some(Layer::Project) => "projects.csv",
        Some(Layer::Tie) => "ties.csv",
    }
}

/// The key of a file's records in the JSON form.
pub fn json_key(layer: Option<Layer>) -> &'static str {
    match layer {
        None => "actors",
        Some(Layer::Event) => "events",
        Some(Layer::Project) => "projects",
        Some(Layer::Tie) => "ties",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_columns_are_standard() {
        for l in FILES {
            for r in required_columns(l) {
                assert!(standard_columns(l).contains(r), "{r} in {}", file_name(l));
            }
            assert_eq!(
                file_name(l).trim_end_matches(".csv"),
                json_key(l),
                "CSV file and JSON key name the same records"
            );
        }
    }
}
