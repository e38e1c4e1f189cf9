#include "panes/PaneColors.h"

#include <cmath>

namespace glasshart {
namespace {

// The accents: amber for a change, yellow for "you are here", as in most
// debuggers. How much of them goes into the background is chosen so that
// the palette's text stays readable on the blend, light or dark.
const QColor kChangedAccent(255, 176, 0);
const QColor kPcAccent(255, 214, 0);
constexpr double kChangedAmount = 0.35;
constexpr double kPcAmount = 0.4;
constexpr double kBandAmount = 0.06;
constexpr double kSecondaryAmount = 0.4;

// sRGB channel to linear light (WCAG 2, "relative luminance").
double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& color) {
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

}  // namespace

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool isDark(const QPalette& palette) {
    return luminance(palette.color(QPalette::Base)) < luminance(palette.color(QPalette::Text));
}

QColor mixColors(const QColor& from, const QColor& to, double amount) {
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    const auto mix = [amount](float x, float y) { return static_cast<float>(x + (y - x) * amount); };
    return QColor::fromRgbF(mix(a.redF(), b.redF()), mix(a.greenF(), b.greenF()), mix(a.blueF(), b.blueF()));
}

QColor changedBackground(const QPalette& palette) {
    return mixColors(palette.color(QPalette::Base), kChangedAccent, kChangedAmount);
}

QColor pcBackground(const QPalette& palette) {
    return mixColors(palette.color(QPalette::Base), kPcAccent, kPcAmount);
}

QColor bandBackground(const QPalette& palette) {
    return mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text), kBandAmount);
}

QColor secondaryText(const QPalette& palette) {
    return mixColors(palette.color(QPalette::Text), palette.color(QPalette::Base), kSecondaryAmount);
}

}  // namespace glasshart
