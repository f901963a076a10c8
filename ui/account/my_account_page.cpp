#include "my_account_page.h"

#include "account/account.h"
#include "account/personal_link.h"
#include "common/accessible_fields.h"
#include "common/code_field.h"
#include "common/date_text.h"
#include "common/error_text.h"
#include "common/notice.h"
#include "common/password_reveal.h"
#include "common/plain_text.h"
#include "login/new_password_fields.h"
#include "protocol/password_policy.h"
#include "qr_image.h"

#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int SessionIdRole = Qt::UserRole + 1;

CodeField *codeField(QWidget *parent)
{
    auto *field = new CodeField(parent);
    field->setMaxLength(24); // a recovery code is accepted too where it says so
    field->setInputMethodHints(Qt::ImhNoPredictiveText);
    return field;
}

} // namespace

MyAccountPage::MyAccountPage(Account *account, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_tabs(new QTabWidget(this))
    , m_preferences(new QPushButton(this))
    , m_logout(new QPushButton(this))
    , m_logoutWipe(new QPushButton(this))
{
    setObjectName(u"MyAccountPage"_s);
    setAttribute(Qt::WA_StyledBackground);
    resize(620, 640);
    m_tabs->addTab(buildTwoStepTab(), QString());
    m_tabs->addTab(buildPasswordTab(), QString());
    m_tabs->addTab(buildSessionsTab(), QString());
    m_tabs->addTab(buildPersonalTab(), QString());
    setRole(m_preferences, "secondary");
    setRole(m_logout, "secondary");
    setRole(m_logoutWipe, "link");
    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_preferences);
    actions->addStretch(1);
    actions->addWidget(m_logoutWipe);
    actions->addWidget(m_logout);
    connect(m_preferences, &QPushButton::clicked, this, &MyAccountPage::preferencesRequested);
    connect(m_logout, &QPushButton::clicked, this, [this] { Q_EMIT logoutRequested(false); });
    connect(m_logoutWipe, &QPushButton::clicked, this, [this] { Q_EMIT logoutRequested(true); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(m_tabs);
    layout->addSpacing(8);
    layout->addLayout(actions);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // Qt tells screen readers a list's rows are showing as long as they are inside the
        // list's frame, even on a hidden tab: the devices are listed only while their tab is
        // open, and fetched afresh each time it opens.
        if (index != 2)
            m_sessions->clear();
        if (index == 2 && m_account) {
            m_account->security()->fetchSessions(
                this, [this](const auto &sessions, const ApiError &error) {
                    if (error.isError())
                        return showError(m_sessionsNotice, error);
                    showSessions(sessions);
                });
        }
    });
    retranslate();
    refresh();
}

