//! The two reference tables, read once from the data files beside this
//! module: `machine.tsv` (the machine's `J`, `E` and `R-` entries) and
//! `documented.tsv` (the `V-`, `Q-` and `C-` entries).
//!
//! The format: one entry a line, in catalogue order, five columns separated
//! by one tab each: `id`, `provenance` (a [`Provenance::as_str`] name:
//! `confirmed`, `documented2022`, `inferred`, `unconfirmed`,
//! `contradictory`), `links` (names of the constants of `links.rs`, e.g.
//! `D_LIFECYCLE`, separated by `, `), `summary` and `choice` (one sentence
//! each without a final full stop; `choice` is `-` for an entry applied as
//! stated). Lines starting with `#` and blank lines are skipped; every id
//! is given once; no column is empty or has spaces around it.
//!
//! Both files are compiled in with `include_str!` and parsed on first use by
//! a parser that returns an error instead of panicking. An entry borrows its
//! id, summary and choice from the compiled-in text and its links from
//! `links.rs` (the files name the constants), so nothing is copied twice or
//! leaked. A unit test parses the shipped files, so a build whose tables do
//! not load does not pass its tests; should it ever happen, the table reads
//! as empty (and `tests/catalogue.rs` fails on every id it misses).

use super::catalogue::{Provenance, Reference};
use super::links;
use std::sync::LazyLock;

/// The machine's table, as shipped.
static MACHINE_TSV: &str = include_str!("machine.tsv");

/// The documented rules, quotas and contradictions, as shipped.
static DOCUMENTED_TSV: &str = include_str!("documented.tsv");

/// The columns of a line, in order.
const COLUMNS: [&str; 5] = ["id", "provenance", "links", "summary", "choice"];

/// The `choice` column of an entry applied as stated.
const NO_CHOICE: &str = "-";

/// One parsed line: the entry without its links, and the links it will
/// borrow once the rows have their `'static` home.
#[derive(Debug)]
struct Row {
    /// The entry, `links` still empty.
    reference: Reference,
    /// The URLs its `links` column names, in order.
    links: Vec<&'static str>,
}

/// A table as parsed: its rows, or why it did not load (`file:line: ...`).
type Parsed = Result<Vec<Row>, String>;

static MACHINE_ROWS: LazyLock<Parsed> = LazyLock::new(|| parse("machine.tsv", MACHINE_TSV));
static DOCUMENTED_ROWS: LazyLock<Parsed> =
    LazyLock::new(|| parse("documented.tsv", DOCUMENTED_TSV));
static MACHINE: LazyLock<Vec<Reference>> = LazyLock::new(|| references(&MACHINE_ROWS));
static DOCUMENTED: LazyLock<Vec<Reference>> = LazyLock::new(|| references(&DOCUMENTED_ROWS));

/// The entries of `machine.tsv`, in file order.
pub(super) fn machine() -> &'static [Reference] {
    &MACHINE
}

/// The entries of `documented.tsv`, in file order.
pub(super) fn documented() -> &'static [Reference] {
    &DOCUMENTED
}

/// The entries of a parsed table, each lent its links; none if it did not load.
fn references(parsed: &'static Parsed) -> Vec<Reference> {
    parsed.as_ref().map_or_else(
        |_| Vec::new(),
        |rows| {
            rows.iter()
                .map(|row| Reference {
                    links: &row.links,
                    ..row.reference
                })
                .collect()
        },
    )
}

