#include "plain_text.h"

#include <QWidget>

namespace moim::ui {

using namespace Qt::StringLiterals;

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    // Forced rich text with the content escaped: Qt cannot mistake it, and it shows as typed.
    return u"<p style='white-space:pre-wrap'>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

void setPlainToolTip(QWidget *widget, const QString &text)
{
    widget->setToolTip(plainToolTip(text));
    widget->setAccessibleDescription(text);
}

QString literalActionText(const QString &text)
{
    QString escaped = text;
    return escaped.replace(u'&', u"&&"_s);
}

} // namespace moim::ui