QWidget *MyAccountPage::buildTwoStepTab()
{
    auto *tab = new QWidget(this);
    m_twoStepPages = new QStackedWidget(tab);
    auto *tabLayout = new QVBoxLayout(tab);
    tabLayout->setContentsMargins(20, 20, 20, 20);
    tabLayout->addWidget(m_twoStepPages);

    // Overview: the state, a nudge when off, and what can be done.
    auto *overview = new QWidget(m_twoStepPages);
    m_twoStepTitle = new QLabel(overview);
    m_twoStepState = new QLabel(overview);
    m_nudge = new Notice(Notice::Kind::Info, overview);
    m_twoStepNotice = new Notice(Notice::Kind::Error, overview);
    m_enable = new QPushButton(overview);
    m_currentCodeLabel = new QLabel(overview);
    m_currentCode = codeField(overview);
    m_regenerate = new QPushButton(overview);
    m_disable = new QPushButton(overview);
    setRole(m_twoStepTitle, "heading");
    setRole(m_twoStepState, "muted");
    setRole(m_enable, "primary");
    setRole(m_currentCodeLabel, "fieldLabel");
    setRole(m_regenerate, "secondary");
    setRole(m_disable, "secondary");
    m_twoStepState->setWordWrap(true);
    m_currentCodeLabel->setBuddy(m_currentCode);
    m_twoStepNotice->hide();
    auto *codeButtons = new QHBoxLayout;
    codeButtons->addWidget(m_regenerate);
    codeButtons->addWidget(m_disable);
    codeButtons->addStretch(1);
    auto *overviewLayout = new QVBoxLayout(overview);
    overviewLayout->setContentsMargins(0, 0, 0, 0);
    overviewLayout->setSpacing(8);
    overviewLayout->addWidget(m_twoStepTitle);
    overviewLayout->addWidget(m_twoStepState);
    overviewLayout->addSpacing(8);
    overviewLayout->addWidget(m_nudge);
    overviewLayout->addWidget(m_enable, 0, Qt::AlignLeft);
    overviewLayout->addWidget(m_currentCodeLabel);
    overviewLayout->addWidget(m_currentCode);
    overviewLayout->addLayout(codeButtons);
    overviewLayout->addWidget(m_twoStepNotice);
    overviewLayout->addStretch(1);
    m_twoStepPages->addWidget(overview);

    // Setup: the QR code, the secret as text, and a code to prove the app has it.
    auto *setup = new QWidget(m_twoStepPages);
    m_setupTitle = new QLabel(setup);
    m_setupSteps = new QLabel(setup);
    m_qrLabel = new QLabel(setup);
    m_secretCaption = new QLabel(setup);
    m_secretText = new QLabel(setup);
    m_setupCodeLabel = new QLabel(setup);
    m_setupCode = new CodeField(setup);
    m_confirm = new QPushButton(setup);
    m_cancelSetup = new QPushButton(setup);
    m_setupNotice = new Notice(Notice::Kind::Error, setup);
    m_setupNotice->hide();
    m_copyKey = new QPushButton(setup);
    m_copySetupLink = new QPushButton(setup);
    setRole(m_copyKey, "secondary");
    setRole(m_copySetupLink, "link");
    setRole(m_setupTitle, "heading");
    setRole(m_setupSteps, "muted");
    setRole(m_qrLabel, "qr");
    setRole(m_secretCaption, "caption");
    setRole(m_secretText, "secret");
    setRole(m_setupCodeLabel, "fieldLabel");
    setRole(m_setupCode, "code");
    setRole(m_confirm, "primary");
    setRole(m_cancelSetup, "link");
    m_setupSteps->setWordWrap(true);
    m_qrLabel->setAlignment(Qt::AlignCenter);
    m_qrLabel->setFixedSize(232, 232);
    m_secretText->setTextFormat(Qt::PlainText);
    m_secretText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_secretText->setWordWrap(true);
    m_setupCodeLabel->setBuddy(m_setupCode);
    m_setupCode->setMaxLength(7);
    auto *secretColumn = new QVBoxLayout;
    secretColumn->setSpacing(6);
    secretColumn->addWidget(m_setupSteps);
    secretColumn->addSpacing(8);
    secretColumn->addWidget(m_secretCaption);
    secretColumn->addWidget(m_secretText);
    // The key and the otpauth link as text to copy: the QR is an image that a screen reader
    // cannot pass on, and a password manager takes the link whole.
    auto *copyRow = new QHBoxLayout;
    copyRow->setSpacing(12);
    copyRow->addWidget(m_copyKey);
    copyRow->addWidget(m_copySetupLink);
    copyRow->addStretch(1);
    secretColumn->addLayout(copyRow);
    secretColumn->addStretch(1);
    auto *qrRow = new QHBoxLayout;
    qrRow->setSpacing(20);
    qrRow->addWidget(m_qrLabel, 0, Qt::AlignTop);
    qrRow->addLayout(secretColumn, 1);
    auto *setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->setSpacing(8);
    setupLayout->addWidget(m_setupTitle);
    setupLayout->addSpacing(4);
    setupLayout->addLayout(qrRow);
    setupLayout->addSpacing(8);
    setupLayout->addWidget(m_setupCodeLabel);
    setupLayout->addWidget(m_setupCode);
    setupLayout->addWidget(m_setupNotice);
    auto *confirmRow = new QHBoxLayout;
    confirmRow->addWidget(m_confirm);
    confirmRow->addWidget(m_cancelSetup);
    confirmRow->addStretch(1);
    setupLayout->addLayout(confirmRow);
    setupLayout->addStretch(1);
    m_twoStepPages->addWidget(setup);

    // Recovery codes, shown once.
    auto *codes = new QWidget(m_twoStepPages);
    m_codesTitle = new QLabel(codes);
    m_codesHint = new QLabel(codes);
    m_codesView = new QPlainTextEdit(codes);
    m_copyCodes = new QPushButton(codes);
    m_saveCodes = new QPushButton(codes);
    m_done = new QPushButton(codes);
    setRole(m_codesTitle, "heading");
    setRole(m_codesHint, "muted");
    setRole(m_codesView, "codes");
    setRole(m_copyCodes, "secondary");
    setRole(m_saveCodes, "secondary");
    setRole(m_done, "primary");
    m_codesHint->setWordWrap(true);
    m_codesView->setReadOnly(true);
    m_codesView->setFixedHeight(236);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_copyCodes);
    codeRow->addWidget(m_saveCodes);
    codeRow->addStretch(1);
    codeRow->addWidget(m_done);
    auto *codesLayout = new QVBoxLayout(codes);
    codesLayout->setContentsMargins(0, 0, 0, 0);
    codesLayout->setSpacing(8);
    codesLayout->addWidget(m_codesTitle);
    codesLayout->addWidget(m_codesHint);
    codesLayout->addWidget(m_codesView);
    codesLayout->addLayout(codeRow);
    codesLayout->addStretch(1);
    m_twoStepPages->addWidget(codes);

    connect(m_enable, &QPushButton::clicked, this, &MyAccountPage::startTwoStepSetup);
    connect(m_confirm, &QPushButton::clicked, this, &MyAccountPage::confirmSetup);
    connect(m_setupCode, &QLineEdit::returnPressed, this, &MyAccountPage::confirmSetup);
    connect(m_copyKey, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_setup.secret); });
    connect(m_copySetupLink, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_setup.uri); });
    // Six digits typed or pasted confirm by themselves, like the sign-in code field.
    connect(m_setupCode, &CodeField::completed, this, &MyAccountPage::confirmSetup);
    connect(m_cancelSetup, &QPushButton::clicked, this,
            [this] { m_twoStepPages->setCurrentIndex(int(TwoStepView::Overview)); });
    connect(m_disable, &QPushButton::clicked, this, &MyAccountPage::disableTwoStep);
    connect(m_regenerate, &QPushButton::clicked, this, &MyAccountPage::regenerateCodes);
    connect(m_copyCodes, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_recoveryCodes.join(u'\n'));
        m_copyCodes->setText(tr("Copied"));
    });
    connect(m_saveCodes, &QPushButton::clicked, this, &MyAccountPage::saveRecoveryCodes);
    connect(m_done, &QPushButton::clicked, this, [this] {
        // Shown once: nothing keeps them after this.
        m_recoveryCodes.clear();
        m_codesView->clear();
        m_twoStepPages->setCurrentIndex(int(TwoStepView::Overview));
        refresh();
    });
    return tab;
}

