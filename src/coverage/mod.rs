//! Coverage across outlets: what several reports of one event share when they are not copies.
//!
//! - [`relatedness`]: same story or another story, from shared names, figures and distinctive
//!   words weighted by a background word-frequency table ([`background`]), with dates;
//! - [`passages`]: passages that correspond although reworded join one row;
//! - [`links`]: per cell, its [`Relation`](crate::model::Relation) to the reference passage,
//!   sentence links and fact marks;
//! - [`map`]: the passage × outlet coverage map and the per-outlet summary the window and the
//!   reports show.
//!
//! The facts table (quotes, figures, names) is [`crate::facts`].

pub mod background;
pub mod links;
pub mod map;
pub mod passages;
pub mod relatedness;
pub mod terms;

pub use relatedness::{UNRELATED_RELATEDNESS, relatedness};
