//! The keyboard: each shortcut becomes a [`Command`].

use super::{Command, StorydiffApp};
use crate::model::Granularity;

impl StorydiffApp {
    /// Turns this frame's shortcut key presses into commands.
    pub(super) fn keyboard(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        use egui::{Key, Modifiers};
        ctx.input_mut(|i| {
            // Shortcuts that each issue one command, read in this order.
            let fixed = [
                (Modifiers::ALT, Key::ArrowDown, Command::NextChange),
                (Modifiers::ALT, Key::ArrowUp, Command::PrevChange),
                (Modifiers::COMMAND, Key::F, Command::OpenSearch),
                (Modifiers::COMMAND, Key::O, Command::OpenDialog),
                (Modifiers::COMMAND, Key::E, Command::ExportDialog),
                (Modifiers::NONE, Key::F3, Command::SearchNext),
                (Modifiers::SHIFT, Key::F3, Command::SearchPrev),
                (Modifiers::COMMAND, Key::Minus, Command::FontSize(-1.0)),
                (
                    Modifiers::COMMAND,
                    Key::D,
                    Command::SetOnlyChanges(!self.settings.only_changes),
                ),
                (
                    Modifiers::COMMAND,
                    Key::B,
                    Command::SetHideBoilerplate(!self.settings.hide_boilerplate),
                ),
                (
                    Modifiers::COMMAND,
                    Key::T,
                    Command::SetDark(!self.settings.dark),
                ),
            ];
            for (modifiers, key, command) in fixed {
                if i.consume_key(modifiers, key) {
                    commands.push(command);
                }
            }
            // Either key of the "+/=" pair makes the text larger, once.
            if i.consume_key(Modifiers::COMMAND, Key::Plus)
                || i.consume_key(Modifiers::COMMAND, Key::Equals)
            {
                commands.push(Command::FontSize(1.0));
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