QWidget *MyAccountPage::buildPasswordTab()
{
    auto *tab = new QWidget(this);
    m_passwordTitle = new QLabel(tab);
    m_passwordHint = new QLabel(tab);
    m_currentPasswordLabel = new QLabel(tab);
    m_currentPassword = new QLineEdit(tab);
    m_newPassword = new NewPasswordFields(tab);
    m_passwordCodeLabel = new QLabel(tab);
    m_passwordCode = codeField(tab);
    m_passwordNotice = new Notice(Notice::Kind::Error, tab);
    m_changePassword = new QPushButton(tab);
    setRole(m_passwordTitle, "heading");
    setRole(m_passwordHint, "muted");
    for (QLabel *label : {m_currentPasswordLabel, m_passwordCodeLabel})
        setRole(label, "fieldLabel");
    setRole(m_changePassword, "primary");
    m_passwordHint->setWordWrap(true);
    m_currentPassword->setEchoMode(QLineEdit::Password);
    new PasswordReveal(m_currentPassword);
    m_currentPasswordLabel->setBuddy(m_currentPassword);
    m_passwordCodeLabel->setBuddy(m_passwordCode);
    m_passwordNotice->hide();
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(8);
    layout->addWidget(m_passwordTitle);
    layout->addWidget(m_passwordHint);
    layout->addSpacing(8);
    layout->addWidget(m_currentPasswordLabel);
    layout->addWidget(m_currentPassword);
    layout->addSpacing(6);
    layout->addWidget(m_newPassword);
    layout->addSpacing(6);
    layout->addWidget(m_passwordCodeLabel);
    layout->addWidget(m_passwordCode);
    layout->addSpacing(8);
    layout->addWidget(m_passwordNotice);
    layout->addWidget(m_changePassword, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_changePassword, &QPushButton::clicked, this, &MyAccountPage::changePassword);
    if (m_account) {
        // The strength meter judges with the words an attacker would try first for this user.
        QStringList workspaceNames;
        for (const Workspace &workspace : m_account->workspaces()->workspaces())
            workspaceNames << workspace.name << workspace.nameEn;
        m_newPassword->setUserWords(protocol::PasswordPolicy::userWords(
            m_account->identity().email, m_account->identity().displayName, workspaceNames));
    }
    connect(m_currentPassword, &QLineEdit::returnPressed, m_newPassword->passwordField(),
            qOverload<>(&QWidget::setFocus));
    connect(m_newPassword, &NewPasswordFields::submitted, this, [this] {
        if (m_passwordCode->isVisible())
            m_passwordCode->setFocus(Qt::OtherFocusReason);
        else
            changePassword();
    });
    connect(m_passwordCode, &QLineEdit::returnPressed, this, &MyAccountPage::changePassword);
    return tab;
}

QWidget *MyAccountPage::buildSessionsTab()
{
    auto *tab = new QWidget(this);
    m_sessionsTitle = new QLabel(tab);
    m_sessionsHint = new QLabel(tab);
    m_sessions = new QListWidget(tab);
    m_sessionsNotice = new Notice(Notice::Kind::Error, tab);
    m_signOutSelected = new QPushButton(tab);
    m_signOutOthers = new QPushButton(tab);
    setRole(m_sessionsTitle, "heading");
    setRole(m_sessionsHint, "muted");
    setRole(m_signOutSelected, "secondary");
    setRole(m_signOutOthers, "secondary");
    m_sessionsHint->setWordWrap(true);
    m_sessions->setSpacing(2);
    m_sessionsNotice->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signOutSelected);
    buttons->addWidget(m_signOutOthers);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(8);
    layout->addWidget(m_sessionsTitle);
    layout->addWidget(m_sessionsHint);
    layout->addWidget(m_sessions, 1);
    layout->addWidget(m_sessionsNotice);
    layout->addLayout(buttons);
    connect(m_signOutSelected, &QPushButton::clicked, this, &MyAccountPage::signOutSelected);
    connect(m_signOutOthers, &QPushButton::clicked, this, &MyAccountPage::signOutOthers);
    connect(m_sessions, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_signOutSelected->setEnabled(item && !item->data(SessionIdRole).toString().isEmpty());
    });
    m_signOutSelected->setEnabled(false);
    return tab;
}

