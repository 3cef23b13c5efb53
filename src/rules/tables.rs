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
//! Both files are compiled in with `include_str!` and parsed on first use
//! (one `LazyLock` per table) by a parser that returns an error instead of
//! panicking. An entry borrows its id, summary and choice from the
//! compiled-in text; its links are the URLs of `links.rs` (the files name
//! the constants), gathered into one `'static` slice per entry with
//! `Box::leak` when the table is first read: that happens once per table,
//! and the slice lives as long as the table's static, which is never
//! dropped either. A unit test parses the shipped files, so a build whose
//! tables do not load does not pass its tests; should it ever happen, the
//! table reads as empty (and `tests/catalogue.rs` fails on every id it
//! misses).

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

/// A table as parsed: its entries, or why it did not load (`file:line: ...`).
type Parsed = Result<Vec<Reference>, String>;

static MACHINE: LazyLock<Vec<Reference>> =
    LazyLock::new(|| parse("machine.tsv", MACHINE_TSV).unwrap_or_default());
static DOCUMENTED: LazyLock<Vec<Reference>> =
    LazyLock::new(|| parse("documented.tsv", DOCUMENTED_TSV).unwrap_or_default());

/// The entries of `machine.tsv`, in file order (none if it did not load).
pub(super) fn machine() -> &'static [Reference] {
    &MACHINE
}

/// The entries of `documented.tsv`, in file order (none if it did not load).
pub(super) fn documented() -> &'static [Reference] {
    &DOCUMENTED
}

/// Parses a table: one entry a line, the [`COLUMNS`] separated by one tab
/// each; lines starting with `#` and blank lines skipped; every id once.
/// The error names the file and the line.
fn parse(file: &str, text: &'static str) -> Parsed {
    let mut rows: Vec<Reference> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let row = row(line).map_err(|e| format!("{file}:{}: {e}", i + 1))?;
        if rows.iter().any(|r| r.id == row.id) {
            return Err(format!("{file}:{}: `{}` is given twice", i + 1, row.id));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Splits one line of a data table into its `N` columns (one tab between
/// them), each non-empty and without spaces around it; the error names the
/// columns. Shared by every tab-separated table the crate embeds.
pub(crate) fn columns<const N: usize>(
    line: &'static str,
    names: &[&str; N],
) -> Result<[&'static str; N], String> {
    let found: Vec<&'static str> = line.split('\t').collect();
    let columns: [&'static str; N] = found.as_slice().try_into().map_err(|_| {
        format!(
            "expected {N} columns separated by tabs ({}), found {}",
            names.join(", "),
            found.len()
        )
    })?;
    for (name, column) in names.iter().zip(&columns) {
        if column.is_empty() || column.trim() != *column {
            return Err(format!(
                "the {name} column is empty or has spaces around it"
            ));
        }
    }
    Ok(columns)
}

/// One entry line.
fn row(line: &'static str) -> Result<Reference, String> {
    let [id, provenance, link_names, summary, choice] = columns(line, &COLUMNS)?;
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
    Ok(Reference {
        id,
        summary,
        provenance,
        links: Box::leak(links.into_boxed_slice()),
        choice: (choice != NO_CHOICE).then_some(choice),
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
        for (file, text, table) in [
            ("machine.tsv", MACHINE_TSV, machine()),
            ("documented.tsv", DOCUMENTED_TSV, documented()),
        ] {
            let rows = parse(file, text);
            assert_eq!(rows.as_ref().err(), None);
            assert_eq!(rows.as_deref(), Ok(table));
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
        assert_eq!(rows[0].id, "J1");
        assert_eq!(rows[0].provenance, Provenance::Inferred);
        assert_eq!(rows[0].links, [links::API, links::MOTO]);
        assert_eq!(rows[0].summary, "it holds");
        assert_eq!(rows[0].choice, None);
        assert_eq!(rows[1].provenance, Provenance::Contradictory);
        assert_eq!(rows[1].choice, Some("this one"));
        assert_eq!(rows[1].links, [links::D_CLI]);
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
