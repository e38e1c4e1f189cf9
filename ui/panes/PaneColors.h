#pragma once

#include <QColor>
#include <QPalette>

namespace glasshart {

// The colours the panes paint with beyond the palette's own roles, worked
// out from the palette so that they follow the desktop's light or dark
// theme. Marks are opaque blends of the background with an accent rather
// than translucent overlays, so their contrast with the text on them can be
// checked (and is, in the tests) on any palette.

// WCAG 2's contrast ratio of two colours: 1 (the same luminance) to 21
// (black on white). Text wants at least 4.5, a mark on its background 1.5.
[[nodiscard]] double contrastRatio(const QColor& a, const QColor& b);

// Whether the palette puts light text on a dark background.
[[nodiscard]] bool isDark(const QPalette& palette);

// `from` moved towards `to` by `amount` (0 stays at `from`, 1 is `to`).
[[nodiscard]] QColor mixColors(const QColor& from, const QColor& to, double amount);

// Behind a value that changed since the previous stop.
[[nodiscard]] QColor changedBackground(const QPalette& palette);
// Behind the instruction at the pc.
[[nodiscard]] QColor pcBackground(const QPalette& palette);
// Behind every other group of rows, to tell neighbouring groups apart.
[[nodiscard]] QColor bandBackground(const QPalette& palette);
// Text that matters less than its neighbours: instruction bytes, notes.
[[nodiscard]] QColor secondaryText(const QPalette& palette);

}  // namespace glasshart