QWidget *MyAccountPage::buildPersonalTab()
{
    auto *tab = new QWidget(this);
    m_personalTitle = new QLabel(tab);
    m_personalIntro = new QLabel(tab);
    m_personalPages = new QStackedWidget(tab);
    m_personalNotice = new Notice(Notice::Kind::Error, tab);
    setRole(m_personalTitle, "heading");
    setRole(m_personalIntro, "muted");
    m_personalIntro->setWordWrap(true);
    m_personalNotice->hide();

    // Not linked: name the personal account.
    auto *entry = new QWidget(m_personalPages);
    m_personalIdLabel = new QLabel(entry);
    m_personalId = new QLineEdit(entry);
    m_link = new QPushButton(entry);
    setRole(m_personalIdLabel, "fieldLabel");
    setRole(m_link, "primary");
    m_personalIdLabel->setBuddy(m_personalId);
    m_personalId->setMaxLength(100);
    m_personalId->setClearButtonEnabled(true);
    m_personalId->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    auto *entryLayout = new QVBoxLayout(entry);
    entryLayout->setContentsMargins(0, 0, 0, 0);
    entryLayout->setSpacing(8);
    entryLayout->addWidget(m_personalIdLabel);
    entryLayout->addWidget(m_personalId);
    entryLayout->addWidget(m_link, 0, Qt::AlignLeft);
    entryLayout->addStretch(1);
    m_personalPages->addWidget(entry);

    // Waiting for the phone: the number, large and centred.
    auto *waiting = new QWidget(m_personalPages);
    auto *panel = new QFrame(waiting);
    setRole(panel, "qrPanel");
    m_linkWaitTitle = new QLabel(panel);
    m_linkCode = new QLabel(panel);
    m_linkHint = new QLabel(panel);
    m_linkCountdown = new QLabel(waiting);
    m_cancelLink = new QPushButton(waiting);
    setRole(m_linkWaitTitle, "heading");
    setRole(m_linkCode, "checkCode");
    setRole(m_linkHint, "muted");
    setRole(m_linkCountdown, "caption");
    setRole(m_cancelLink, "secondary");
    for (QLabel *label : {m_linkWaitTitle, m_linkCode, m_linkHint, m_linkCountdown}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText); // the hint names the id the user typed
    }
    m_linkCode->setFocusPolicy(Qt::StrongFocus);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(20, 20, 20, 20);
    panelLayout->addWidget(m_linkWaitTitle);
    panelLayout->addWidget(m_linkCode);
    panelLayout->addWidget(m_linkHint);
    auto *waitingLayout = new QVBoxLayout(waiting);
    waitingLayout->setContentsMargins(0, 0, 0, 0);
    waitingLayout->setSpacing(8);
    waitingLayout->addWidget(panel);
    waitingLayout->addWidget(m_linkCountdown);
    waitingLayout->addWidget(m_cancelLink, 0, Qt::AlignHCenter);
    waitingLayout->addStretch(1);
    m_personalPages->addWidget(waiting);

    // Linked: which account, since when, and the way out.
    auto *linked = new QWidget(m_personalPages);
    auto *card = new QFrame(linked);
    setRole(card, "qrPanel");
    auto *icon = new QLabel(card);
    icon->setPixmap(QIcon(u":/moim/icons/person.svg"_s).pixmap(QSize(32, 32), devicePixelRatioF()));
    m_linkedId = new QLabel(card);
    m_linkedMeta = new QLabel(card);
    m_unlink = new QPushButton(card);
    m_linkedState = new QLabel(linked);
    setRole(m_linkedId, "fieldLabel");
    setRole(m_linkedMeta, "caption");
    setRole(m_linkedState, "muted");
    setRole(m_unlink, "secondary");
    for (QLabel *label : {m_linkedId, m_linkedMeta, m_linkedState}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText); // names come from the server
    }
    auto *names = new QVBoxLayout;
    names->setSpacing(2);
    names->addWidget(m_linkedId);
    names->addWidget(m_linkedMeta);
    auto *cardLayout = new QHBoxLayout(card);
    cardLayout->setContentsMargins(16, 14, 16, 14);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(icon, 0, Qt::AlignVCenter);
    cardLayout->addLayout(names, 1);
    cardLayout->addWidget(m_unlink, 0, Qt::AlignVCenter);
    auto *linkedLayout = new QVBoxLayout(linked);
    linkedLayout->setContentsMargins(0, 0, 0, 0);
    linkedLayout->setSpacing(10);
    linkedLayout->addWidget(card);
    linkedLayout->addWidget(m_linkedState);
    linkedLayout->addStretch(1);
    m_personalPages->addWidget(linked);

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(8);
    layout->addWidget(m_personalTitle);
    layout->addWidget(m_personalIntro);
    layout->addSpacing(8);
    // How the last attempt went, right above what to do next.
    layout->addWidget(m_personalNotice);
    layout->addWidget(m_personalPages, 1);

    connect(m_link, &QPushButton::clicked, this, &MyAccountPage::linkPersonalAccount);
    connect(m_personalId, &QLineEdit::returnPressed, this, &MyAccountPage::linkPersonalAccount);
    m_linkCountdownTimer.setInterval(1000);
    connect(&m_linkCountdownTimer, &QTimer::timeout, this, &MyAccountPage::updateLinkCountdown);
    if (m_account) {
        PersonalLink *link = m_account->security()->personalLink();
        connect(m_cancelLink, &QPushButton::clicked, link, &PersonalLink::cancel);
        connect(m_unlink, &QPushButton::clicked, link, &PersonalLink::unlink);
        connect(link, &PersonalLink::stateChanged, this, &MyAccountPage::renderPersonalLink);
    }
    return tab;
}

void MyAccountPage::showPersonalAccount()
{
    m_tabs->setCurrentIndex(3);
    renderPersonalLink();
}

void MyAccountPage::linkPersonalAccount()
{
    if (!m_account)
        return;
    m_account->security()->personalLink()->start(m_personalId->text());
}

