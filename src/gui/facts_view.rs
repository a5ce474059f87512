//! The facts view: every quote, figure and name of the comparison in one table, one
//! column per article — there, absent, or stated in a form of its own — so a fact-checker
//! sees who carries which fact and who disagrees. Clicking a cell shows that mention side
//! by side, highlighted.

use egui::{FontId, Rect, RichText, Sense, Stroke, pos2, vec2};

use super::command::Command;
use super::coverage::{column_header, elided};
use super::ctx::ViewCtx;
use super::derived::FactPresence;
use super::theme::{Palette, palette};
use crate::model::{Comparison, Fact, FactKind};

/// Width of the fact column.
const FACT_W: f32 = 340.0;
/// Width of one article's column.
pub const COLUMN_W: f32 = 130.0;
/// Height of one line.
const LINE_H: f32 = 26.0;

/// The facts view's own state: its filters and the facts they leave.
#[derive(Debug, Default)]
pub struct FactsState {
    /// Only facts of this kind (all when none).
    pub kind: Option<FactKind>,
    /// Only facts whose text (or speaker, or a mention) contains this, ignoring case.
    pub filter: String,
    /// Only facts the articles state differently.
    pub only_differing: bool,
    shown: Vec<usize>,
    shown_key: Option<(u64, Option<FactKind>, String, bool)>,
}

/// The plural label of a kind ("Quotes").
#[must_use]
pub fn kind_label(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Quote => "Quotes",
        FactKind::Figure => "Figures",
        FactKind::Name => "Names",
    }
}

fn kind_tag(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Quote => "quote",
        FactKind::Figure => "figure",
        FactKind::Name => "name",
    }
}

/// True when `fact` passes the filters (`needle` lower-case).
fn passes(fact: &Fact, kind: Option<FactKind>, needle: &str, only_differing: bool) -> bool {
    if kind.is_some_and(|k| k != fact.kind) || (only_differing && fact.differs.is_empty()) {
        return false;
    }
    needle.is_empty()
        || fact.text.to_lowercase().contains(needle)
        || fact
            .speaker
            .as_ref()
            .is_some_and(|s| s.to_lowercase().contains(needle))
        || fact
            .mentions
            .iter()
            .any(|m| m.text.to_lowercase().contains(needle))
}

/// What a cell says to a screen reader (and to the tests), e.g. "“84 ships” in bbc.json:
/// states it as “48 ships”".
#[must_use]
pub fn cell_description(fact: &Fact, name: &str, presence: FactPresence) -> String {
    let what = match presence {
        FactPresence::Absent => "absent".to_string(),
        FactPresence::Present(_) => "present".to_string(),
        FactPresence::Differs(m) => format!(
            "states it as “{}”",
            fact.mentions.get(m).map_or("", |m| m.text.as_str())
        ),
    };
    format!("“{}” in {name}: {what}", fact.text)
}

/// Draws the facts view.
pub fn show(ctx: &mut ViewCtx<'_>, state: &mut FactsState, ui: &mut egui::Ui) {
    let Some(comparison) = ctx.comparison else {
        return;
    };
    let pal = palette(ctx.settings.dark);
    let facts = &comparison.facts;
    ui.horizontal(|ui| {
        ui.heading("Facts");
        ui.label(
            RichText::new(format!(
                "{} facts · {} differ",
                facts.len(),
                ctx.derived.facts_differing
            ))
            .strong(),
        );
    });
    ui.horizontal_wrapped(|ui| {
        let count = |k: FactKind| facts.iter().filter(|f| f.kind == k).count();
        if ui
            .selectable_label(state.kind.is_none(), format!("All ({})", facts.len()))
            .clicked()
        {
            state.kind = None;
        }
        for kind in [FactKind::Quote, FactKind::Figure, FactKind::Name] {
            if ui
                .selectable_label(
                    state.kind == Some(kind),
                    format!("{} ({})", kind_label(kind), count(kind)),
                )
                .clicked()
            {
                state.kind = if state.kind == Some(kind) {
                    None
                } else {
                    Some(kind)
                };
            }
        }
        ui.separator();
        ui.checkbox(&mut state.only_differing, "Only facts stated differently");
        ui.separator();
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut state.filter)
                .hint_text("words of a fact, a speaker…")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
    let key = (
        ctx.generation,
        state.kind,
        state.filter.clone(),
        state.only_differing,
    );
    if state.shown_key.as_ref() != Some(&key) {
        let needle = state.filter.trim().to_lowercase();
        state.shown = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| passes(f, state.kind, &needle, state.only_differing))
            .map(|(i, _)| i)
            .collect();
        state.shown_key = Some(key);
    }
    ui.label(
        RichText::new(format!(
            "{} shown · ✓ present (hover for its words) · — absent · highlighted: stated in a form of its own · click to see it side by side",
            state.shown.len()
        ))
        .color(pal.muted),
    );
    ui.separator();
    if facts.is_empty() {
        ui.label("No quotes, figures or names found in these articles.");
        return;
    }
    let mut commands = Vec::new();
    table(comparison, ctx, &state.shown, &pal, ui, &mut commands);
    ctx.commands.extend(commands);
}

