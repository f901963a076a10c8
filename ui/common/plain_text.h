#pragma once

#include <QString>

namespace moim::ui {

// Text from the server must never be read as markup. Labels get Qt::PlainText; these cover the
// places Qt guesses instead (tooltips) or gives characters a meaning (menu mnemonics).

// A tooltip that shows `text` literally, even if it looks like HTML.
QString plainToolTip(const QString &text);
// Menu and button text that shows `text` literally: '&' is not a mnemonic marker.
QString literalActionText(const QString &text);

} // namespace moim::ui