void MyAccountPage::updateLinkCountdown()
{
    PersonalLink *link = m_account ? m_account->security()->personalLink() : nullptr;
    if (!link || link->state() != PersonalLink::State::WaitingForPhone) {
        m_linkCountdownTimer.stop();
        return;
    }
    m_linkCountdown->setText(
        tr("The request expires in %n second(s).", nullptr, (link->msUntilExpiry() + 999) / 1000));
}

void MyAccountPage::renderPersonalLink()
{
    if (!m_account)
        return;
    using State = PersonalLink::State;
    using Outcome = PersonalLink::Outcome;
    const PersonalLink *link = m_account->security()->personalLink();
    const State state = link->state();
    enum
    {
        EntryPage,
        WaitingPage,
        LinkedPage
    };
    int page = EntryPage;
    m_link->setEnabled(state == State::NotLinked || state == State::Unknown);
    m_link->setText(state == State::Requesting ? tr("Sending…") : tr("Link"));
    m_personalId->setReadOnly(state == State::Requesting);
    m_unlink->setEnabled(state == State::Linked);
    m_unlink->setText(state == State::Unlinking ? tr("Unlinking…") : tr("Unlink"));
    m_linkCountdownTimer.stop();
    switch (state) {
    case State::Unknown:
    case State::Loading:
    case State::NotLinked:
    case State::Requesting:
        break;
    case State::WaitingForPhone: {
        page = WaitingPage;
        const QString digits = link->checkCode();
        m_linkCode->setText(digits);
        QStringList spelled;
        for (const QChar digit : digits)
            spelled.append(QString(digit));
        m_linkCode->setAccessibleName(tr("Enter on your phone: %1").arg(spelled.join(u' ')));
        m_linkHint->setText(tr("On the phone signed in to %1, open the link request and enter "
                               "this number. Only that approval makes the link.")
                                .arg(link->requestedId()));
        m_linkCode->setAccessibleDescription(m_linkHint->text());
        updateLinkCountdown();
        m_linkCountdownTimer.start();
        break;
    }
    case State::Linked:
    case State::Unlinking:
        page = LinkedPage;
        m_linkedId->setText(link->linkedId());
        m_linkedMeta->setText(
            tr("%1 · linked on %2")
                .arg(link->linkedName(),
                     DateText::date(QDateTime::fromSecsSinceEpoch(link->linkedAt()).date())));
        m_linkedState->setText(tr("To sign in, choose \"Personal account\" on the sign-in page "
                                  "and approve on the phone signed in to it: no password on the "
                                  "computer."));
        break;
    }
    const bool pageChanged = m_personalPages->currentIndex() != page;
    m_personalPages->setCurrentIndex(page);
    if (pageChanged && page == WaitingPage && m_tabs->currentIndex() == 3)
        m_linkCode->setFocus(Qt::OtherFocusReason);

    // How the last attempt went, while nothing new is under way.
    if (state == State::Requesting || state == State::WaitingForPhone || state == State::Loading ||
        state == State::Unlinking)
        return m_personalNotice->hide();
    switch (link->lastOutcome()) {
    case Outcome::None:
    case Outcome::Cancelled:
        m_personalNotice->hide();
        break;
    case Outcome::Linked:
        m_personalId->clear();
        showSuccess(m_personalNotice, tr("Linked. A confirmation mail went to your work address."));
        break;
    case Outcome::Unlinked:
        showSuccess(m_personalNotice, tr("Unlinked. The personal account can no longer sign you "
                                         "in; a mail went to your work address."));
        break;
    case Outcome::Denied:
        showMessage(m_personalNotice, tr("The link was denied on the phone."));
        break;
    case Outcome::Reported:
        showMessage(m_personalNotice,
                    tr("The request was reported on the phone as not made by its owner, so "
                       "requests to that personal account are paused for a while."));
        break;
    case Outcome::WrongCode:
        showMessage(m_personalNotice, tr("The numbers didn't match, so nothing was linked. Try "
                                         "again and enter the number shown here."));
        break;
    case Outcome::Expired:
        showMessage(m_personalNotice,
                    tr("The request expired after 60 seconds. If nothing appeared on the phone, "
                       "check the ID and that the phone is signed in to that personal account."));
        break;
    case Outcome::AlreadyLinked:
        showMessage(m_personalNotice, tr("That personal account is already linked to another "
                                         "work account. Unlink it there first."));
        break;
    case Outcome::Failed:
        showError(m_personalNotice, link->error());
        break;
    }
}

void MyAccountPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void MyAccountPage::nameSetupKey()
{
    // The key itself is in the name, grouped as shown: "Setup key: ABCD EFGH …".
    m_secretText->setAccessibleName(tr("Setup key: %1").arg(m_secretText->text()));
}

