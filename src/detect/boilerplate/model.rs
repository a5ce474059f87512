//! The scored model: logistic regression over [`super::signals::NAMES`], weights and
//! threshold read once from `detect/boilerplate_weights.txt` (written by
//! `cargo run --release --no-default-features --example furniture_fit`, whose header there
//! says which data, method and figures produced them).

use std::fmt::Write as _;
use std::sync::LazyLock;

use super::signals::{N, NAMES, index};

/// Bias, weights and decision threshold.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Intercept.
    pub bias: f64,
    /// Weight per signal, in [`NAMES`] order.
    pub weights: [f64; N],
    /// A paragraph whose probability reaches this is furniture.
    pub threshold: f64,
}

/// Parses `name value` lines (`#` comments); unknown names and bad numbers are ignored,
/// missing weights are 0, a missing threshold is 0.5.
#[must_use]
pub fn parse(text: &str) -> Weights {
    let mut w = Weights {
        bias: 0.0,
        weights: [0.0; N],
        threshold: 0.5,
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(name), Some(value)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        match name {
            "bias" => w.bias = value,
            "threshold" => w.threshold = value,
            _ => {
                if let Some(x) = index(name).and_then(|i| w.weights.get_mut(i)) {
                    *x = value;
                }
            }
        }
    }
    w
}

/// Writes weights in the form [`parse`] reads, after a header of `#` lines.
#[must_use]
pub fn render(w: &Weights, header: &str) -> String {
    let mut s = String::new();
    for line in header.lines() {
        s.push_str("# ");
        s.push_str(line);
        s.push('\n');
    }
    let _ = writeln!(s, "threshold {:.4}", w.threshold);
    let _ = writeln!(s, "bias {:.4}", w.bias);
    for (name, value) in NAMES.iter().zip(w.weights) {
        let _ = writeln!(s, "{name} {value:.4}");
    }
    s
}

static WEIGHTS: LazyLock<Weights> =
    LazyLock::new(|| parse(include_str!("../boilerplate_weights.txt")));

/// The shipped weights.
#[must_use]
pub fn weights() -> &'static Weights {
    &WEIGHTS
}

impl Weights {
    /// The probability that a paragraph with these signal values is page furniture.
    #[must_use]
    pub fn probability(&self, values: &[f64; N]) -> f64 {
        let z = self.bias
            + self
                .weights
                .iter()
                .zip(values)
                .map(|(w, x)| w * x)
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Each signal's contribution to the score (weight × value), in [`NAMES`] order.
    #[must_use]
    pub fn contributions(&self, values: &[f64; N]) -> [f64; N] {
        let mut out = [0.0; N];
        for ((o, w), x) in out.iter_mut().zip(&self.weights).zip(values) {
            *o = w * x;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_renders_round_trip() {
        let w = parse("# h\nthreshold 0.7\nbias -2\nshort 1.5\nnonsense 3\nprose x\n");
        assert!((w.threshold - 0.7).abs() < 1e-9);
        assert!((w.bias + 2.0).abs() < 1e-9);
        let short = index("short").unwrap_or(0);
        assert!((w.weights[short] - 1.5).abs() < 1e-9);
        let again = parse(&render(&w, "made here"));
        assert!((again.weights[short] - 1.5).abs() < 1e-9);
        assert!((again.threshold - 0.7).abs() < 1e-9);
        let mut x = [0.0; N];
        assert!((w.probability(&x) - 1.0 / (1.0 + 2f64.exp())).abs() < 1e-9);
        x[short] = 1.0;
        assert!(w.probability(&x) > 0.3);
    }

    #[test]
    fn shipped_weights_name_every_signal() {
        let text = include_str!("../boilerplate_weights.txt");
        for name in NAMES {
            assert!(
                text.lines()
                    .any(|l| l.split_whitespace().next() == Some(name)),
                "{name} has no weight"
            );
        }
        assert!(weights().threshold > 0.0 && weights().threshold < 1.0);
    }
}
