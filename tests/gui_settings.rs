//! Settings persistence and the no-display message.

#![cfg(feature = "gui")]

use std::collections::HashMap;

use storydiff::gui::app::{SETTINGS_KEY, load_settings};
use storydiff::gui::{NO_DISPLAY, Settings};

#[derive(Default)]
struct Memory(HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn settings_round_trip_through_storage() {
    let mut app = storydiff::gui::StorydiffApp::new(
        Settings {
            font_size: 20.0,
            dark: true,
            only_changes: true,
            ..Settings::default()
        },
        Vec::new(),
    );
    let mut storage = Memory::default();
    eframe::App::save(&mut app, &mut storage);
    let (loaded, notice) = load_settings(Some(&storage));
    assert!(notice.is_none());
    assert_eq!(loaded, app.settings);
}

#[test]
fn unreadable_settings_fall_back_to_defaults_with_a_notice() {
    let mut storage = Memory::default();
    storage
        .0
        .insert(SETTINGS_KEY.to_string(), "{ not json".to_string());
    let (loaded, notice) = load_settings(Some(&storage));
    assert_eq!(loaded, Settings::default());
    assert!(notice.is_some_and(|n| n.text.contains("settings")));
}

#[test]
fn settings_from_an_older_version_keep_known_fields() {
    let mut storage = Memory::default();
    storage.0.insert(
        SETTINGS_KEY.to_string(),
        r#"{"font_size": 18.0, "retired_field": 3}"#.to_string(),
    );
    let (loaded, notice) = load_settings(Some(&storage));
    assert!(notice.is_none());
    assert!((loaded.font_size - 18.0).abs() < f32::EPSILON);
    assert!(loaded.show_findings);
}

#[test]
fn without_a_display_the_window_explains_and_exits_1() {
    let out = assert_cmd::Command::cargo_bin("storydiff")
        .expect("binary")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim(), NO_DISPLAY);
}

/// Storage holding `text` as the settings.
fn storage_with(text: &str) -> Memory {
    let mut storage = Memory::default();
    storage.0.insert(SETTINGS_KEY.to_string(), text.to_string());
    storage
}

#[test]
fn corrupt_truncated_and_future_settings_are_kept_until_a_setting_changes() {
    for stored in [
        "{ not json".to_string(),
        r#"{"font_size": 18.0, "dark": tr"#.to_string(),
        format!(
            r#"{{"version": {}, "font_size": 18.0}}"#,
            storydiff::gui::app::SETTINGS_VERSION + 1
        ),
    ] {
        let mut storage = storage_with(&stored);
        let mut app = storydiff::gui::StorydiffApp::from_storage(Some(&storage), Vec::new());
        assert_eq!(app.settings, Settings::default(), "{stored}");
        let notice = app.notices.iter().find(|n| n.text.contains("settings"));
        assert!(
            notice.is_some_and(|n| n.text.contains("kept until you change a setting")),
            "{stored}: {:?}",
            app.notices
        );
        // Opening files alone is no change of a setting: the stored text stays.
        app.settings.last_files = vec!["story.txt".into()];
        eframe::App::save(&mut app, &mut storage);
        assert_eq!(storage.0[SETTINGS_KEY], stored);
        // A changed setting is saved (the user's choice replaces what could not be read).
        app.settings.font_size = 21.0;
        eframe::App::save(&mut app, &mut storage);
        let (loaded, notice) = load_settings(Some(&storage));
        assert!(notice.is_none());
        assert!((loaded.font_size - 21.0).abs() < f32::EPSILON);
    }
}