void MyAccountPage::retranslate()
{
    makeFieldButtonsAccessible(m_personalId, tr("Clear"));
    setWindowTitle(tr("My account"));
    m_preferences->setText(tr("Preferences…"));
    m_preferences->setAccessibleName(m_preferences->text());
    m_logout->setText(tr("Log out"));
    m_logout->setAccessibleName(m_logout->text());
    m_logoutWipe->setText(tr("Log out and delete local data"));
    m_logoutWipe->setAccessibleName(m_logoutWipe->text());
    // The tabs' own names are their titles; the set of them is the account's sections.
    m_tabs->setAccessibleName(tr("Account sections"));
    m_tabs->tabBar()->setAccessibleName(tr("Account sections"));
    m_tabs->setTabText(0, tr("2-step verification"));
    m_tabs->setTabText(1, tr("Password"));
    m_tabs->setTabText(2, tr("Devices"));
    m_tabs->setTabText(3, tr("Personal account"));
    m_twoStepTitle->setText(tr("2-step verification"));
    m_twoStepState->setText(
        m_status.twoStepEnabled
            ? tr("On. Signing in asks for a code from your authenticator app after your "
                 "password. %n recovery code(s) left.",
                 nullptr, m_status.recoveryCodesLeft)
            : tr("Off. Anyone who learns your password can sign in as you."));
    m_nudge->setMessage(
        m_status.twoStepRequired
            ? tr("A workspace you belong to requires 2-step verification. It stays locked until "
                 "you turn it on.")
            : tr("2-step verification is the surest shield for your account. Turning it on "
                 "takes a minute with an authenticator app such as the Moim phone app."));
    m_enable->setText(tr("Turn on 2-step verification"));
    m_enable->setAccessibleName(m_enable->text());
    m_currentCodeLabel->setText(tr("Current code from your authenticator"));
    m_currentCode->setAccessibleName(m_currentCodeLabel->text());
    m_currentCode->setPlaceholderText(u"123456"_s);
    m_regenerate->setText(tr("New recovery codes"));
    m_regenerate->setAccessibleName(m_regenerate->text());
    m_disable->setText(tr("Turn off"));
    m_disable->setAccessibleName(tr("Turn off 2-step verification"));

    m_setupTitle->setText(tr("Turn on 2-step verification"));
    m_setupSteps->setText(tr("1. Open your authenticator app (the Moim phone app works too).\n"
                             "2. Scan this QR code, or type the key below.\n"
                             "3. Enter the 6-digit code the app shows."));
    m_qrLabel->setAccessibleName(tr("QR code for your authenticator app"));
    m_secretCaption->setText(tr("Can't scan? Enter this key:"));
    nameSetupKey();
    m_copyKey->setText(tr("Copy key"));
    m_copyKey->setAccessibleName(tr("Copy the setup key"));
    m_copySetupLink->setText(tr("Copy setup link"));
    m_copySetupLink->setAccessibleName(tr("Copy the setup link (otpauth)"));
    m_copySetupLink->setToolTip(
        tr("For a password manager or an authenticator that takes a link instead of a QR code."));
    m_setupCodeLabel->setText(tr("Code from the app"));
    m_setupCode->setAccessibleName(m_setupCodeLabel->text());
    m_setupCode->setPlaceholderText(u"123456"_s);
    m_confirm->setText(tr("Confirm and turn on"));
    m_confirm->setAccessibleName(m_confirm->text());
    m_cancelSetup->setText(tr("Cancel"));
    m_cancelSetup->setAccessibleName(m_cancelSetup->text());

    m_codesTitle->setText(tr("Save your recovery codes"));
    m_codesHint->setText(tr("If you lose your phone, each of these codes signs you in once. "
                            "They are shown only now: copy or save them somewhere safe."));
    m_codesView->setAccessibleName(tr("Recovery codes"));
    m_copyCodes->setText(tr("Copy"));
    m_copyCodes->setAccessibleName(tr("Copy recovery codes"));
    m_saveCodes->setText(tr("Save…"));
    m_saveCodes->setAccessibleName(tr("Save recovery codes to a file"));
    m_done->setText(tr("I saved them"));
    m_done->setAccessibleName(m_done->text());

    m_passwordTitle->setText(tr("Change password"));
    m_passwordHint->setText(tr("Changing it signs you out on every other device."));
    m_currentPasswordLabel->setText(tr("Current password"));
    m_currentPassword->setAccessibleName(m_currentPasswordLabel->text());
    m_passwordCodeLabel->setText(tr("Code from your authenticator"));
    m_passwordCode->setAccessibleName(m_passwordCodeLabel->text());
    m_changePassword->setText(tr("Change password"));
    m_changePassword->setAccessibleName(m_changePassword->text());

    m_sessionsTitle->setText(tr("Signed-in devices"));
    m_sessionsHint->setText(
        tr("Sign out a device you don't recognise, then change your password."));
    m_sessions->setAccessibleName(tr("Signed-in devices"));
    m_signOutSelected->setText(tr("Sign out selected device"));
    m_signOutSelected->setAccessibleName(tr("Sign out the selected device"));
    m_signOutOthers->setText(tr("Sign out everywhere else"));
    m_signOutOthers->setAccessibleName(m_signOutOthers->text());

    m_personalTitle->setText(tr("Linked personal account"));
    m_personalIntro->setText(
        tr("Link your personal account to sign in by approving on your phone, with no password "
           "on the computer. It is only a way to sign in: your work data stays in the "
           "workspace. Every link and unlink is mailed to your work address."));
    m_personalIdLabel->setText(tr("Personal account ID"));
    m_personalId->setAccessibleName(m_personalIdLabel->text());
    m_personalId->setPlaceholderText(tr("name@personal.example"));
    m_link->setAccessibleName(tr("Link personal account"));
    m_linkWaitTitle->setText(tr("Enter this number on your phone"));
    m_cancelLink->setText(tr("Cancel"));
    m_cancelLink->setAccessibleName(tr("Cancel the link request"));
    m_unlink->setAccessibleName(tr("Unlink personal account"));
    renderPersonalLink();
}

