//! Figures, images and cross-references: `<figure id>` with an `<img>` per image and a
//! `<figcaption>` (label, caption, source line); an image in the line; `<a href="#id">` to a
//! table or figure.
//!
//! A figure the source gave no description: its images take the label and caption as their
//! `alt` (Ace's `image-alt` wants a text alternative; `alt=""` would call a map decorative,
//! and `alt=""` with `aria-describedby` trips axe's `presentation-role-conflict`), and the
//! writer says so. An image whose bytes are missing is a visible placeholder naming its file,
//! never a broken `<img>`.

use super::images::Shown;
use super::{dir_of, Writer};
use crate::diag::Diagnostic;
use crate::model::{Extent, Figure, Image, Inline};
use quick_xml::escape::escape;

/// The `style` attribute of an image of the width the source asked for (nothing otherwise).
fn width_style(width: Option<Extent>) -> String {
    match width {
        Some(Extent::Fraction(f)) if f.is_finite() && f > 0.0 => {
            format!(" style=\"width: {}%\"", super::table::css_number(f.min(1.0) * 100.0))
        }
        Some(Extent::Points(p)) if p.is_finite() && p > 0.0 => {
            format!(" style=\"width: {}pt\"", super::table::css_number(p))
        }
        _ => String::new(),
    }
}

impl Writer {
    /// The id of a table or figure: the one found for its model id (the first time it is
    /// written), else a new one (`figure-3`).
    pub(super) fn object_id(&mut self, model: Option<&str>, kind: &str, n: usize) -> String {
        if let Some(m) = model {
            if let Some(t) = self.objects.targets.get(m) {
                if self.objects.written.insert(m.to_string()) {
                    return t.xid.clone();
                }
                self.objects.diags.push(Diagnostic::warning(
                    "epub-duplicate-id",
                    0,
                    format!(
                        "the id `{m}` names more than one table or figure; cross-references go to the first"
                    ),
                ));
            }
        }
        self.objects.ids.claim(&format!("{kind}-{n}"))
    }

