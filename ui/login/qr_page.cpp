#include "qr_page.h"

#include "common/date_text.h"
#include "common/error_text.h"
#include "common/korean_particles.h"
#include "common/notice.h"
#include "qr_code_view.h"

#include <QAccessible>
#include <QEvent>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

enum Panel
{
    CodePanel,
    ConfirmPanel,
    OutcomePanel
};

constexpr int StepCount = 3;
constexpr int PanelSide = 248;

} // namespace

QrPage::QrPage(QrLogin *login, QWidget *parent)
    : QWidget(parent)
    , m_login(login)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_panels(new QStackedWidget(this))
    , m_code(new QrCodeView(this))
    , m_confirmTitle(new QLabel(this))
    , m_checkCode(new QLabel(this))
    , m_confirmHint(new QLabel(this))
    , m_outcomeIcon(new QLabel(this))
    , m_outcomeTitle(new QLabel(this))
    , m_outcomeBody(new QLabel(this))
    , m_newCode(new QPushButton(this))
    , m_steps(new QWidget(this))
    , m_status(new QLabel(this))
    , m_back(new QPushButton(this))
{
    setRole(m_title, "title");
    setRole(m_subtitle, "subtitle");
    setRole(m_confirmTitle, "heading");
    setRole(m_checkCode, "checkCode");
    setRole(m_confirmHint, "muted");
    setRole(m_outcomeTitle, "heading");
    setRole(m_outcomeBody, "muted");
    setRole(m_newCode, "primary");
    setRole(m_status, "caption");
    setRole(m_back, "link");
    for (QLabel *label : {m_title, m_subtitle, m_confirmTitle, m_confirmHint, m_outcomeTitle,
                          m_outcomeBody, m_status}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    m_title->setAlignment(Qt::AlignCenter);
    m_subtitle->setAlignment(Qt::AlignCenter);
    m_status->setAlignment(Qt::AlignCenter);
    m_checkCode->setTextFormat(Qt::PlainText);
    m_checkCode->setAlignment(Qt::AlignCenter);
    // Reachable by keyboard so a screen reader can land on the number and read it (no text
    // caret: the number is read, not edited).
    m_checkCode->setFocusPolicy(Qt::StrongFocus);
    for (QLabel *label : {m_confirmTitle, m_confirmHint, m_outcomeTitle, m_outcomeBody})
        label->setAlignment(Qt::AlignCenter);
    m_newCode->setCursor(Qt::PointingHandCursor);
    m_back->setCursor(Qt::PointingHandCursor);

    // The three panels share one square so that nothing jumps between states.
    m_panels->setFixedSize(PanelSide, PanelSide);
    m_panels->addWidget(m_code);
    auto *confirm = new QFrame(this);
    setRole(confirm, "qrPanel");
    auto *confirmLayout = new QVBoxLayout(confirm);
    confirmLayout->setContentsMargins(20, 20, 20, 20);
    confirmLayout->addStretch(1);
    confirmLayout->addWidget(m_confirmTitle);
    confirmLayout->addSpacing(4);
    confirmLayout->addWidget(m_checkCode);
    confirmLayout->addSpacing(4);
    confirmLayout->addWidget(m_confirmHint);
    confirmLayout->addStretch(1);
    m_panels->addWidget(confirm);
    auto *outcome = new QFrame(this);
    setRole(outcome, "qrPanel");
    auto *outcomeLayout = new QVBoxLayout(outcome);
    outcomeLayout->setContentsMargins(20, 20, 20, 20);
    outcomeLayout->addStretch(1);
    outcomeLayout->addWidget(m_outcomeIcon, 0, Qt::AlignHCenter);
    outcomeLayout->addSpacing(10);
    outcomeLayout->addWidget(m_outcomeTitle);
    outcomeLayout->addSpacing(6);
    outcomeLayout->addWidget(m_outcomeBody);
    outcomeLayout->addSpacing(14);
    outcomeLayout->addWidget(m_newCode);
    outcomeLayout->addStretch(1);
    m_panels->addWidget(outcome);

    auto *stepsLayout = new QGridLayout(m_steps);
    stepsLayout->setContentsMargins(0, 0, 0, 0);
    stepsLayout->setHorizontalSpacing(10);
    stepsLayout->setVerticalSpacing(8);
    for (int i = 0; i < StepCount; ++i) {
        auto *number = new QLabel(QString::number(i + 1), m_steps);
        setRole(number, "stepNumber");
        number->setFixedSize(22, 22);
        number->setAlignment(Qt::AlignCenter);
        // The step text already reads in order; the badge would only repeat the number.
        number->setAccessibleName(QString::number(i + 1));
        auto *text = new QLabel(m_steps);
        setRole(text, "step");
        text->setWordWrap(true);
        text->setTextFormat(Qt::PlainText);
        stepsLayout->addWidget(number, i, 0, Qt::AlignTop);
        stepsLayout->addWidget(text, i, 1);
        m_stepLabels.append(text);
    }
    stepsLayout->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addWidget(m_subtitle);
    layout->addSpacing(18);
    layout->addWidget(m_panels, 0, Qt::AlignHCenter);
    layout->addSpacing(10);
    layout->addWidget(m_status);
    layout->addSpacing(18);
    layout->addWidget(m_steps);
    layout->addSpacing(18);
    layout->addStretch(1);
    layout->addWidget(m_back, 0, Qt::AlignHCenter);

    connect(m_newCode, &QPushButton::clicked, this, &QrPage::newCodeRequested);
    connect(m_back, &QPushButton::clicked, this, &QrPage::backRequested);
    // Escape finds it by this name: it goes back the way the button does.
    m_back->setObjectName(QStringLiteral("backButton"));
    connect(m_login, &QrLogin::stateChanged, this, &QrPage::render);
    connect(m_login, &QrLogin::uriChanged, m_code, &QrCodeView::setText);

    retranslate();
}

void QrPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void QrPage::retranslate()
{
    m_title->setText(tr("Sign in with QR code"));
    m_subtitle->setText(tr("Scan this code with Moim on your phone, where you are already "
                           "signed in."));
    const QStringList steps{
        tr("Open Moim on your phone and tap Scan QR code."),
        tr("Point the phone at this code."),
        tr("Check the computer shown on the phone, then enter the number that appears here."),
    };
    for (int i = 0; i < StepCount; ++i) {
        m_stepLabels.at(i)->setText(steps.at(i));
        m_stepLabels.at(i)->setAccessibleName(tr("Step %1: %2").arg(i + 1).arg(steps.at(i)));
    }
    m_code->setAccessibleName(tr("QR code for signing in"));
    m_code->setAccessibleDescription(
        tr("Scan it with Moim on your phone. It changes every 30 seconds."));
    m_confirmTitle->setText(tr("Confirm on your phone"));
    m_confirmHint->setText(tr("Enter this number on your phone to finish signing in."));
    m_newCode->setText(tr("Show a new code"));
    m_newCode->setAccessibleName(m_newCode->text());
    m_back->setText(tr("Sign in with email instead"));
    m_back->setAccessibleName(m_back->text());
    m_panels->setAccessibleName(tr("Sign-in code"));
    setAccessibleName(m_title->text());
    render();
}

QString QrPage::statusText() const
{
    switch (m_panels->currentIndex()) {
    case ConfirmPanel:
        return m_checkCode->accessibleName();
    case OutcomePanel:
        return m_outcomeTitle->text() + u'\n' + m_outcomeBody->text();
    default:
        return m_status->text();
    }
}

void QrPage::render()
{
    using State = QrLogin::State;
    const State state = m_login->state();
    QString outcomeTitle;
    QString outcomeBody;
    QString icon = u":/moim/icons/alert.svg"_s;
    bool offerNewCode = true;
    int panel = CodePanel;
    m_code->setDimmed(false);
    switch (state) {
    case State::Idle:
    case State::Connecting:
        m_code->setDimmed(true);
        m_status->setText(tr("Getting a code…"));
        break;
    case State::Waiting:
        m_status->setText(tr("Waiting for your phone. The code refreshes by itself."));
        break;
    case State::Scanned: {
        panel = ConfirmPanel;
        const QString digits = m_login->checkCode();
        m_checkCode->setText(digits);
        // Spelled digit by digit so a screen reader says "4 2", not "forty-two" in a guessed
        // language; the description repeats what to do with it.
        QStringList spelled;
        for (const QChar digit : digits)
            spelled.append(QString(digit));
        m_checkCode->setAccessibleName(tr("Confirm on your phone: %1").arg(spelled.join(u' ')));
        m_checkCode->setAccessibleDescription(withKoreanParticles(
            tr("Enter the number %1 on your phone to finish signing in.").arg(digits)));
        m_status->setText(tr("Scanned. Confirm on your phone."));
        break;
    }
    case State::SigningIn:
    case State::SignedIn:
        panel = ConfirmPanel;
        m_status->setText(tr("Approved. Signing in…"));
        break;
    case State::Denied:
        panel = OutcomePanel;
        switch (m_login->endReason()) {
        case QrLogin::EndReason::WrongCode:
            outcomeTitle = tr("The numbers didn't match");
            outcomeBody = tr("The phone entered a different number, so this sign-in was "
                             "stopped.");
            break;
        case QrLogin::EndReason::PhoneNeedsTwoStep:
            outcomeTitle = tr("The phone must finish 2-step verification");
            outcomeBody = tr("This account uses 2-step verification, and Moim on your phone has "
                             "not passed it yet. Sign in on the phone again with your "
                             "verification code, then scan a new code.");
            break;
        case QrLogin::EndReason::Refused:
            outcomeTitle = tr("Sign-in not allowed");
            outcomeBody = tr("The server did not accept this approval. Ask your admin whether "
                             "your account is active.");
            break;
        default:
            outcomeTitle = tr("Sign-in denied");
            outcomeBody = tr("The sign-in was denied on the phone.");
            break;
        }
        icon = u":/moim/icons/shield-off.svg"_s;
        break;
    case State::Expired:
        panel = OutcomePanel;
        outcomeTitle = tr("The code expired");
        outcomeBody = tr("For your safety a code works for 5 minutes.");
        break;
    case State::Offline:
        panel = OutcomePanel;
        outcomeTitle = tr("You're offline");
        outcomeBody = tr("Moim can't reach the server. Check your connection.");
        icon = u":/moim/icons/cloud-off.svg"_s;
        break;
    case State::Failed: {
        panel = OutcomePanel;
        const ApiError error = m_login->error();
        outcomeTitle = tr("Sign-in failed");
        if (error.code == ApiError::Code::TooManyAttempts)
            outcomeBody = tr("Too many attempts. Try again in %1.")
                              .arg(DateText::waitLength(std::max(1, error.retryAfterSeconds)));
        else if (error.code == ApiError::Code::UpdateRequired)
            outcomeBody = tr("This version of Moim is no longer supported by the server.");
        else if (const QString text = ErrorText::forServerAnswer(error); !text.isEmpty())
            outcomeBody = text;
        else
            outcomeBody =
                tr("Something went wrong (%1). Try a new code.").arg(errorName(error.code));
        offerNewCode = error.code != ApiError::Code::UpdateRequired;
        break;
    }
    }
    m_outcomeTitle->setText(outcomeTitle);
    m_outcomeBody->setText(outcomeBody);
    m_outcomeIcon->setPixmap(QIcon(icon).pixmap(QSize(40, 40), devicePixelRatioF()));
    m_outcomeIcon->setAccessibleName(outcomeTitle);
    m_newCode->setVisible(offerNewCode);
    m_status->setVisible(panel != OutcomePanel);
    m_steps->setVisible(panel == CodePanel);
    const bool panelChanged = m_panels->currentIndex() != panel;
    m_panels->setCurrentIndex(panel);
    if (panelChanged && isVisible()) {
        QWidget *focus = panel == ConfirmPanel   ? static_cast<QWidget *>(m_checkCode)
                         : panel == OutcomePanel ? static_cast<QWidget *>(m_newCode)
                                                 : nullptr;
        if (focus && focus->isVisible())
            focus->setFocus(Qt::OtherFocusReason);
    }
    // Tell assistive technology that the state changed, so the new text is announced.
    QAccessibleEvent changed(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
}

} // namespace moim::ui