/// Parses a table: one entry a line, the [`COLUMNS`] separated by one tab
/// each; lines starting with `#` and blank lines skipped; every id once.
/// The error names the file and the line.
fn parse(file: &str, text: &'static str) -> Parsed {
    let mut rows: Vec<Row> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let row = row(line).map_err(|e| format!("{file}:{}: {e}", i + 1))?;
        if rows.iter().any(|r| r.reference.id == row.reference.id) {
            return Err(format!(
                "{file}:{}: `{}` is given twice",
                i + 1,
                row.reference.id
            ));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// One entry line.
fn row(line: &'static str) -> Result<Row, String> {
    let columns: Vec<&'static str> = line.split('\t').collect();
    let &[id, provenance, link_names, summary, choice] = columns.as_slice() else {
        return Err(format!(
            "expected {} columns separated by tabs ({}), found {}",
            COLUMNS.len(),
            COLUMNS.join(", "),
            columns.len()
        ));
    };
    for (name, column) in COLUMNS.iter().zip(&columns) {
        if column.is_empty() || column.trim() != *column {
            return Err(format!(
                "the {name} column is empty or has spaces around it"
            ));
        }
    }
    if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(format!("`{id}` is not an id (letters, digits and -)"));
    }
    let provenance = Provenance::from_name(provenance).ok_or_else(|| {
        let known: Vec<&str> = Provenance::ALL.iter().map(|p| p.as_str()).collect();
        format!(
            "unknown provenance `{provenance}` (one of {})",
            known.join(", ")
        )
    })?;
    let mut links: Vec<&'static str> = Vec::new();
    for name in link_names.split(", ") {
        let url = links::by_name(name)
            .ok_or_else(|| format!("unknown link `{name}` (not a constant of links.rs)"))?;
        if links.contains(&url) {
            return Err(format!("link `{name}` is given twice"));
        }
        links.push(url);
    }
    Ok(Row {
        reference: Reference {
            id,
            summary,
            provenance,
            links: &[],
            choice: (choice != NO_CHOICE).then_some(choice),
        },
        links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error of parsing `text` as `t.tsv`, or what it parsed to.
    fn error(text: &'static str) -> String {
        match parse("t.tsv", text) {
            Ok(rows) => format!("parsed: {rows:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn the_shipped_tables_load_and_borrow_their_text() {
        for (parsed, text, table) in [
            (&*MACHINE_ROWS, MACHINE_TSV, machine()),
            (&*DOCUMENTED_ROWS, DOCUMENTED_TSV, documented()),
        ] {
            let rows = parsed.as_ref().map_err(String::as_str);
            assert_eq!(rows.err(), None);
            assert_eq!(rows.map(Vec::len), Ok(table.len()));
            let data = text.as_bytes().as_ptr_range();
            for r in table {
                for s in [r.id, r.summary].into_iter().chain(r.choice) {
                    assert!(data.contains(&s.as_ptr()), "{}: {s}", r.id);
                }
            }
        }
        assert_eq!(machine().len(), 52);
        assert_eq!(documented().len(), 54);
        let j5 = machine().iter().find(|r| r.id == "J5");
        assert_eq!(
            j5.map(|r| r.links),
            Some(&[links::D_LIMITS_CN, links::D_LIMITS][..])
        );
        assert_eq!(j5.map(|r| r.provenance), Some(Provenance::Confirmed));
        let v1 = documented().first();
        assert_eq!(v1.map(|r| (r.id, r.choice)), Some(("V-1", None)));
    }

    #[test]
    fn a_line_reads_as_an_entry_with_its_links_in_order() {
        let rows = parse(
            "t.tsv",
            "# a comment\n\nJ1\tinferred\tAPI, MOTO\tit holds\t-\nJ2\tcontradictory\tD_CLI\tthey disagree\tthis one\n",
        );
        let Ok(rows) = rows else { panic!("{rows:?}") };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].reference.id, "J1");
        assert_eq!(rows[0].reference.provenance, Provenance::Inferred);
        assert_eq!(rows[0].links, [links::API, links::MOTO]);
        assert_eq!(rows[0].reference.summary, "it holds");
        assert_eq!(rows[0].reference.choice, None);
        assert_eq!(rows[1].reference.provenance, Provenance::Contradictory);
        assert_eq!(rows[1].reference.choice, Some("this one"));
    }

    #[test]
    fn a_bad_line_is_an_error_naming_the_file_and_line() {
        for (text, want) in [
            (
                "# head\n\nJ1\tconfirmed\tNO_SUCH_LINK\tx\t-\n",
                "t.tsv:3: unknown link `NO_SUCH_LINK` (not a constant of links.rs)",
            ),
            (
                "J1\tconfirmed\tAPI,MOTO\tx\t-\n",
                "t.tsv:1: unknown link `API,MOTO` (not a constant of links.rs)",
            ),
            (
                "J1\tconfirmed\tAPI, API\tx\t-\n",
                "t.tsv:1: link `API` is given twice",
            ),
            (
                "J1\tconfirmed\tAPI\tx\t-\nJ2\tsure\tAPI\tx\t-\n",
                "t.tsv:2: unknown provenance `sure` (one of confirmed, documented2022, inferred, unconfirmed, contradictory)",
            ),
            (
                "J1\tconfirmed\tAPI\tx\n",
                "t.tsv:1: expected 5 columns separated by tabs (id, provenance, links, summary, choice), found 4",
            ),
            (
                "J1\tconfirmed\tAPI\tx\ty\tz\n",
                "t.tsv:1: expected 5 columns separated by tabs (id, provenance, links, summary, choice), found 6",
            ),
            (
                "J1\tconfirmed\tAPI\tx\t-\n# between\nJ1\tinferred\tMOTO\ty\t-\n",
                "t.tsv:3: `J1` is given twice",
            ),
            (
                "J1\tconfirmed\tAPI\t\t-\n",
                "t.tsv:1: the summary column is empty or has spaces around it",
            ),
            (
                "J1\tconfirmed\tAPI\tx \t-\n",
                "t.tsv:1: the summary column is empty or has spaces around it",
            ),
            (
                "J1\tconfirmed\tAPI\tx\t\n",
                "t.tsv:1: the choice column is empty or has spaces around it",
            ),
            (
                "J 1\tconfirmed\tAPI\tx\t-\n",
                "t.tsv:1: `J 1` is not an id (letters, digits and -)",
            ),
        ] {
            assert_eq!(error(text), want);
        }
    }
}
