#include "info_page.h"

#include "common/notice.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace moim::ui {

InfoPage::InfoPage(const QString &iconPath, QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_steps(new QLabel(this))
    , m_back(new QPushButton(this))
{
    m_icon->setPixmap(QIcon(iconPath).pixmap(QSize(48, 48), devicePixelRatioF()));
    setRole(m_title, "title");
    setRole(m_body, "subtitle");
    setRole(m_back, "primary");
    for (QLabel *label : {m_title, m_body, m_steps}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_back->setCursor(Qt::PointingHandCursor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_icon);
    layout->addSpacing(16);
    layout->addWidget(m_title);
    layout->addSpacing(8);
    layout->addWidget(m_body);
    layout->addSpacing(16);
    layout->addWidget(m_steps);
    layout->addSpacing(24);
    layout->addWidget(m_back);
    layout->addStretch(1);
    connect(m_back, &QPushButton::clicked, this, &InfoPage::backRequested);
    // Escape finds it by this name: it goes back the way the button does.
    m_back->setObjectName(QStringLiteral("backButton"));
}

void InfoPage::setContent(const QString &title, const QString &body, const QStringList &steps,
                          const QString &backText)
{
    m_title->setText(title);
    m_body->setText(body);
    QStringList numbered;
    for (qsizetype i = 0; i < steps.size(); ++i)
        numbered.append(QString::number(i + 1) + QStringLiteral(".  ") + steps.at(i));
    m_steps->setText(numbered.join(u'\n'));
    m_steps->setVisible(!steps.isEmpty());
    m_back->setText(backText);
    m_back->setAccessibleName(backText);
    setAccessibleName(title);
}

QString InfoPage::title() const
{
    return m_title->text();
}

QString InfoPage::bodyText() const
{
    return m_body->text() + u'\n' + m_steps->text();
}

} // namespace moim::ui
