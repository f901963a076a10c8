#pragma once

#include <QFont>

namespace moim::ui {

// `base` at `pixelSize`, asking for a colour emoji font first. Qt 6.4's font fallback takes the
// first font that has a glyph, and text fonts such as DejaVu Sans carry black-and-white smileys
// (and draw ❤️ as a text heart), so emoji shown on their own name an emoji font.
QFont emojiFont(const QFont &base, int pixelSize);

} // namespace moim::ui