fn table(
    c: &Comparison,
    ctx: &ViewCtx<'_>,
    shown: &[usize],
    pal: &Palette,
    ui: &mut egui::Ui,
    commands: &mut Vec<Command>,
) {
    let names: Vec<String> = c
        .articles
        .iter()
        .map(crate::model::Article::short_name)
        .collect();
    let total_w = FACT_W + COLUMN_W * names.len() as f32;
    let small = FontId::proportional(12.0);
    let body = FontId::proportional(13.0);
    egui::ScrollArea::horizontal()
        .id_salt("facts-columns")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_min_width(total_w);
            let labels: Vec<(String, &str)> =
                names.iter().map(|n| (n.clone(), n.as_str())).collect();
            column_header(ui, pal, ("fact", FACT_W), COLUMN_W, &labels, "facts-head");
            egui::ScrollArea::vertical()
                .id_salt("facts-lines")
                .auto_shrink(false)
                .show_rows(ui, LINE_H, shown.len(), |ui, range| {
                    ui.set_min_width(total_w);
                    for &i in shown.get(range).unwrap_or(&[]) {
                        let (Some(fact), Some(presence)) =
                            (c.facts.get(i), ctx.derived.fact_presence.get(i))
                        else {
                            continue;
                        };
                        let (rect, _) =
                            ui.allocate_exact_size(vec2(total_w, LINE_H), Sense::hover());
                        fact_cell(ui, rect, fact, pal, (&small, &body));
                        for (a, &p) in presence.iter().enumerate() {
                            let cell = Rect::from_min_size(
                                pos2(rect.min.x + FACT_W + COLUMN_W * a as f32, rect.min.y),
                                vec2(COLUMN_W, LINE_H),
                            )
                            .shrink2(vec2(3.0, 2.0));
                            let name = names.get(a).map_or("", String::as_str);
                            if let Some(command) =
                                presence_cell(ui, cell, (i, a), fact, name, p, pal, &body)
                            {
                                commands.push(command);
                            }
                        }
                        ui.painter().hline(
                            rect.x_range(),
                            rect.max.y - 0.5,
                            Stroke::new(1.0, pal.grid),
                        );
                    }
                });
        });
}

/// The fact itself: its kind, its words, and for a quote its speaker.
fn fact_cell(
    ui: &egui::Ui,
    rect: Rect,
    fact: &Fact,
    pal: &Palette,
    (small, body): (&FontId, &FontId),
) {
    let cell = Rect::from_min_size(rect.min, vec2(FACT_W, LINE_H));
    let painter = ui.painter();
    let tag = painter.layout_no_wrap(kind_tag(fact.kind).to_string(), small.clone(), pal.muted);
    let tag_w = 46.0;
    painter.galley(
        pos2(cell.min.x + 4.0, cell.center().y - tag.size().y / 2.0),
        tag,
        pal.muted,
    );
    let mut text = match fact.kind {
        FactKind::Quote => format!("“{}”", fact.text),
        _ => fact.text.clone(),
    };
    if let Some(s) = &fact.speaker {
        text = format!("{text} — {s}");
    }
    let g = elided(ui, &text, body.clone(), pal.text, FACT_W - tag_w - 10.0);
    ui.painter().galley(
        pos2(cell.min.x + 4.0 + tag_w, cell.center().y - g.size().y / 2.0),
        g,
        pal.text,
    );
    let mut hover = text;
    if !fact.differs.is_empty() {
        hover.push_str("\nThe articles state it differently");
    }
    ui.interact(
        cell,
        ui.scope_id().with(("fact", fact.text.as_str())),
        Sense::hover(),
    )
    .on_hover_text(hover);
}

/// One article's cell of a fact; the command to send when it was clicked.
#[allow(clippy::too_many_arguments)] // Reason: one painted cell, its place and its style.
fn presence_cell(
    ui: &egui::Ui,
    rect: Rect,
    (i, a): (usize, usize),
    fact: &Fact,
    name: &str,
    presence: FactPresence,
    pal: &Palette,
    font: &FontId,
) -> Option<Command> {
    let description = cell_description(fact, name, presence);
    let sense = if presence == FactPresence::Absent {
        Sense::hover()
    } else {
        Sense::click()
    };
    let response = ui.interact(rect, ui.scope_id().with(("fact-cell", i, a)), sense);
    let role = if presence == FactPresence::Absent {
        egui::accesskit::Role::Label
    } else {
        egui::accesskit::Role::Button
    };
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, &description));
    let mention = presence.mention().and_then(|m| fact.mentions.get(m));
    let painter = ui.painter();
    let (text, color) = match (presence, mention) {
        (FactPresence::Differs(_), Some(m)) => {
            painter.rect_filled(rect, 4.0, pal.differs_bg);
            painter.rect_stroke(
                rect,
                4.0,
                Stroke::new(1.0, pal.warn),
                egui::StrokeKind::Inside,
            );
            (format!("≠ {}", m.text), pal.text)
        }
        (FactPresence::Present(_), Some(m)) if !fact.differs.is_empty() => {
            (m.text.clone(), pal.text)
        }
        (FactPresence::Present(_), Some(m)) => (format!("✓ ¶{}", m.paragraph + 1), pal.text),
        _ => ("—".to_string(), pal.muted),
    };
    if response.hovered() && mention.is_some() {
        painter.rect_stroke(
            rect,
            4.0,
            Stroke::new(1.5, pal.selected_line),
            egui::StrokeKind::Inside,
        );
    }
    let g = elided(ui, &text, font.clone(), color, rect.width() - 8.0);
    ui.painter().galley(
        pos2(rect.min.x + 4.0, rect.center().y - g.size().y / 2.0),
        g,
        color,
    );
    let m = mention?;
    let response = response.on_hover_text(format!(
        "{name} ¶{}: “{}”\nClick to see it side by side",
        m.paragraph + 1,
        m.text
    ));
    response.clicked().then_some(Command::JumpToMention {
        article: a,
        paragraph: m.paragraph,
        start: m.start,
        end: m.end,
    })
}
