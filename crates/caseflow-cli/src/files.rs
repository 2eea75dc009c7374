//! Reading the files a user names (scenarios, calibration data): a size limit, so that a
//! device or a huge file is refused rather than read until memory runs out, and the operating
//! system's refusal in the user's language.

use std::io::{ErrorKind, Read};
use std::path::Path;

use caseflow_core::{InputError, InputErrorKind};

use crate::Failure;

/// The largest file read: a scenario is a few kilobytes, a calibration series of 180 months
/// for seven areas well under one megabyte.
pub(crate) const MAX_BYTES: u64 = 16 << 20;

/// The bytes of `path`, for the field `field` (labelled `label` in Dutch and English).
pub(crate) fn read(path: &Path, field: &str, label: [&str; 2]) -> Result<Vec<u8>, Failure> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, &e))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(path, &e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(InputError::other(
            field,
            &path.display().to_string(),
            InputErrorKind::OutOfRange,
            label,
            ["bestanden tot 16 MB", "files up to 16 MB"],
        )
        .into());
    }
    Ok(bytes)
}

/// Write `bytes` to `path` (`--output`), a refusal said as a read's is.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| {
        let [nl, en] = reason(&e, ["de map bestaat niet", "the folder does not exist"]);
        Failure::Words([
            format!("kon niet schrijven naar {}: {nl}", path.display()),
            format!("could not write to {}: {en}", path.display()),
        ])
    })
}

/// Why `path` could not be read, in both languages.
fn unreadable(path: &Path, e: &std::io::Error) -> Failure {
    let path = path.display();
    let [nl, en] = reason(e, ["bestaat niet", "does not exist"]);
    Failure::Words([format!("{path}: {nl}"), format!("{path}: {en}")])
}

/// The operating system's refusal in Dutch and English (its own words only where its reason
/// has no name here); `missing` is what a path not found means.
fn reason(e: &std::io::Error, missing: [&str; 2]) -> [String; 2] {
    let named = match e.kind() {
        ErrorKind::NotFound => missing,
        ErrorKind::PermissionDenied => ["geen toestemming", "permission denied"],
        ErrorKind::IsADirectory => ["is een map, geen bestand", "is a directory, not a file"],
        ErrorKind::NotADirectory => [
            "een deel van het pad is geen map",
            "a part of the path is not a directory",
        ],
        ErrorKind::ReadOnlyFilesystem => ["de schijf is alleen-lezen", "the disk is read-only"],
        ErrorKind::StorageFull => ["de schijf is vol", "the disk is full"],
        _ => {
            return [
                format!("het systeem meldt: {e}"),
                format!("the system says: {e}"),
            ];
        }
    };
    named.map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(f: Failure) -> [String; 2] {
        match f {
            Failure::Words(w) => w,
            _ => panic!("not words"),
        }
    }

    #[test]
    fn a_missing_file_or_a_directory_is_named_in_both_languages() {
        let [nl, en] =
            words(read(Path::new("/no/such/file.toml"), "scenario", ["S", "S"]).unwrap_err());
        assert_eq!(nl, "/no/such/file.toml: bestaat niet");
        assert_eq!(en, "/no/such/file.toml: does not exist");
        let dir = std::env::temp_dir();
        let [nl, _] = words(read(&dir, "scenario", ["S", "S"]).unwrap_err());
        assert!(nl.ends_with("is een map, geen bestand"), "{nl}");
    }

    #[test]
    fn an_endless_file_is_refused_at_the_limit() {
        let Err(Failure::Input(e)) = read(Path::new("/dev/zero"), "scenario", ["S", "S"]) else {
            panic!("/dev/zero was read");
        };
        assert_eq!(e.0[0].kind, InputErrorKind::OutOfRange);
        assert_eq!(e.0[0].allowed_en, "files up to 16 MB");
    }
}
