#include "emoji_font.h"

#include <QStringList>

namespace moim::ui {

using namespace Qt::StringLiterals;

QFont emojiFont(const QFont &base, int pixelSize)
{
    QFont font = base;
    font.setPixelSize(pixelSize);
    // The colour emoji fonts of Linux desktops, then whatever the text font falls back to.
    font.setFamilies(QStringList{u"Noto Color Emoji"_s, u"Twemoji"_s, u"JoyPixels"_s} +
                     base.families());
    return font;
}

} // namespace moim::ui
