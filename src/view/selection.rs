//! Which links and actors a view keeps, and how it weights them.

use crate::model::{Kind, Layer, YearRange};
use serde::Serialize;

crate::names! {
    /// How parallel links between two actors become one weight.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Weighting("weighting") {
        /// Every linked pair has weight 1.
        #[default]
        None = "none",
        /// Tie weights plus 1 per shared event or project.
        Sum = "sum",
        /// Tie weights plus 1/(n−1) per shared group of n members (Newman 2001).
        Newman = "newman",
    }
}

/// Which layers, years and actor kinds a view keeps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Selection {
    /// Layers kept (all by default), in `Layer::ALL` order.
    pub layers: Vec<Layer>,
    /// Years kept; `None` keeps all, including links with no year.
    pub years: Option<YearRange>,
    /// Actor kinds kept; `None` keeps all.
    pub kinds: Option<Vec<Kind>>,
}

impl Default for Selection {
    fn default() -> Selection {
        Selection {
            layers: Layer::ALL.to_vec(),
            years: None,
            kinds: None,
        }
    }
}

impl Selection {
    /// Whether links of this layer are kept.
    pub fn keeps_layer(&self, l: Layer) -> bool {
        self.layers.contains(&l)
    }

    /// Whether a link of this year is kept (a link with no year is kept only
    /// when no range is set).
    pub fn keeps_year(&self, y: Option<i32>) -> bool {
        match (self.years, y) {
            (None, _) => true,
            (Some(r), Some(y)) => r.from <= y && y <= r.to,
            (Some(_), None) => false,
        }
    }

    /// Whether actors of this kind are kept.
    pub fn keeps_kind(&self, k: Kind) -> bool {
        self.kinds.as_ref().is_none_or(|ks| ks.contains(&k))
    }
}
