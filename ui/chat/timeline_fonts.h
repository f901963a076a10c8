#pragma once

#include <QFont>
#include <algorithm>

namespace moim::ui {

// The timeline's type scale beside its body text: names and titles in semi-bold, times, states
// and captions a step smaller (never below 7 pt).
inline QFont boldFont(const QFont &font)
{
    QFont bold = font;
    bold.setWeight(QFont::DemiBold);
    return bold;
}

inline QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(std::max(7.0, font.pointSizeF() - 1.5));
    return small;
}

} // namespace moim::ui
