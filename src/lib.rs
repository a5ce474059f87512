//! storydiff: open several articles about one news story, align them paragraph by
//! paragraph, diff the wording and label what is damage rather than journalism.
//!
//! The engine (every module but `gui`) has no egui import and runs headless:
//! [`load`] → [`normalize`] → [`align`] → [`diff`] → [`detect`] → [`report`], all
//! handing one result type, [`model::Comparison`], built by [`compare::compare`]. The user's
//! corrections are applied by [`overrides`]; [`session`] saves and opens comparisons
//! (`.storydiff` files).

pub mod align;
pub mod compare;
pub mod corpus;
pub mod coverage;
pub mod detect;
pub mod diff;
pub mod error;
pub mod facts;
pub mod load;
pub mod model;
pub mod normalize;
pub mod overrides;
pub mod report;
pub mod session;
pub mod staged;

#[cfg(feature = "gui")]
pub mod gui;

pub use compare::{compare, compare_files, compare_files_with, compare_with};
pub use model::{CompareOptions, Comparison};
pub use session::{OpenedComparison, SavedComparison, SavedView};
