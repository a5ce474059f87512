//! The keyboard: each shortcut becomes a [`Command`].

use super::{Command, StorydiffApp};
use crate::model::Granularity;

impl StorydiffApp {
    /// Turns this frame's shortcut key presses into commands.
    pub(super) fn keyboard(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        use egui::{Key, Modifiers};
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::ALT, Key::ArrowDown) {
                commands.push(Command::NextChange);
            }
            if i.consume_key(Modifiers::ALT, Key::ArrowUp) {
                commands.push(Command::PrevChange);
            }
            if i.consume_key(Modifiers::COMMAND, Key::F) {
                commands.push(Command::OpenSearch);
            }
            if i.consume_key(Modifiers::COMMAND, Key::O) {
                commands.push(Command::OpenDialog);
            }
            if i.consume_key(Modifiers::COMMAND, Key::E) {
                commands.push(Command::ExportDialog);
            }
            if i.consume_key(Modifiers::NONE, Key::F3) {
                commands.push(Command::SearchNext);
            }
            if i.consume_key(Modifiers::SHIFT, Key::F3) {
                commands.push(Command::SearchPrev);
            }
            if i.consume_key(Modifiers::COMMAND, Key::Plus)
                || i.consume_key(Modifiers::COMMAND, Key::Equals)
            {
                commands.push(Command::FontSize(1.0));
            }
            if i.consume_key(Modifiers::COMMAND, Key::Minus) {
                commands.push(Command::FontSize(-1.0));
            }
            if i.consume_key(Modifiers::COMMAND, Key::D) {
                commands.push(Command::SetOnlyChanges(!self.settings.only_changes));
            }
            if i.consume_key(Modifiers::COMMAND, Key::B) {
                commands.push(Command::SetHideBoilerplate(!self.settings.hide_boilerplate));
            }
            if i.consume_key(Modifiers::COMMAND, Key::T) {
                commands.push(Command::SetDark(!self.settings.dark));
            }
            let mut options = self.settings.options.clone();
            let mut changed = false;
            for (key, flag) in [
                (Key::Num1, &mut options.ignore_case),
                (Key::Num2, &mut options.ignore_punctuation),
                (Key::Num3, &mut options.ignore_quotes),
                (Key::Num4, &mut options.ignore_whitespace),
            ] {
                if i.consume_key(Modifiers::COMMAND, key) {
                    *flag = !*flag;
                    changed = true;
                }
            }
            if i.consume_key(Modifiers::COMMAND, Key::G) {
                options.granularity = match options.granularity {
                    Granularity::Word => Granularity::Char,
                    Granularity::Char => Granularity::Word,
                };
                changed = true;
            }
            if changed {
                commands.push(Command::SetOptions(options));
            }
            if self.search.open && i.consume_key(Modifiers::NONE, Key::Escape) {
                commands.push(Command::CloseSearch);
            }
        });
    }
}