void MyAccountPage::refresh()
{
    if (!m_account)
        return;
    m_account->security()->personalLink()->refresh();
    m_account->security()->fetchStatus(this, [this](const auto &status, const ApiError &error) {
        if (error.isError())
            return showError(m_twoStepNotice, error);
        showStatus(status);
    });
}

MyAccountPage::TwoStepView MyAccountPage::twoStepView() const
{
    return TwoStepView(m_twoStepPages->currentIndex());
}

void MyAccountPage::showStatus(const AccountSecurity::Status &status)
{
    m_status = status;
    const bool on = status.twoStepEnabled;
    m_nudge->setVisible(!on);
    m_enable->setVisible(!on);
    for (QWidget *widget :
         {static_cast<QWidget *>(m_currentCodeLabel), static_cast<QWidget *>(m_currentCode),
          static_cast<QWidget *>(m_regenerate), static_cast<QWidget *>(m_disable)})
        widget->setVisible(on);
    m_passwordCodeLabel->setVisible(on);
    m_passwordCode->setVisible(on);
    retranslate();
}

void MyAccountPage::startTwoStepSetup()
{
    m_tabs->setCurrentIndex(0);
    if (!m_account || m_settingUp)
        return;
    m_settingUp = true;
    m_twoStepNotice->hide();
    m_account->security()->beginSetup(this, [this](const auto &setup, const ApiError &error) {
        m_settingUp = false;
        if (error.isError())
            return showError(m_twoStepNotice, error);
        showSetup(setup);
    });
}

void MyAccountPage::showSetup(const AccountSecurity::Setup &setup)
{
    m_setup = setup;
    const qreal ratio = devicePixelRatioF();
    m_qr = QrImage::render(setup.uri, qMax(4, int(5 * ratio)));
    QPixmap pixmap = QPixmap::fromImage(
        m_qr.scaled(QSize(216, 216) * ratio, Qt::KeepAspectRatio, Qt::FastTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_qrLabel->setPixmap(pixmap);
    // Groups of four are easier to type into a phone.
    QStringList groups;
    for (qsizetype i = 0; i < setup.secret.size(); i += 4)
        groups.append(setup.secret.mid(i, 4));
    m_secretText->setText(groups.join(u' '));
    m_setupNotice->hide();
    nameSetupKey();
    m_setupCode->clear();
    m_twoStepPages->setCurrentIndex(int(TwoStepView::Setup));
    m_setupCode->setFocus(Qt::OtherFocusReason);
}

void MyAccountPage::confirmSetup()
{
    // The sixth digit and the button can both ask: one request at a time.
    if (!m_account || !m_confirm->isEnabled() || m_setupCode->text().trimmed().isEmpty())
        return;
    m_confirm->setEnabled(false);
    m_account->security()->enable(m_setupCode->text(), this,
                                  [this](const QStringList &codes, const ApiError &error) {
                                      m_confirm->setEnabled(true);
                                      if (error.isError()) {
                                          // The app has scanned this key: a typo must not throw it
                                          // away, or the next try would issue another and leave a
                                          // dead entry in the app. The server keeps the pending key
                                          // until the setup succeeds or is cancelled.
                                          showError(m_setupNotice, error);
                                          m_setupCode->clear();
                                          m_setupCode->setFocus(Qt::OtherFocusReason);
                                          return;
                                      }
                                      m_setupNotice->hide();
                                      showRecoveryCodes(codes);
                                  });
}

void MyAccountPage::showRecoveryCodes(const QStringList &codes)
{
    m_recoveryCodes = codes;
    m_codesView->setPlainText(codes.join(u'\n'));
    m_copyCodes->setText(tr("Copy"));
    m_twoStepPages->setCurrentIndex(int(TwoStepView::RecoveryCodes));
    m_done->setFocus(Qt::OtherFocusReason);
}

void MyAccountPage::disableTwoStep()
{
    if (!m_account)
        return;
    m_account->security()->disable(m_currentCode->text(), this, [this](const ApiError &error) {
        m_currentCode->clear();
        if (error.isError())
            return showError(m_twoStepNotice, error);
        showSuccess(m_twoStepNotice, tr("2-step verification is off."));
        refresh();
    });
}

void MyAccountPage::regenerateCodes()
{
    if (!m_account)
        return;
    m_account->security()->regenerateRecoveryCodes(
        m_currentCode->text(), this, [this](const QStringList &codes, const ApiError &error) {
            m_currentCode->clear();
            if (error.isError())
                return showError(m_twoStepNotice, error);
            m_twoStepNotice->hide();
            showRecoveryCodes(codes);
        });
}

void MyAccountPage::saveRecoveryCodes()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save recovery codes"), u"moim-recovery-codes.txt"_s, tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    // Owner-only: these codes sign in as the user.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
        return showError(m_twoStepNotice, ApiError::fromCode(ApiError::Code::InvalidInput));
    }
    file.write(
        (tr("Moim recovery codes for %1").arg(m_account ? m_account->identity().email : QString()) +
         u"\n\n"_s + m_recoveryCodes.join(u'\n') + u'\n')
            .toUtf8());
    file.commit();
}

