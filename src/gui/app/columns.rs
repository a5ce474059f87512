//! Which open file each article came from, and reordering or removing files (the
//! reference article is kept when it stays, and the corrections follow their files).

use super::StorydiffApp;

impl StorydiffApp {
    /// The open file each article came from (index into `files`).
    pub(super) fn file_of_article(&self, article: usize) -> Option<usize> {
        let source = self.comparison.as_ref()?.articles.get(article)?.source;
        (source.file < self.files.len()).then_some(source.file)
    }

    /// Article indices per open file, in file order.
    pub(super) fn articles_per_file(&self) -> Vec<Vec<usize>> {
        let n = self.column_count();
        let mut out = vec![Vec::new(); self.files.len()];
        for a in 0..n {
            if let Some(f) = self.file_of_article(a)
                && let Some(list) = out.get_mut(f)
            {
                list.push(a);
            }
        }
        out
    }

    /// Reorders or removes files, keeping the same reference article when it stays.
    pub(super) fn rearrange(&mut self, order: &[usize]) {
        let per_file = self.articles_per_file();
        let reference = self.settings.options.reference;
        let mut new_ref = 0;
        let mut next = 0;
        for &f in order {
            for &a in per_file.get(f).map_or(&[][..], Vec::as_slice) {
                if a == reference {
                    new_ref = next;
                }
                next += 1;
            }
        }
        self.remap_overrides(order);
        self.files = order
            .iter()
            .filter_map(|&f| self.files.get(f).cloned())
            .collect();
        self.settings.options.reference = new_ref;
        self.selection = super::Selection::default();
        self.recompare();
    }
}
