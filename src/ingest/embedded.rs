//! The default dataset embedded in the binary, used by every command whose
//! DATA argument is omitted.

use crate::error::{Error, Result};
use crate::model::Network;

/// The embedded default dataset (`graphs/korea-iccp-2005-2009/`).
pub fn default_network() -> Result<Network> {
    Err(Error::Usage(
        "no DATA given and this build has no embedded default dataset; pass a dataset directory or .json file".into(),
    ))
}
