//! Markdown reduced to its text with pulldown-cmark.
//!
//! The title is the first level-1 heading wherever it stands (a saved page often has a
//! line of furniture above it); with no level-1 heading, a heading of another level that
//! opens the document; otherwise there is none (a later `## Subheading` is body text). The
//! title is not repeated in the body. Every other block — paragraph, heading, list
//! item, block-quote paragraph, code block — becomes one paragraph. Inline markup
//! (emphasis, links, code spans) is reduced to its text; soft line breaks become a space.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::txt::TextParts;

/// Splits Markdown into a title and paragraphs.
#[must_use]
pub fn parse(text: &str) -> TextParts {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let has_h1 = Parser::new(text).any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    let mut title: Option<String> = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut buffer = String::new();
    let mut in_title = false;
    let mut seen_block = false;
    let mut image_depth = 0usize;

    let flush = |buffer: &mut String, paragraphs: &mut Vec<String>| {
        let trimmed = buffer.trim();
        if !trimmed.is_empty() {
            paragraphs.push(trimmed.to_string());
        }
        buffer.clear();
    };

    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { level, .. })
                if title.is_none()
                    && !in_title
                    && (level == HeadingLevel::H1 || (!has_h1 && !seen_block)) =>
            {
                flush(&mut buffer, &mut paragraphs);
                in_title = true;
                seen_block = true;
            }
            Event::End(TagEnd::Heading(_)) if in_title => {
                let t = buffer.trim();
                if !t.is_empty() {
                    title = Some(t.to_string());
                }
                buffer.clear();
                in_title = false;
            }
            // A new block (a nested list, a paragraph inside an item...) ends the text so far.
            Event::Start(
                Tag::Item
                | Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::Table(_),
            )
            | Event::Rule => {
                flush(&mut buffer, &mut paragraphs);
                seen_block = true;
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => flush(&mut buffer, &mut paragraphs),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => buffer.push_str(&t),
            Event::SoftBreak | Event::HardBreak if !buffer.ends_with(' ') && !buffer.is_empty() => {
                buffer.push(' ');
            }
            _ => {}
        }
    }
    flush(&mut buffer, &mut paragraphs);
    TextParts { title, paragraphs }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    #[test]
    fn leading_h1_is_title_and_blocks_are_paragraphs() {
        let md = "# Harbour Plan Approved\n\nThe council *approved* the [plan](http://x.test) on\nTuesday.\n\n## Reaction\n\n- Fishermen welcomed it.\n- Residents did not.\n\n> \u{201c}It is a good day,\u{201d} the mayor said.\n";
        let parts = parse(md);
        assert_eq!(parts.title.as_deref(), Some("Harbour Plan Approved"));
        assert_eq!(
            parts.paragraphs,
            [
                "The council approved the plan on Tuesday.",
                "Reaction",
                "Fishermen welcomed it.",
                "Residents did not.",
                "\u{201c}It is a good day,\u{201d} the mayor said.",
            ]
        );
    }

    #[test]
    fn h1_after_furniture_is_the_title() {
        let parts = parse("Home | World\n\n# Later Heading\n\nBody.\n");
        assert_eq!(parts.title.as_deref(), Some("Later Heading"));
        assert_eq!(parts.paragraphs, ["Home | World", "Body."]);
    }

    #[test]
    fn without_h1_a_leading_heading_is_the_title_a_later_one_is_not() {
        let parts = parse("## Opening Heading\n\nBody.\n\n### Sub\n\nMore.\n");
        assert_eq!(parts.title.as_deref(), Some("Opening Heading"));
        assert_eq!(parts.paragraphs, ["Body.", "Sub", "More."]);
        let parts = parse("Intro line.\n\n## Subheading\n\nBody.\n");
        assert_eq!(parts.title, None);
        assert_eq!(parts.paragraphs, ["Intro line.", "Subheading", "Body."]);
    }

    #[test]
    fn nested_and_loose_lists() {
        let parts = parse("- one\n  - inner\n- two\n\n  more of two\n");
        assert_eq!(parts.paragraphs, ["one", "inner", "two", "more of two"]);
    }

    #[test]
    fn images_are_dropped_code_kept() {
        let parts = parse("Text ![alt words](a.png) and `code`.\n");
        assert_eq!(parts.paragraphs, ["Text  and code."]);
    }
}