void MyAccountPage::changePassword()
{
    if (!m_account || !m_changePassword->isEnabled())
        return;
    // Checked here first, with the reason the server would give, so nothing is sent in vain.
    QString problem;
    QLineEdit *culprit = nullptr;
    if (m_currentPassword->text().isEmpty()) {
        problem = tr("Enter your current password.");
        culprit = m_currentPassword;
    } else {
        problem = m_newPassword->problem();
        culprit = m_newPassword->problemField();
    }
    if (culprit) {
        showMessage(m_passwordNotice, problem);
        culprit->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_passwordNotice->hide();
    m_changePassword->setEnabled(false);
    m_account->security()->changePassword(
        m_currentPassword->text(), m_newPassword->password(), m_passwordCode->text(), this,
        [this](const ApiError &error) {
            m_changePassword->setEnabled(true);
            m_passwordCode->clear();
            if (error.isError())
                return showError(m_passwordNotice, error);
            m_currentPassword->clear();
            m_newPassword->clear();
            showSuccess(m_passwordNotice,
                        tr("Password changed. Every other device has been signed out."));
        });
}

void MyAccountPage::showSessions(const QList<AccountSecurity::DeviceSession> &sessions)
{
    m_sessions->clear();
    for (const auto &session : sessions) {
        // The name and the system are the device's own words; the kind is said in the UI's
        // language, so a phone reads as one in Korean too.
        QString device = session.deviceOs.isEmpty()
                             ? session.deviceName
                             : tr("%1 · %2").arg(session.deviceName, session.deviceOs);
        if (session.deviceKind == u"mobile")
            device = tr("Phone: %1").arg(device);
        const QString when = DateText::moment(QDateTime::fromSecsSinceEpoch(session.lastActive),
                                              QDateTime::currentDateTime());
        const QString line = session.current ? tr("%1 — this device").arg(device)
                                             : tr("%1 — last active %2").arg(device, when);
        auto *item = new QListWidgetItem(line, m_sessions);
        // The current device is left out of "sign out this device": logging out does that.
        item->setData(SessionIdRole, session.current ? QString() : session.id);
        item->setToolTip(plainToolTip(line));
    }
    m_sessionsNotice->hide();
}

void MyAccountPage::signOutSelected()
{
    QListWidgetItem *item = m_sessions->currentItem();
    if (!m_account || !item || item->data(SessionIdRole).toString().isEmpty())
        return;
    m_account->security()->signOutSession(item->data(SessionIdRole).toString(), this,
                                          [this](const ApiError &error) {
                                              if (error.isError())
                                                  return showError(m_sessionsNotice, error);
                                              Q_EMIT m_tabs->currentChanged(2);
                                          });
}

void MyAccountPage::signOutOthers()
{
    if (!m_account)
        return;
    m_account->security()->signOutOtherSessions(this, [this](const ApiError &error) {
        if (error.isError())
            return showError(m_sessionsNotice, error);
        Q_EMIT m_tabs->currentChanged(2);
    });
}

QString MyAccountPage::describe(const ApiError &error) const
{
    const QString tries = error.attemptsLeft > 0
                              ? u' ' + tr("%n attempt(s) left.", nullptr, error.attemptsLeft)
                              : QString();
    switch (error.code) {
    case ApiError::Code::InvalidCode:
        return tr("That code is not right.") + tries;
    case ApiError::Code::CodeReused:
        return tr("That code was already used. Wait for your authenticator to show a new one.");
    case ApiError::Code::CodeExpired:
        return tr("That code has expired. Enter the code your authenticator shows now.");
    case ApiError::Code::SecondFactorRequired:
        return tr("Enter the current code from your authenticator.");
    case ApiError::Code::InvalidCredentials:
        return tr("The current password is not right.");
    case ApiError::Code::WeakPassword:
        return tr("Choose a new password of at least 12 characters.");
    case ApiError::Code::TooManyAttempts:
        return tr("Too many attempts. Try again in %1.")
            .arg(DateText::waitLength(error.retryAfterSeconds));
    case ApiError::Code::Network:
    case ApiError::Code::Tls:
        return tr("Moim can't reach the server. Check your connection and try again.");
    case ApiError::Code::InvalidInput:
        return m_tabs->currentIndex() == 3
                   ? tr("Enter the personal account ID: at least 3 characters, without spaces.")
                   : tr("The file could not be saved.");
    case ApiError::Code::AlreadyLinked:
        return tr("This work account already has a linked personal account. Unlink it first.");
    case ApiError::Code::TooManyPending:
        return tr("Three requests already wait on that phone. Answer them there, or try again "
                  "in %1.")
            .arg(DateText::waitLength(error.retryAfterSeconds));
    case ApiError::Code::PushBlocked:
        return tr("Requests to that personal account are paused after a report. Try again in %n "
                  "minute(s).",
                  nullptr, std::max(1, (error.retryAfterSeconds + 59) / 60));
    default:
        if (const QString text = ErrorText::forServerAnswer(error); !text.isEmpty())
            return text;
        return tr("That did not work (%1). Try again in a moment.").arg(errorName(error.code));
    }
}

void MyAccountPage::showError(Notice *notice, const ApiError &error)
{
    notice->setKind(Notice::Kind::Error);
    notice->setMessage(describe(error));
    notice->show();
}

void MyAccountPage::showMessage(Notice *notice, const QString &text)
{
    notice->setKind(Notice::Kind::Error);
    notice->setMessage(text);
    notice->show();
}

void MyAccountPage::showSuccess(Notice *notice, const QString &text)
{
    notice->setKind(Notice::Kind::Info);
    notice->setMessage(text);
    notice->show();
}

} // namespace moim::ui