    /// Writes a figure (see the module's comment).
    pub(super) fn figure(&mut self, f: &Figure) {
        self.objects.figures += 1;
        let n = self.objects.figures;
        let id = self.object_id(f.id.as_deref(), "figure", n);
        let name = f.label.clone().filter(|l| !l.trim().is_empty()).unwrap_or_else(|| format!("figure {n}"));
        let caption = super::targets::caption_text(&f.caption);
        let label = f.label.as_deref().map(str::trim).filter(|l| !l.is_empty());
        let alt = match f.alt.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => a.to_string(),
            None if f.images.is_empty() => String::new(),
            None => {
                let from_caption = match (label, caption.is_empty()) {
                    (Some(l), false) if l.ends_with(['.', ':']) => format!("{l} {caption}"),
                    (Some(l), false) => format!("{l}. {caption}"),
                    (Some(l), true) => l.to_string(),
                    (None, _) => caption.clone(),
                };
                self.objects.undescribed += f.images.len();
                if from_caption.is_empty() {
                    let file =
                        f.images.first().map_or("", |i| i.src.rsplit(['/', '\\']).next().unwrap_or(&i.src));
                    self.objects.diags.push(Diagnostic::warning(
                        "epub-figure-no-alt",
                        0,
                        format!("{name} has no description, label or caption; its images' text alternative is their file name `{file}`"),
                    ));
                    file.to_string()
                } else {
                    self.objects.diags.push(Diagnostic::warning(
                        "epub-figure-no-alt",
                        0,
                        format!("{name} has no description of its images; the e-book gives its label and caption as their text alternative"),
                    ));
                    from_caption
                }
            }
        };
        self.raw(&format!("<figure class=\"figure\" id=\"{id}\">\n"));
        for image in &f.images {
            self.figure_image(image, &alt, &name);
        }
        let has_head = label.is_some() || !f.caption.is_empty();
        if has_head || f.source.is_some() {
            self.raw("<figcaption>");
            if has_head {
                self.raw(&format!("<p class=\"caption\"{}>", dir_of(&f.caption)));
                self.caption_head(label, &f.caption);
                self.inlines(&f.caption);
                self.raw("</p>");
            }
            if let Some(source) = &f.source {
                self.raw(&format!("<p class=\"figure-source\"{}>", dir_of(source)));
                self.inlines(source);
                self.raw("</p>");
            }
            self.raw("</figcaption>\n");
        }
        self.raw("</figure>\n");
    }

    /// One image of a figure, or its placeholder.
    fn figure_image(&mut self, image: &Image, alt: &str, name: &str) {
        match self.objects.images.show(image.media.as_deref()) {
            Shown::Packed { href, width, height } => {
                let tag = format!(
                    "<img src=\"{}\" alt=\"{}\" width=\"{width}\" height=\"{height}\"{}/>\n",
                    escape(&href),
                    escape(alt),
                    width_style(image.width)
                );
                self.raw(&tag);
            }
            shown => {
                self.missing(image, &shown, name);
                self.raw("<p class=\"image-missing\">");
                self.text(&format!("[{}]", image.src));
                self.raw("</p>\n");
            }
        }
    }

    /// Reports an image the e-book cannot show.
    fn missing(&mut self, image: &Image, shown: &Shown, name: &str) {
        let why = match shown {
            Shown::Packed { .. } => return,
            Shown::NoMedia => "has no bytes in the document (the reader reported why)".to_string(),
            Shown::UnknownKey => format!(
                "names the media `{}`, which the document does not hold",
                image.media.as_deref().unwrap_or("")
            ),
            Shown::Damaged(kind) => format!("is not the {} the document says it is", kind.media_type()),
        };
        self.objects.diags.push(Diagnostic::warning(
            "epub-image-missing",
            0,
            format!("the image `{}` of {name} {why}; the e-book shows a placeholder naming it", image.src),
        ));
    }

    /// An image in the line of text, or its placeholder.
    pub(super) fn inline_image(&mut self, image: &Image, alt: &str) {
        match self.objects.images.show(image.media.as_deref()) {
            Shown::Packed { href, width, height } => {
                let tag = format!(
                    "<img class=\"inline\" src=\"{}\" alt=\"{}\" width=\"{width}\" height=\"{height}\"{}/>",
                    escape(&href),
                    escape(alt.trim()),
                    width_style(image.width)
                );
                self.raw(&tag);
                if alt.trim().is_empty() {
                    self.objects.diags.push(Diagnostic::info(
                        "epub-image-no-alt",
                        0,
                        format!("the image `{}` in the text has no description; the e-book marks it as decorative (alt=\"\")", image.src),
                    ));
                }
            }
            shown => {
                self.missing(image, &shown, "the text");
                self.raw("<span class=\"image-missing\">");
                self.text(&crate::write::degrade::image_text(alt.trim(), &image.src));
                self.raw("</span>");
            }
        }
    }

    /// A cross-reference: a link to its table or figure showing its own text, or the
    /// target's label when it has none; its text, not a link, when the target does not
    /// exist.
    pub(super) fn reference(&mut self, target: &str, content: &[Inline]) {
        match self.objects.targets.get(target).cloned() {
            Some(t) => {
                self.raw(&format!("<a class=\"ref\" href=\"#{}\">", t.xid));
                if !content.is_empty() {
                    self.inlines(content);
                } else if let Some(shown) = t.shown() {
                    self.text(shown);
                } else {
                    self.objects.diags.push(Diagnostic::warning(
                        "epub-ref-no-label",
                        0,
                        format!("the cross-reference to `{target}` prints no text and its target has no label or caption; the e-book shows its id"),
                    ));
                    self.text(target);
                }
                self.raw("</a>");
            }
            None => {
                self.objects.diags.push(Diagnostic::warning(
                    "epub-ref-dangling",
                    0,
                    format!("the cross-reference to `{target}` names no table or figure of the document; the e-book prints its text without a link"),
                ));
                self.raw("<span class=\"ref-dangling\">");
                if content.is_empty() {
                    self.text(target);
                } else {
                    self.inlines(content);
                }
                self.raw("</span>");
            }
        }
    }
}
