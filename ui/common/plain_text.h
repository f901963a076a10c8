#pragma once

#include <QString>

class QWidget;

namespace moim::ui {

// Text from the server must never be read as markup. Labels get Qt::PlainText; these cover the
// places Qt guesses instead (tooltips) or gives characters a meaning (menu mnemonics).

// A tooltip that shows `text` literally, even if it looks like HTML.
QString plainToolTip(const QString &text);
// Sets such a tooltip on a widget, and the same text, plain, as its accessible description:
// without it, Qt gives screen readers the tooltip's markup ("<p style=…>").
void setPlainToolTip(QWidget *widget, const QString &text);
// Menu and button text that shows `text` literally: '&' is not a mnemonic marker.
QString literalActionText(const QString &text);

} // namespace moim::ui
