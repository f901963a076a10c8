#include "push_page.h"

#include "common/accessible_fields.h"
#include "common/date_text.h"
#include "common/error_text.h"
#include "common/korean_particles.h"
#include "common/notice.h"

#include <QAccessible>
#include <QEvent>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

enum Panel
{
    EntryPanel,
    WaitingPanel,
    OutcomePanel
};

constexpr int PanelHeight = 330;
constexpr int StepCount = 3;

} // namespace

PushPage::PushPage(PushLogin *login, QWidget *parent)
    : QWidget(parent)
    , m_login(login)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_panels(new QStackedWidget(this))
    , m_idLabel(new QLabel(this))
    , m_id(new QLineEdit(this))
    , m_error(new Notice(Notice::Kind::Error, this))
    , m_send(new QPushButton(this))
    , m_hint(new QLabel(this))
    , m_confirmTitle(new QLabel(this))
    , m_checkCode(new QLabel(this))
    , m_confirmHint(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_cancel(new QPushButton(this))
    , m_outcomeIcon(new QLabel(this))
    , m_outcomeTitle(new QLabel(this))
    , m_outcomeBody(new QLabel(this))
    , m_retry(new QPushButton(this))
    , m_changeId(new QPushButton(this))
    , m_back(new QPushButton(this))
{
    setRole(m_title, "title");
    setRole(m_subtitle, "subtitle");
    setRole(m_idLabel, "fieldLabel");
    setRole(m_send, "primary");
    setRole(m_hint, "caption");
    setRole(m_confirmTitle, "heading");
    setRole(m_checkCode, "checkCode");
    setRole(m_confirmHint, "muted");
    setRole(m_countdown, "caption");
    setRole(m_cancel, "secondary");
    setRole(m_outcomeTitle, "heading");
    setRole(m_outcomeBody, "muted");
    setRole(m_retry, "primary");
    setRole(m_changeId, "link");
    setRole(m_back, "link");
    for (QLabel *label : {m_title, m_subtitle, m_hint, m_confirmTitle, m_confirmHint, m_countdown,
                          m_outcomeTitle, m_outcomeBody}) {
        label->setWordWrap(true);
        // Some of them name the id the user typed: never rich text.
        label->setTextFormat(Qt::PlainText);
    }
    for (QLabel *label : {m_title, m_subtitle, m_confirmTitle, m_confirmHint, m_countdown,
                          m_outcomeTitle, m_outcomeBody})
        label->setAlignment(Qt::AlignCenter);
    m_checkCode->setTextFormat(Qt::PlainText);
    m_checkCode->setAlignment(Qt::AlignCenter);
    // Reachable by keyboard so a screen reader can land on the number and read it.
    m_checkCode->setFocusPolicy(Qt::StrongFocus);
    m_idLabel->setBuddy(m_id);
    m_id->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_id->setClearButtonEnabled(true);
    m_id->setMaxLength(100);
    m_send->setDefault(true);
    m_error->hide();
    for (QPushButton *button : {m_send, m_cancel, m_retry, m_changeId, m_back})
        button->setCursor(Qt::PointingHandCursor);

    // Entering the id.
    auto *entry = new QWidget(this);
    auto *entryLayout = new QVBoxLayout(entry);
    entryLayout->setContentsMargins(0, 0, 0, 0);
    entryLayout->setSpacing(0);
    entryLayout->addSpacing(8);
    entryLayout->addWidget(m_idLabel);
    entryLayout->addSpacing(6);
    entryLayout->addWidget(m_id);
    entryLayout->addSpacing(16);
    entryLayout->addWidget(m_error);
    entryLayout->addSpacing(16);
    entryLayout->addWidget(m_send);
    entryLayout->addSpacing(20);
    // What happens next, in short numbered steps like the QR page.
    auto *steps = new QGridLayout;
    steps->setContentsMargins(0, 0, 0, 0);
    steps->setHorizontalSpacing(10);
    steps->setVerticalSpacing(8);
    for (int i = 0; i < StepCount; ++i) {
        auto *number = new QLabel(QString::number(i + 1), entry);
        setRole(number, "stepNumber");
        number->setFixedSize(22, 22);
        number->setAlignment(Qt::AlignCenter);
        number->setAccessibleName(QString::number(i + 1));
        auto *text = new QLabel(entry);
        setRole(text, "step");
        text->setWordWrap(true);
        text->setTextFormat(Qt::PlainText);
        steps->addWidget(number, i, 0, Qt::AlignTop);
        steps->addWidget(text, i, 1);
        m_stepLabels.append(text);
    }
    steps->setColumnStretch(1, 1);
    entryLayout->addLayout(steps);
    entryLayout->addSpacing(16);
    entryLayout->addWidget(m_hint);
    entryLayout->addStretch(1);
    m_panels->addWidget(entry);

    // Waiting: the number, big, in the middle of a calm panel.
    auto *waiting = new QWidget(this);
    auto *numberPanel = new QFrame(waiting);
    setRole(numberPanel, "qrPanel");
    auto *numberLayout = new QVBoxLayout(numberPanel);
    numberLayout->setContentsMargins(20, 22, 20, 22);
    numberLayout->addWidget(m_confirmTitle);
    numberLayout->addSpacing(4);
    numberLayout->addWidget(m_checkCode);
    numberLayout->addSpacing(4);
    numberLayout->addWidget(m_confirmHint);
    auto *waitingLayout = new QVBoxLayout(waiting);
    waitingLayout->setContentsMargins(0, 0, 0, 0);
    waitingLayout->setSpacing(0);
    waitingLayout->addWidget(numberPanel);
    waitingLayout->addSpacing(12);
    waitingLayout->addWidget(m_countdown);
    waitingLayout->addSpacing(16);
    waitingLayout->addWidget(m_cancel, 0, Qt::AlignHCenter);
    waitingLayout->addStretch(1);
    m_panels->addWidget(waiting);

    // The outcome.
    auto *outcome = new QFrame(this);
    setRole(outcome, "qrPanel");
    auto *outcomeLayout = new QVBoxLayout(outcome);
    outcomeLayout->setContentsMargins(24, 24, 24, 24);
    outcomeLayout->addStretch(1);
    outcomeLayout->addWidget(m_outcomeIcon, 0, Qt::AlignHCenter);
    outcomeLayout->addSpacing(10);
    outcomeLayout->addWidget(m_outcomeTitle);
    outcomeLayout->addSpacing(6);
    outcomeLayout->addWidget(m_outcomeBody);
    outcomeLayout->addSpacing(16);
    outcomeLayout->addWidget(m_retry);
    outcomeLayout->addSpacing(4);
    outcomeLayout->addWidget(m_changeId, 0, Qt::AlignHCenter);
    outcomeLayout->addStretch(1);
    auto *outcomeHolder = new QWidget(this);
    auto *holderLayout = new QVBoxLayout(outcomeHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(outcome);
    holderLayout->addStretch(1);
    m_panels->addWidget(outcomeHolder);
    // The panels share one height so that nothing below jumps between states.
    m_panels->setFixedHeight(PanelHeight);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addWidget(m_subtitle);
    layout->addSpacing(20);
    layout->addWidget(m_panels);
    layout->addStretch(1);
    layout->addWidget(m_back, 0, Qt::AlignHCenter);

    setTabOrder(m_id, m_send);
    setTabOrder(m_send, m_back);

    connect(m_send, &QPushButton::clicked, this, &PushPage::submit);
    connect(m_id, &QLineEdit::returnPressed, this, &PushPage::submit);
    connect(m_retry, &QPushButton::clicked, this, &PushPage::submit);
    connect(m_cancel, &QPushButton::clicked, this, &PushPage::cancelRequested);
    connect(m_changeId, &QPushButton::clicked, this, [this] {
        Q_EMIT cancelRequested();
        focusField();
    });
    connect(m_back, &QPushButton::clicked, this, &PushPage::backRequested);
    // Escape finds it by this name: it goes back the way the button does.
    m_back->setObjectName(QStringLiteral("backButton"));
    connect(m_id, &QLineEdit::textEdited, this, [this] { m_error->hide(); });
    connect(m_login, &PushLogin::stateChanged, this, &PushPage::render);
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &PushPage::updateCountdown);

    retranslate();
}

void PushPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PushPage::retranslate()
{
    makeFieldButtonsAccessible(m_id, tr("Clear"));
    m_title->setText(tr("Sign in with personal account"));
    m_subtitle->setText(tr("No password on this computer: approve the sign-in on the phone "
                           "signed in to your linked personal account."));
    m_idLabel->setText(tr("Personal account ID"));
    m_id->setAccessibleName(m_idLabel->text());
    m_id->setPlaceholderText(tr("name@personal.example"));
    m_send->setText(tr("Send request to my phone"));
    m_send->setAccessibleName(m_send->text());
    const QStringList steps{
        tr("Send the request: it goes to the phone signed in to that personal account."),
        tr("On the phone, check which computer is asking and from where."),
        tr("Enter on the phone the number this page shows."),
    };
    for (int i = 0; i < StepCount; ++i) {
        m_stepLabels.at(i)->setText(steps.at(i));
        m_stepLabels.at(i)->setAccessibleName(tr("Step %1: %2").arg(i + 1).arg(steps.at(i)));
    }
    m_hint->setText(tr("Not linked yet? Sign in with your work email once, then link your "
                       "personal account under My account."));
    m_confirmTitle->setText(tr("Enter this number on your phone"));
    m_cancel->setText(tr("Cancel request"));
    m_cancel->setAccessibleName(m_cancel->text());
    m_retry->setText(tr("Send a new request"));
    m_retry->setAccessibleName(m_retry->text());
    m_changeId->setText(tr("Use a different personal account"));
    m_changeId->setAccessibleName(m_changeId->text());
    m_back->setText(tr("Sign in with email instead"));
    m_back->setAccessibleName(m_back->text());
    m_panels->setAccessibleName(tr("Sign-in request"));
    setAccessibleName(m_title->text());
    render();
}

void PushPage::focusField()
{
    m_id->setFocus(Qt::OtherFocusReason);
    m_id->selectAll();
}

void PushPage::submit()
{
    if (m_login->state() == PushLogin::State::Connecting ||
        m_login->state() == PushLogin::State::WaitingForPhone)
        return;
    Q_EMIT requested(m_id->text().trimmed());
}

QString PushPage::statusText() const
{
    switch (m_panels->currentIndex()) {
    case WaitingPanel:
        return m_checkCode->accessibleName() + u'\n' + m_countdown->text();
    case OutcomePanel:
        return m_outcomeTitle->text() + u'\n' + m_outcomeBody->text();
    default:
        return m_error->isHidden() ? QString() : m_error->message();
    }
}

void PushPage::updateCountdown()
{
    if (m_login->state() != PushLogin::State::WaitingForPhone) {
        m_countdownTimer.stop();
        return;
    }
    const int seconds = (m_login->msUntilExpiry() + 999) / 1000;
    m_countdown->setText(tr("The request expires in %n second(s).", nullptr, seconds));
}

void PushPage::render()
{
    using State = PushLogin::State;
    const State state = m_login->state();
    const ApiError error = m_login->error();
    const QString account = m_login->personalAccount();
    int panel = EntryPanel;
    QString title;
    QString body;
    QString icon = u":/moim/icons/alert.svg"_s;
    bool offerRetry = true;
    m_send->setEnabled(true);
    m_id->setReadOnly(false);
    m_send->setText(tr("Send request to my phone"));
    m_countdownTimer.stop();

    switch (state) {
    case State::Idle:
        m_error->hide();
        break;
    case State::Connecting:
        m_send->setEnabled(false);
        m_id->setReadOnly(true);
        m_send->setText(tr("Sending…"));
        break;
    case State::WaitingForPhone:
    case State::SigningIn:
    case State::NeedsSecondFactor:
    case State::VerifyingCode:
    case State::SignedIn: {
        panel = WaitingPanel;
        const QString digits = m_login->checkCode();
        m_checkCode->setText(digits);
        // Spelled digit by digit so a screen reader says "4 2", not "forty-two" in a guessed
        // language.
        QStringList spelled;
        for (const QChar digit : digits)
            spelled.append(QString(digit));
        m_checkCode->setAccessibleName(tr("Enter on your phone: %1").arg(spelled.join(u' ')));
        m_checkCode->setAccessibleDescription(withKoreanParticles(
            tr("On the phone signed in to %1, open the sign-in request and enter %2.")
                .arg(account, digits)));
        m_confirmHint->setText(
            tr("On the phone signed in to %1, open the sign-in request from this computer and "
               "enter this number.")
                .arg(account));
        if (state == State::WaitingForPhone) {
            updateCountdown();
            m_countdownTimer.start();
            m_cancel->show();
        } else {
            m_countdown->setText(tr("Approved. Signing in…"));
            m_cancel->hide();
        }
        break;
    }
    case State::Denied:
        panel = OutcomePanel;
        icon = u":/moim/icons/shield-off.svg"_s;
        switch (m_login->endReason()) {
        case PushLogin::EndReason::WrongCode:
            title = tr("The numbers didn't match");
            body = tr("The phone entered a different number, so this request was stopped.");
            break;
        case PushLogin::EndReason::Reported:
            title = tr("Denied and reported");
            body = tr("The request was reported on the phone as not made by its owner, so "
                      "requests to this personal account are paused for a while. Sign in with "
                      "email and password instead.");
            offerRetry = false;
            break;
        case PushLogin::EndReason::Refused:
            title = tr("Sign-in not allowed");
            body = tr("The server did not accept this approval: the personal account may no "
                      "longer be linked, or your work account may be inactive.");
            break;
        default:
            title = tr("Sign-in denied");
            body = tr("The request was denied on the phone.");
            break;
        }
        break;
    case State::Expired:
        panel = OutcomePanel;
        title = tr("The request expired");
        body = tr("A request waits 60 seconds. If nothing appeared on your phone, check the ID "
                  "and that the personal account is linked to your work account.");
        break;
    case State::Offline:
        panel = OutcomePanel;
        icon = u":/moim/icons/cloud-off.svg"_s;
        title = tr("You're offline");
        body = tr("Moim can't reach the server. Check your connection.");
        break;
    case State::Failed:
        if (error.code == ApiError::Code::InvalidInput) {
            m_error->setMessage(tr("Enter your personal account ID: at least 3 characters, "
                                   "without spaces."));
            m_error->show();
            break;
        }
        panel = OutcomePanel;
        switch (error.code) {
        case ApiError::Code::TooManyPending:
            title = tr("Requests are already waiting");
            body = tr("Three requests already wait on your phone. Approve or deny them there, or "
                      "try again in %1.")
                       .arg(DateText::waitLength(error.retryAfterSeconds));
            break;
        case ApiError::Code::PushBlocked:
            icon = u":/moim/icons/shield-off.svg"_s;
            title = tr("Push sign-in is paused");
            body = tr("A request to this personal account was reported as not made by its "
                      "owner. Requests are paused for %n more minute(s); sign in with email and "
                      "password meanwhile.",
                      nullptr, std::max(1, (error.retryAfterSeconds + 59) / 60));
            offerRetry = false;
            break;
        case ApiError::Code::TooManyAttempts:
            title = tr("Too many attempts");
            body = tr("Try again in %1.").arg(DateText::waitLength(error.retryAfterSeconds));
            break;
        case ApiError::Code::ChallengeEnded:
            title = tr("2-step verification ended");
            body = tr("Too many wrong codes or a long wait. Send a new request to start over.");
            break;
        case ApiError::Code::UpdateRequired:
            title = tr("Update required");
            body = tr("This version of Moim is no longer supported by the server.");
            offerRetry = false;
            break;
        default:
            title = tr("Sign-in failed");
            body = ErrorText::forServerAnswer(error);
            if (body.isEmpty())
                body = tr("Something went wrong (%1). Try again.").arg(errorName(error.code));
            break;
        }
        break;
    }
    m_outcomeTitle->setText(title);
    m_outcomeBody->setText(body);
    m_outcomeIcon->setPixmap(QIcon(icon).pixmap(QSize(40, 40), devicePixelRatioF()));
    m_outcomeIcon->setAccessibleName(title);
    m_retry->setVisible(offerRetry);
    if (panel != EntryPanel && state != State::Failed)
        m_error->hide();
    const bool panelChanged = m_panels->currentIndex() != panel;
    m_panels->setCurrentIndex(panel);
    if (panelChanged && isVisible()) {
        QWidget *focus = panel == WaitingPanel   ? static_cast<QWidget *>(m_checkCode)
                         : panel == OutcomePanel ? (offerRetry ? static_cast<QWidget *>(m_retry)
                                                               : static_cast<QWidget *>(m_back))
                                                 : static_cast<QWidget *>(m_id);
        focus->setFocus(Qt::OtherFocusReason);
    }
    // Tell assistive technology that the state changed, so the new text is announced.
    QAccessibleEvent changed(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
}

} // namespace moim::ui
